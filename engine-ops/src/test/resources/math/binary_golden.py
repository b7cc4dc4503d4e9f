"""Writes binary_golden.txt: NumPy's results of pow, mod, maximum and minimum on tricky operands.

Regenerate (from the repository root; numpy 2.4 was used):
    python3 engine-ops/src/test/resources/math/binary_golden.py

BinaryGoldenTest reads the text file; it never runs Python. Each data line is
    <op> <dtype> <x> <y> <expected>
with op one of pow, mod, maximum, minimum and dtype one of float32, float64, int32, int64.
Floats are written exactly, as hexadecimal (Java's Double.parseDouble reads them; a float32
value is exact as a double), or as NaN, Infinity, -Infinity; integers in decimal. The operands
form the cross product of a list of edge values per dtype (negative operands, signed zeros,
NaN, +-inf, extremes), minus what NumPy refuses or warns about for integers (mod by zero,
negative exponents), whose failures the test checks by hand.
"""
import itertools
import os

import numpy as np

FLOATS = {
    "float64": [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.5, -2.5, 3.0, -3.0, 7.0, -7.0, 10.0,
                1e300, -1e300, 1e-300, 5e-324, float("inf"), float("-inf"), float("nan")],
    "float32": [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.5, -2.5, 3.0, -3.0, 7.0, -7.0, 10.0,
                3e38, -3e38, 1e-38, 1e-45, 0.1, float("inf"), float("-inf"), float("nan")],
}
INTS = {
    "int32": [0, 1, -1, 2, -2, 3, -3, 7, -7, 10, 46341, 2**31 - 1, -2**31],
    "int64": [0, 1, -1, 2, -2, 3, -3, 7, -7, 10, 3037000500, 2**63 - 1, -2**63],
}
EXPONENTS = [0, 1, 2, 3, 7, 10, 31, 32, 62, 63, 64, 2**31 - 1]

NUMPY_OPS = {"pow": np.power, "mod": np.mod, "maximum": np.maximum, "minimum": np.minimum}


def fmt_float(v):
    v = float(v)
    if v != v:
        return "NaN"
    if v in (float("inf"), float("-inf")):
        return "Infinity" if v > 0 else "-Infinity"
    return v.hex()


def main():
    lines = [__doc__.strip().replace("\n", "\n# ").join(["# ", ""])]
    for dtype, values in FLOATS.items():
        x, y = map(list, zip(*itertools.product(values, values)))
        xs, ys = np.array(x, dtype=dtype), np.array(y, dtype=dtype)
        for name, fn in NUMPY_OPS.items():
            with np.errstate(all="ignore"):
                out = fn(xs, ys)
            assert out.dtype == dtype
            for a, b, r in zip(xs, ys, out):
                lines.append(f"{name} {dtype} {fmt_float(a)} {fmt_float(b)} {fmt_float(r)}")
    for dtype, values in INTS.items():
        pairs = {
            "pow": [(a, e) for a in values for e in EXPONENTS if np.iinfo(dtype).min <= e <= np.iinfo(dtype).max],
            "mod": [(a, b) for a in values for b in values if b != 0],
            "maximum": list(itertools.product(values, values)),
            "minimum": list(itertools.product(values, values)),
        }
        for name, fn in NUMPY_OPS.items():
            x, y = map(list, zip(*pairs[name]))
            out = fn(np.array(x, dtype=dtype), np.array(y, dtype=dtype))
            assert out.dtype == dtype
            for a, b, r in zip(x, y, out):
                lines.append(f"{name} {dtype} {a} {b} {int(r)}")
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "binary_golden.txt")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
