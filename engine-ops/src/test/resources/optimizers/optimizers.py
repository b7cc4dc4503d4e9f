"""Expected variable values after each step of each optimizer, for OptimizersTest.

Regenerate (from this directory):  python3 optimizers.py > optimizers.txt

The update rules are written out here in NumPy, independently of the Java code, following
TensorFlow 1's formulations (tf.train.GradientDescentOptimizer, MomentumOptimizer with and without
use_nesterov, AdamOptimizer, RMSPropOptimizer) and tf.clip_by_global_norm. Each optimizer starts
from the same two variables and is fed the same fixed gradients for four steps. Output lines:
    <case> <step> <variable> <values...>
with values printed by repr(), so they round-trip exactly to doubles.
"""
import numpy as np

W0 = np.array([1.0, -2.0, 3.0])
B0 = np.array([[0.5, -0.25], [0.125, 2.0]])
GRADS = [
    (np.array([0.1, -0.2, 0.3]), np.array([[1.0, -1.0], [0.5, 0.0]])),
    (np.array([-0.4, 0.5, 0.05]), np.array([[0.2, 0.3], [-0.7, 0.01]])),
    (np.array([0.0, 0.25, -1.5]), np.array([[-2.0, 0.6], [0.4, -0.05]])),
    (np.array([0.3, 0.3, 0.3]), np.array([[0.0, 0.0], [1.0, -1.0]])),
]


def run(name, step_fn, clip=None):
    params = [W0.copy(), B0.copy()]
    state = [dict(), dict()]
    for t, grads in enumerate(GRADS, start=1):
        grads = list(grads)
        if clip is not None:
            norm = np.sqrt(sum(np.sum(g * g) for g in grads))
            grads = [g * clip / max(norm, clip) for g in grads]
        for i, (p, g) in enumerate(zip(params, grads)):
            params[i] = step_fn(p, g, state[i], t)
        for label, p in zip(("w", "b"), params):
            print(name, t, label, " ".join(repr(float(v)) for v in p.ravel()))


def sgd(lr):
    return lambda p, g, s, t: p - lr * g


def momentum(lr, mu, nesterov):
    def step(p, g, s, t):
        a = mu * s.get("a", np.zeros_like(p)) + g
        s["a"] = a
        return p - lr * (g + mu * a) if nesterov else p - lr * a
    return step


def adam(lr, b1, b2, eps):
    def step(p, g, s, t):
        m = b1 * s.get("m", np.zeros_like(p)) + (1 - b1) * g
        v = b2 * s.get("v", np.zeros_like(p)) + (1 - b2) * g * g
        s["m"], s["v"] = m, v
        lr_t = lr * np.sqrt(1 - b2 ** t) / (1 - b1 ** t)
        return p - lr_t * m / (np.sqrt(v) + eps)
    return step


def rmsprop(lr, rho, mu, eps):
    def step(p, g, s, t):
        ms = rho * s.get("ms", np.zeros_like(p)) + (1 - rho) * g * g
        mom = mu * s.get("mom", np.zeros_like(p)) + lr * g / np.sqrt(ms + eps)
        s["ms"], s["mom"] = ms, mom
        return p - mom
    return step


run("sgd", sgd(0.1))
run("momentum", momentum(0.1, 0.9, False))
run("nesterov", momentum(0.1, 0.9, True))
run("adam", adam(0.01, 0.9, 0.999, 1e-8))
run("rmsprop", rmsprop(0.01, 0.9, 0.0, 1e-10))
run("rmsprop_momentum", rmsprop(0.01, 0.9, 0.5, 1e-10))
run("sgd_clipped", sgd(0.1), clip=1.0)
