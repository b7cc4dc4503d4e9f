#!/usr/bin/env python3
"""Writes unary_golden.txt, the expected values of the unary math ops and Cast, with NumPy.

Regenerate (from the repository root):
    python3 engine-ops/src/test/resources/math/unary_golden.py

Read by dev.flowgraph.ops.math.UnaryGoldenTest. One line per element:
    op in_dtype out_dtype input expected
op is the op type, with the alpha of LeakyRelu after a colon (LeakyRelu:0.01). Floats are written
with repr(), which round-trips exactly (a float32 value is written as the double it equals), and
Infinity, -Infinity, NaN as Java spells them; integers as decimals; booleans as true/false.

What each expected value is:
- Abs, Sign, Square, Sqrt, Reciprocal, Floor, Ceil, Round (numpy.round, halves to even), Relu
  (numpy.maximum(x, 0)): the NumPy function in the input's dtype; Flowgraph must match bit for bit.
- Rsqrt: 1 / numpy.sqrt(x) in the input's dtype (two roundings, as Flowgraph does).
- LeakyRelu: numpy.where(x > 0, x, x * alpha) with alpha in the input's dtype.
- Exp, Log, Log1p, Sin, Cos, Tanh: the NumPy function in float64, rounded once to the input's
  dtype. Not NumPy's float32 loops: on x86 with AVX2 they are up to 2 ulp (exp) and 3 ulp (log)
  from the correctly rounded value, and they differ between CPUs. Flowgraph computes with Java's
  StrictMath in double and rounds once for float32, so it may differ from these by 1 ulp.
- Sigmoid, Softplus: the stable formulas evaluated in float64 NumPy and rounded once to the
  input's dtype (NumPy has no such ufuncs); again within 1 ulp.
- Cast: x.astype(out_dtype), on inputs where NumPy's result does not depend on the platform
  (no NaN, infinity or out-of-range float to integer).
"""
import os

import numpy as np

FLOAT_INPUTS = [
    0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 3.7, -3.7, 0.1, -0.1, 1e-8, -1e-8,
    1e-30, -1e-30, 5e-324, 2.0, 3.0, 4.0, 10.0, -10.0, 20.0, -20.0, 37.5, -37.5, 88.5, -88.5,
    100.0, -100.0, 700.0, -700.0, 710.0, -710.0, -750.0, 1e10, -1e10, 123456.789, -123456.789,
    3.141592653589793, 1e300, -1e300, float("nan"), float("inf"), float("-inf"),
]
INT32_INPUTS = [0, 1, -1, 7, -7, 46340, 46341, -46341, 65536, 2**31 - 1, -2**31]
INT64_INPUTS = [0, 1, -1, 7, -7, 3037000499, 3037000500, 2**32, 2**53 + 1, 2**62 + 2**38 + 1,
                2**63 - 1, -2**63]

NAMES = {np.float32: "float32", np.float64: "float64", np.int32: "int32", np.int64: "int64",
         np.bool_: "bool"}


def text(v):
    if isinstance(v, (bool, np.bool_)):
        return "true" if v else "false"
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    v = float(v)
    if v != v:
        return "NaN"
    if v in (float("inf"), float("-inf")):
        return "Infinity" if v > 0 else "-Infinity"
    return repr(v)


def in64(f, dtype):
    return lambda x: f(x.astype(np.float64)).astype(dtype)


def sigmoid(x):
    x = x.astype(np.float64)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def softplus(x):
    x = x.astype(np.float64)
    return np.log1p(np.exp(-np.abs(x))) + np.maximum(x, 0)


def main():
    lines = []

    def emit(op, x, y):
        assert x.shape == y.shape
        for a, b in zip(x.tolist(), y.tolist()):
            lines.append(f"{op} {NAMES[x.dtype.type]} {NAMES[y.dtype.type]} {text(a)} {text(b)}")

    with np.errstate(all="ignore"):
        for dtype in (np.float32, np.float64):
            x = np.array(FLOAT_INPUTS, dtype=dtype)
            one = dtype(1)
            same = {
                "Abs": np.abs, "Sign": np.sign, "Square": np.square, "Sqrt": np.sqrt,
                "Rsqrt": lambda v: one / np.sqrt(v), "Exp": in64(np.exp, dtype),
                "Log": in64(np.log, dtype), "Log1p": in64(np.log1p, dtype),
                "Sin": in64(np.sin, dtype), "Cos": in64(np.cos, dtype), "Tanh": in64(np.tanh, dtype),
                "Sigmoid": lambda v: sigmoid(v).astype(dtype),
                "Relu": lambda v: np.maximum(v, dtype(0)),
                "Softplus": lambda v: softplus(v).astype(dtype),
                "Reciprocal": np.reciprocal, "Floor": np.floor, "Ceil": np.ceil,
                "Round": np.round,
            }
            for op, f in same.items():
                emit(op, x, f(x))
            for alpha in (0.2, 0.01, 3.0):
                emit(f"LeakyRelu:{alpha!r}", x, np.where(x > 0, x, x * dtype(alpha)))

        for dtype, inputs in ((np.int32, INT32_INPUTS), (np.int64, INT64_INPUTS)):
            x = np.array(inputs, dtype=dtype)
            for op, f in {"Abs": np.abs, "Sign": np.sign, "Square": np.square,
                          "Relu": lambda v: np.maximum(v, dtype(0))}.items():
                emit(op, x, f(x))

        # Casts where NumPy defines the result on every platform.
        finite = np.array([v for v in FLOAT_INPUTS if np.isfinite(v) and abs(v) < 2**31 - 1])
        for src in (np.float32, np.float64):
            x = finite.astype(src)
            for dst in (np.float32, np.float64, np.int32, np.int64, np.bool_):
                if dst is not src:
                    emit("Cast", x, x.astype(dst))
        special = np.array([float("nan"), float("inf"), float("-inf"), 1e300, -1e300, -0.0])
        for src in (np.float32, np.float64):
            for dst in (np.float32, np.float64, np.bool_):
                if dst is not src:
                    x = special.astype(src)
                    emit("Cast", x, x.astype(dst))
        for src, inputs in ((np.int32, INT32_INPUTS), (np.int64, INT64_INPUTS)):
            x = np.array(inputs, dtype=src)
            for dst in (np.float32, np.float64, np.int32, np.int64, np.bool_):
                if dst is not src:
                    emit("Cast", x, x.astype(dst))
        b = np.array([True, False])
        for dst in (np.float32, np.float64, np.int32, np.int64):
            emit("Cast", b, b.astype(dst))

    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "unary_golden.txt")
    with open(out, "w") as f:
        f.write("# Written by unary_golden.py (NumPy %s); do not edit.\n" % np.__version__)
        f.write("# op in_dtype out_dtype input expected\n")
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
