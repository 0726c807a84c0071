;; The anchor automaton's scan loop in WebAssembly: the same DFA as AnchorMatcher.find (src/signatures/compile.ts),
;; walked over four quarters of the bytes at once. Each step of a walk waits for the table lookup before it, so
;; four independent walks keep the processor busy where one leaves it waiting; JavaScript gains nothing from the
;; extra walks (its bounds checks and register pressure eat the overlap), WebAssembly about 2x over the
;; JavaScript loop. scripts/build-wasm.mjs assembles this file into anchor-dfa-wasm.ts; a test checks the two agree.
;;
;; Memory, laid out by the host (src/signatures/anchor-dfa.ts): the table (i32 entries: 256 byte classes, then one
;; row per state), the output (pairs of i32: offset after the last byte of a match, accepting state), the bytes.
;; States are entry indexes, as in JavaScript: next = table[state + table[byte]].
(module
  (memory (export "memory") 1)

  ;; The state after reading bytes [max(0, end - depth), end) from the root: a walk that starts `depth` bytes
  ;; early is in the state a walk from the very start would be in, because no state remembers more bytes.
  (func $warm (param $table i32) (param $bytes i32) (param $end i32) (param $depth i32) (result i32)
    (local $j i32) (local $s i32)
    (local.set $s (i32.const 256))
    (local.set $j (select (i32.sub (local.get $end) (local.get $depth)) (i32.const 0)
      (i32.gt_s (local.get $end) (local.get $depth))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $j) (local.get $end)))
        (local.set $s (i32.load (i32.add (local.get $table) (i32.shl (i32.add (local.get $s)
          (i32.load (i32.add (local.get $table) (i32.shl (i32.load8_u (i32.add (local.get $bytes) (local.get $j))) (i32.const 2)))))
          (i32.const 2)))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $next)))
    (local.get $s))

  (func $record (param $at i32) (param $end i32) (param $state i32)
    (i32.store (local.get $at) (local.get $end))
    (i32.store offset=4 (local.get $at) (local.get $state)))

  ;; Writes the accepting positions of `bytes` to `out` and returns how many i32 it wrote, or -1 as soon as
  ;; more than `cap` would be needed (the host then falls back to the JavaScript loop, which has no limit).
  (func (export "find") (param $table i32) (param $bytes i32) (param $n i32) (param $accepting i32)
    (param $depth i32) (param $out i32) (param $cap i32) (result i32)
    (local $q i32) (local $i i32) (local $k i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32)
    (local $p0 i32) (local $p1 i32) (local $p2 i32) (local $p3 i32)
    (local.set $q (i32.shr_u (local.get $n) (i32.const 2)))
    (local.set $s0 (i32.const 256))
    (local.set $s1 (call $warm (local.get $table) (local.get $bytes) (local.get $q) (local.get $depth)))
    (local.set $s2 (call $warm (local.get $table) (local.get $bytes) (i32.shl (local.get $q) (i32.const 1)) (local.get $depth)))
    (local.set $s3 (call $warm (local.get $table) (local.get $bytes) (i32.mul (local.get $q) (i32.const 3)) (local.get $depth)))
    (local.set $p0 (local.get $bytes))
    (local.set $p1 (i32.add (local.get $p0) (local.get $q)))
    (local.set $p2 (i32.add (local.get $p1) (local.get $q)))
    (local.set $p3 (i32.add (local.get $p2) (local.get $q)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $q)))
        (local.set $s0 (i32.load (i32.add (local.get $table) (i32.shl (i32.add (local.get $s0)
          (i32.load (i32.add (local.get $table) (i32.shl (i32.load8_u (i32.add (local.get $p0) (local.get $i))) (i32.const 2)))))
          (i32.const 2)))))
        (local.set $s1 (i32.load (i32.add (local.get $table) (i32.shl (i32.add (local.get $s1)
          (i32.load (i32.add (local.get $table) (i32.shl (i32.load8_u (i32.add (local.get $p1) (local.get $i))) (i32.const 2)))))
          (i32.const 2)))))
        (local.set $s2 (i32.load (i32.add (local.get $table) (i32.shl (i32.add (local.get $s2)
          (i32.load (i32.add (local.get $table) (i32.shl (i32.load8_u (i32.add (local.get $p2) (local.get $i))) (i32.const 2)))))
          (i32.const 2)))))
        (local.set $s3 (i32.load (i32.add (local.get $table) (i32.shl (i32.add (local.get $s3)
          (i32.load (i32.add (local.get $table) (i32.shl (i32.load8_u (i32.add (local.get $p3) (local.get $i))) (i32.const 2)))))
          (i32.const 2)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (if (i32.or
              (i32.or (i32.ge_s (local.get $s0) (local.get $accepting)) (i32.ge_s (local.get $s1) (local.get $accepting)))
              (i32.or (i32.ge_s (local.get $s2) (local.get $accepting)) (i32.ge_s (local.get $s3) (local.get $accepting))))
          (then
            (if (i32.gt_s (i32.add (local.get $k) (i32.const 8)) (local.get $cap)) (then (return (i32.const -1))))
            ;; $i is already one past the byte just read: the offset after the match in this quarter.
            (if (i32.ge_s (local.get $s0) (local.get $accepting)) (then
              (call $record (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 2))) (local.get $i) (local.get $s0))
              (local.set $k (i32.add (local.get $k) (i32.const 2)))))
            (if (i32.ge_s (local.get $s1) (local.get $accepting)) (then
              (call $record (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 2))) (i32.add (local.get $q) (local.get $i)) (local.get $s1))
              (local.set $k (i32.add (local.get $k) (i32.const 2)))))
            (if (i32.ge_s (local.get $s2) (local.get $accepting)) (then
              (call $record (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 2))) (i32.add (i32.shl (local.get $q) (i32.const 1)) (local.get $i)) (local.get $s2))
              (local.set $k (i32.add (local.get $k) (i32.const 2)))))
            (if (i32.ge_s (local.get $s3) (local.get $accepting)) (then
              (call $record (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 2))) (i32.add (i32.mul (local.get $q) (i32.const 3)) (local.get $i)) (local.get $s3))
              (local.set $k (i32.add (local.get $k) (i32.const 2)))))))
        (br $next)))
    ;; The last quarter's walk goes on over the bytes that did not divide by four.
    (local.set $i (i32.shl (local.get $q) (i32.const 2)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $s3 (i32.load (i32.add (local.get $table) (i32.shl (i32.add (local.get $s3)
          (i32.load (i32.add (local.get $table) (i32.shl (i32.load8_u (i32.add (local.get $bytes) (local.get $i))) (i32.const 2)))))
          (i32.const 2)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (if (i32.ge_s (local.get $s3) (local.get $accepting)) (then
          (if (i32.gt_s (i32.add (local.get $k) (i32.const 2)) (local.get $cap)) (then (return (i32.const -1))))
          (call $record (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 2))) (local.get $i) (local.get $s3))
          (local.set $k (i32.add (local.get $k) (i32.const 2)))))
        (br $next)))
    (local.get $k)))
