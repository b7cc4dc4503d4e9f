"""Writes numpy_checkpoint.npz, the NumPy-written checkpoint that CheckpointTest restores.

Regenerate (from the repository root) with:
    cd engine-core/src/test/resources/io/checkpoint && python3 make_checkpoint.py
Written with numpy 2.4. The test spells every value out again; it never runs this script.
A variable name may hold '/' (name scopes): numpy.savez writes the entry 'layer1/w.npy' and
numpy.load gives it back under the key 'layer1/w', the variable's name.
"""
import numpy as np

np.savez(
    "numpy_checkpoint.npz",
    **{
        "layer1/w": np.array([[0.5, -1.25], [3.0, -0.0]], dtype="<f4"),
        "layer1/b": np.array([1e-45, np.inf], dtype="<f4"),
        "step": np.int64(42),
    },
)

# What a reader in Python sees: the keys are the variable names.
loaded = np.load("numpy_checkpoint.npz")
assert loaded.files == ["layer1/w", "layer1/b", "step"], loaded.files
assert loaded["layer1/w"][1, 0] == 3.0 and loaded["step"] == 42
