"""Writes the golden .npy/.npz files that NpyTest and NpzTest read.

Regenerate (from the repository root) with:
    cd engine-core/src/test/resources/io && python3 make_npy.py
Written with numpy 2.4. The tests spell every value out again; they never run this script.
"""
import io

import numpy as np

# One array per supported dtype, C order, little-endian.
np.save("f4.npy", np.array([[1.0, -2.5, 3.25], [0.0, -0.0, 1e-45]], dtype="<f4"))
np.save("f8.npy", np.array([0.1, -1e300, np.inf, -np.inf, np.nan], dtype="<f8"))
np.save("i4.npy", np.array([[-2147483648], [2147483647], [7]], dtype="<i4"))
np.save("i8.npy", np.array([-9223372036854775808, 9223372036854775807, 42], dtype="<i8"))
np.save("b1.npy", np.array([[True, False], [False, True]], dtype="|b1"))

# Scalars and empty arrays.
np.save("scalar_f8.npy", np.float64(1.5))
np.save("scalar_b1.npy", np.bool_(True))
np.save("empty_f4.npy", np.zeros((0, 3), dtype="<f4"))

# Read but never written by Flowgraph: big-endian data and a version 2.0 header.
np.save("big_endian_f8.npy", np.array([1.5, -2.0, 3.0], dtype=">f8"))
np.save("big_endian_i4.npy", np.array([[1, -2], [3, 40000]], dtype=">i4"))
with open("v2_i4.npy", "wb") as f:
    np.lib.format.write_array(f, np.array([1, 2, 3], dtype="<i4"), version=(2, 0))

# Refused: Fortran order and an unsupported dtype.
np.save("fortran_f4.npy", np.asfortranarray(np.array([[1, 2, 3], [4, 5, 6]], dtype="<f4")))
np.save("f2.npy", np.array([1.0, 2.0], dtype="<f2"))

# Byte-for-byte references for what Flowgraph writes.
np.save("ref_matrix_f4.npy", np.array([[1, 2, 3], [4, 5, 6]], dtype="<f4"))
np.save("ref_vector_i8.npy", np.array([1, 2, 3], dtype="<i8"))
np.save("ref_scalar_f8.npy", np.float64(1.5))
np.save("ref_vector_b1.npy", np.array([True, False, True], dtype="|b1"))

# .npz: numpy.savez stores entries, savez_compressed deflates them.
np.savez("stored.npz", w=np.array([[1, 2], [3, 4]], dtype="<f4"), b=np.array([0.5], dtype="<f8"),
         step=np.int64(7))
np.savez_compressed("deflated.npz", w=np.array([[1, 2], [3, 4]], dtype="<f4"),
                    b=np.array([0.5], dtype="<f8"), step=np.int64(7))
