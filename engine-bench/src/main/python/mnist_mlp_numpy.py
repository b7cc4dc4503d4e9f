"""The NumPy peer of MnistTrainingBenchmark: training steps per second of the same MLP.

The model is the Mnist example's MLP (dev.flowgraph.examples.mnist.MnistModel), all in float32:
logits = relu(x @ W1 + b1) @ W2 + b2, 784-128-10, W1 He-normal, W2 Glorot-uniform, zero biases,
loss the mean sparse softmax cross-entropy of the batch, and one Adam step per batch in
TensorFlow 1's formulation (lr 1e-3, beta1 0.9, beta2 0.999, epsilon 1e-8 outside the square
root, bias correction folded into the step size). Forward and backward passes are written by
hand, with in-place updates where NumPy allows them. The batch is 128 images of pixels uniform in
[0, 1) with random labels, seeded, as in the Java benchmark: a step costs the same whatever the
pixels.

It times `--steps` steps after `--warmup` steps, `--repeats` times, and prints the median
steps per second, NumPy's version and the BLAS it was built with. The BLAS's thread count is
set through OPENBLAS_NUM_THREADS, OMP_NUM_THREADS and MKL_NUM_THREADS before NumPy is imported,
so compare `--threads 1` with the engine's pool of 1 and `--threads 2` with its pool of 2.

Run from the repository root (no test runs it):
    python3 engine-bench/src/main/python/mnist_mlp_numpy.py --threads 1
    python3 engine-bench/src/main/python/mnist_mlp_numpy.py --threads 2
"""

import argparse
import ctypes
import glob
import os
import statistics
import time

BATCH = 128
PIXELS = 784
HIDDEN = 128
CLASSES = 10


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--threads", type=int, default=1, help="BLAS threads (default 1)")
    parser.add_argument("--warmup", type=int, default=100, help="untimed steps first (default 100)")
    parser.add_argument("--steps", type=int, default=200, help="steps per timed repeat (default 200)")
    parser.add_argument("--repeats", type=int, default=5, help="timed repeats (default 5)")
    return parser.parse_args()


def blas_description(np):
    """Names the BLAS NumPy was built with, from numpy.show_config's dictionary."""
    config = np.show_config(mode="dicts")
    blas = config.get("Build Dependencies", {}).get("blas", {})
    return "%s %s" % (blas.get("name", "unknown"), blas.get("version", ""))


def openblas_runtime(np):
    """Asks the OpenBLAS that NumPy's wheel bundles for its kernel family and thread count.

    Only the pip wheels' scipy-openblas library is looked for; any other BLAS gives "unknown",
    and the environment variables then stand for the thread count.
    """
    libs = glob.glob(os.path.join(os.path.dirname(np.__file__), "..", "numpy.libs", "*scipy_openblas*"))
    try:
        lib = ctypes.CDLL(libs[0])
        lib.scipy_openblas_get_corename64_.restype = ctypes.c_char_p
        return "kernels %s, %d thread(s) in use" % (
            lib.scipy_openblas_get_corename64_().decode(), lib.scipy_openblas_get_num_threads64_())
    except (IndexError, OSError, AttributeError):
        return "kernels and threads unknown"


def main():
    args = parse_args()
    # Before numpy is imported: the BLAS reads these when it loads.
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = str(args.threads)
    import numpy as np

    rng = np.random.default_rng(42)
    f32 = np.float32
    params = [
        (rng.standard_normal((PIXELS, HIDDEN)) * np.sqrt(2.0 / PIXELS)).astype(f32),
        np.zeros(HIDDEN, f32),
        rng.uniform(-1, 1, (HIDDEN, CLASSES)).astype(f32) * f32(np.sqrt(6.0 / (HIDDEN + CLASSES))),
        np.zeros(CLASSES, f32),
    ]
    ms = [np.zeros_like(p) for p in params]
    vs = [np.zeros_like(p) for p in params]
    scratch = [np.zeros_like(p) for p in params]
    data = np.random.default_rng(7)
    x = data.random((BATCH, PIXELS), dtype=f32)
    labels = data.integers(0, CLASSES, BATCH)
    rows = np.arange(BATCH)
    lr, beta1, beta2, eps = 1e-3, 0.9, 0.999, 1e-8
    state = {"t": 0}

    def step():
        w1, b1, w2, b2 = params
        pre = x @ w1
        pre += b1
        hidden = np.maximum(pre, 0)
        logits = hidden @ w2
        logits += b2
        # Softmax cross-entropy with the row maximum subtracted, as the engine's kernel does.
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        total = exp.sum(axis=1, keepdims=True)
        loss = float(np.mean(np.log(total[:, 0]) - logits[rows, labels]))
        grad_logits = exp
        grad_logits /= total
        grad_logits[rows, labels] -= 1
        grad_logits *= f32(1.0 / BATCH)
        grad_hidden = grad_logits @ w2.T
        grad_hidden *= pre > 0
        grads = [x.T @ grad_hidden, grad_hidden.sum(axis=0), hidden.T @ grad_logits, grad_logits.sum(axis=0)]

        state["t"] += 1
        t = state["t"]
        lr_t = f32(lr * np.sqrt(1 - beta2 ** t) / (1 - beta1 ** t))
        for p, g, m, v, s in zip(params, grads, ms, vs, scratch):
            m *= f32(beta1)
            m += f32(1 - beta1) * g
            v *= f32(beta2)
            np.multiply(g, g, out=s)
            s *= f32(1 - beta2)
            v += s
            np.sqrt(v, out=s)
            s += f32(eps)
            np.divide(m, s, out=s)
            s *= lr_t
            p -= s
        return loss

    first_loss = step()
    for _ in range(args.warmup - 1):
        step()
    rates = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        for _ in range(args.steps):
            loss = step()
        rates.append(args.steps / (time.perf_counter() - start))

    print("numpy %s, BLAS %s (%s), %d BLAS thread(s) asked for"
          % (np.__version__, blas_description(np), openblas_runtime(np), args.threads))
    print("loss: first step %.4f, last step %.4f" % (first_loss, loss))
    print("steps/s per repeat: %s" % ", ".join("%.1f" % r for r in rates))
    print("median steps/s: %.1f" % statistics.median(rates))


if __name__ == "__main__":
    main()
