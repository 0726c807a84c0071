import { expect, it } from "vitest";
import { fingerprintOf, normaliseMessage } from "../../src/history/index.js";

const SIG = "kubeadm-kubelet-version-too-old";

it("ignores what differs between two runs of one failure: times, addresses, pod hashes, ids, patch releases", () => {
  const a = 'E1201 11:06:43.123456   4242 join.go:12] 2026-12-01T11:06:43Z node 10.244.1.7:10250 pod kube-proxy-7d9f8b6c5d-x7k2p: kubelet version "v1.29.3" is too old (minimum v1.30.0-alpha.1.123+4e7b5ad1b1f1c2) after 12.5s, request 8f14e45fceea167a5a36dedd4bea2543';
  const b = 'E0101 00:00:01.000001   17 join.go:12] 2027-01-01T00:00:01Z node 10.0.0.9:10250 pod kube-proxy-55f6c9d8b7-q9w8e: kubelet version "v1.29.7" is too old (minimum v1.30.2) after 3ms, request 0123456789abcdef0123456789abcdef';
  expect(fingerprintOf(SIG, a)).toBe(fingerprintOf(SIG, b));
  expect(normaliseMessage(a)).toBe('<time> node <ip> pod kube-proxy-<pod>: kubelet version "v1.29" is too old (minimum v1.30) after <duration>, request <hex>');
});

it("keeps what makes it another cause: another minor, another signature, other words", () => {
  const base = fingerprintOf(SIG, 'kubelet version "v1.29.3" is too old (minimum v1.30.0)');
  expect(fingerprintOf(SIG, 'kubelet version "v1.28.3" is too old (minimum v1.30.0)')).not.toBe(base);
  expect(fingerprintOf("other-signature", 'kubelet version "v1.29.3" is too old (minimum v1.30.0)')).not.toBe(base);
  expect(fingerprintOf(SIG, 'kubelet version "v1.29.3" is too new (minimum v1.30.0)')).not.toBe(base);
  expect(base).toMatch(/^[0-9a-f]{16}$/);
});
