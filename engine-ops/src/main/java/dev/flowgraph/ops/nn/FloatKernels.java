package dev.flowgraph.ops.nn;

import dev.flowgraph.DType;
import dev.flowgraph.spi.NodeSpec;

/**
 * What the ops of this package share: they take float inputs of one dtype, and their kernels
 * compute in double; a FLOAT32 result is computed in double and rounded to float once, at the end,
 * which is at least as accurate as computing in float.
 */
final class FloatKernels {
    private FloatKernels() {}

    /**
     * Returns the float dtype that inputs {@code [0, count)} of a node share.
     *
     * @param node the node
     * @param count how many leading inputs must share it
     * @return FLOAT32 or FLOAT64
     * @throws IllegalArgumentException if the dtypes differ or are not float
     */
    static DType floatDType(NodeSpec node, int count) {
        DType dtype = node.inputDType(0);
        for (int i = 1; i < count; i++) {
            if (node.inputDType(i) != dtype) {
                throw new IllegalArgumentException("dtypes differ: " + dtype + " and " + node.inputDType(i)
                        + "; cast one operand");
            }
        }
        if (!dtype.isFloating()) {
            throw new IllegalArgumentException(dtype + " is not a float dtype; cast to float32 first");
        }
        return dtype;
    }

    /**
     * Normalizes an axis attribute against a rank, NumPy style.
     *
     * @param axis the axis, negative counting from the end
     * @param rank the rank, at least 1
     * @return the axis in {@code [0, rank)}
     * @throws IllegalArgumentException if it is out of range
     */
    static int axis(long axis, int rank) {
        if (axis < -rank || axis >= rank) {
            throw new IllegalArgumentException("axis " + axis + " is out of range for rank " + rank
                    + " (valid: " + -rank + " to " + (rank - 1) + ")");
        }
        return (int) (axis < 0 ? axis + rank : axis);
    }
}
