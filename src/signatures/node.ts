import type { Signature } from "../model.js";

// Runtime symptoms of skew between running components (kubelet, kube-proxy, etcd, test binaries and the
// apiserver they talk to), where no version check names the mismatch and the failure shows only as a refused
// request. Filled by the recognition-breadth work.
export const nodeSignatures: Signature[] = [];
