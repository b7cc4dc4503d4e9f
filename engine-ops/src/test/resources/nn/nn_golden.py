#!/usr/bin/env python3
"""Golden values for the linalg and nn op tests (NnGoldenTest), computed with NumPy in float64.

Regenerate (from the repository root):
    python3 engine-ops/src/test/resources/nn/nn_golden.py > engine-ops/src/test/resources/nn/nn_golden.txt

Output format, one array per line: NAME DIMS VALUES, where DIMS is comma-separated ('-' for a
scalar) and VALUES are the row-major elements, space-separated, in Python's round-trip repr.
Inputs are written too, so that the test reads both sides from this file.
"""
import numpy as np

rng = np.random.default_rng(20260601)
out = {}


def put(name, a):
    out[name] = np.asarray(a, dtype=np.float64)


def log_softmax(x, axis):
    m = np.max(x, axis=axis, keepdims=True)
    return x - m - np.log(np.sum(np.exp(x - m), axis=axis, keepdims=True))


def softmax(x, axis):
    return np.exp(log_softmax(x, axis))


# Batched matmul: batch axes [2, 1] and [3] broadcast to [2, 3].
put("mm_a", rng.standard_normal((2, 1, 3, 4)))
put("mm_b", rng.standard_normal((3, 4, 5)))
put("mm_out", np.matmul(out["mm_a"], out["mm_b"]))
# Transpose flags on the last two axes: a stored [2, 4, 3], b stored [1, 5, 4].
put("mmt_a", rng.standard_normal((2, 4, 3)))
put("mmt_b", rng.standard_normal((1, 5, 4)))
put("mmt_out", np.matmul(np.swapaxes(out["mmt_a"], -1, -2), np.swapaxes(out["mmt_b"], -1, -2)))
# Rank-1 operands against a batch: [2, 3, 4] . [4] and [4] . [2, 4, 5].
put("mmv_a", rng.standard_normal((2, 3, 4)))
put("mmv_v", rng.standard_normal(4))
put("mmv_out", np.matmul(out["mmv_a"], out["mmv_v"]))
put("mmv_b", rng.standard_normal((2, 4, 5)))
put("vmm_out", np.matmul(out["mmv_v"], out["mmv_b"]))

# Softmax and log-softmax with large logits: naive exp(1000) overflows, exp(-1000) underflows.
x = rng.standard_normal((2, 3, 4))
x[0, 0, :] = [1000.0, -1000.0, 0.0, 999.0]
x[1, 2, :] = [-1000.0, -1000.0, -1001.0, -999.0]
x[1, 0, 1] = 1000.0
put("sm_x", x)
for axis in (-1, 0, 1):
    tag = "m1" if axis < 0 else str(axis)
    put("sm_out_" + tag, softmax(x, axis))
    put("lsm_out_" + tag, log_softmax(x, axis))

# Cross-entropies: [4, 5] logits, one-hot and probability labels.
logits = rng.standard_normal((4, 5))
logits[0, :] = [1000.0, -1000.0, 0.0, 3.0, -2.0]
logits[3, :] = [-1000.0, -1000.0, -1000.0, -1000.0, -999.0]
put("ce_logits", logits)
labels = np.zeros((4, 5))
labels[0, 1] = 1.0
labels[1, 0] = 1.0
labels[2, :] = [0.1, 0.2, 0.3, 0.2, 0.2]
labels[3, 4] = 1.0
put("ce_labels", labels)
put("ce_out", -np.sum(labels * log_softmax(logits, -1), axis=-1))
sparse = np.array([1, 4, 2, 0])
put("sce_labels", sparse)
put("sce_out", -log_softmax(logits, -1)[np.arange(4), sparse])

# Mean squared error with broadcasting: [3, 4] against [4].
put("mse_p", rng.standard_normal((3, 4)))
put("mse_t", rng.standard_normal(4))
put("mse_out", np.mean(np.square(out["mse_p"] - out["mse_t"])))

for name, a in out.items():
    dims = ",".join(str(d) for d in a.shape) or "-"
    print(name, dims, " ".join(repr(float(v)) for v in a.ravel()))
