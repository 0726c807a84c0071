import { Buffer } from "node:buffer";
import process from "node:process";
import { ANCHOR_DFA_WASM } from "./anchor-dfa-wasm.js";

/** Buffers shorter than this are walked in JavaScript: copying them into WebAssembly memory would cost more than it saves. */
export const WASM_MIN_BYTES = 4096;
/** Longer buffers too are walked in JavaScript, so that a walk's memory (which never shrinks) stays about 11 MiB. */
export const WASM_MAX_BYTES = 8 * 1024 * 1024;
const PAGE = 65536;

// The few WebAssembly types this file uses: the project's TypeScript libraries (ES2022, @types/node 20) declare none.
interface WasmMemory { readonly buffer: ArrayBuffer; grow(pages: number): number }
interface WasmInstance { readonly exports: Record<string, unknown> }
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => WasmInstance;
}
const wasmApi = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

let compiled: object | null | undefined;

/** The module, compiled on first use (not at start-up: a one-line log never needs it); null where WebAssembly is unavailable. */
function anchorModule(): object | null {
  if (compiled === undefined) {
    try {
      compiled = !wasmApi ? null : new wasmApi.Module(Buffer.from(ANCHOR_DFA_WASM, "base64"));
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** Whether the WebAssembly walk is wanted: SKEWBOT_SCAN_WASM=0 keeps every walk in JavaScript (for debugging and for the differential tests). */
export function wasmWanted(): boolean {
  return process.env.SKEWBOT_SCAN_WASM !== "0";
}

type Find = (table: number, bytes: number, n: number, accepting: number, depth: number, out: number, cap: number) => number;

/**
 * One automaton's table in its own WebAssembly memory, walked there over four quarters at once. It returns the
 * same (end offset, accepting state) pairs as the JavaScript walk, in another order (the caller sorts them).
 */
export class WasmWalk {
  private readonly memory: WasmMemory;
  private readonly run: Find;
  private readonly tableBytes: number;

  private constructor(instance: WasmInstance, table: Int32Array) {
    this.memory = instance.exports.memory as WasmMemory;
    this.run = instance.exports.find as Find;
    this.tableBytes = table.length * 4;
    this.reserve(this.tableBytes);
    new Int32Array(this.memory.buffer, 0, table.length).set(table);
  }

  /** A walk over `table`, or undefined where WebAssembly cannot run (the caller then walks in JavaScript). */
  static of(table: Int32Array): WasmWalk | undefined {
    const module = anchorModule();
    if (!module || !wasmApi) return undefined;
    try {
      return new WasmWalk(new wasmApi.Instance(module, {}), table);
    } catch {
      return undefined;
    }
  }

  /**
   * The pairs for `bytes`, as a view into this walk's memory that the next call overwrites; undefined when more
   * positions accept than the output holds (one per 4 bytes; a log that dense is walked in JavaScript).
   */
  ends(bytes: Uint8Array, firstAccepting: number, depth: number): Int32Array | undefined {
    const cap = Math.max(1024, bytes.length >> 2);
    const out = this.tableBytes;
    const at = out + cap * 4;
    this.reserve(at + bytes.length);
    new Uint8Array(this.memory.buffer, at, bytes.length).set(bytes);
    const k = this.run(0, at, bytes.length, firstAccepting, depth, out, cap);
    return k < 0 ? undefined : new Int32Array(this.memory.buffer, out, k);
  }

  private reserve(bytes: number): void {
    const have = this.memory.buffer.byteLength;
    if (bytes > have) this.memory.grow(Math.ceil((bytes - have) / PAGE));
  }
}
