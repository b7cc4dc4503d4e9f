package dev.flowgraph.ops.math;

import dev.flowgraph.ops.kernels.Comparison;

/**
 * Elementwise {@code x != y} with NumPy broadcasting, a BOOL result; numeric or BOOL inputs of one
 * dtype. NaN differs from everything, itself included.
 */
final class NotEqual extends BoolBinary {
    static final String TYPE = "NotEqual";

    NotEqual() {
        super(TYPE, Comparison.NOT_EQUAL, (x, y) -> x != y, (x, y) -> x != y, "");
    }

    @Override
    public String summary() {
        return "notEqual(x, y): x != y elementwise with NumPy broadcasting, BOOL out; "
                + "numeric or bool dtypes, both the same; NaN != NaN is true";
    }
}
