package dev.flowgraph.ops.math;

import dev.flowgraph.ops.kernels.Comparison;

/**
 * Elementwise {@code x == y} with NumPy broadcasting, a BOOL result; numeric or BOOL inputs of one
 * dtype. NaN equals nothing, itself included; {@code -0.0 == 0.0}.
 */
final class Equal extends BoolBinary {
    static final String TYPE = "Equal";

    Equal() {
        super(TYPE, Comparison.EQUAL, (x, y) -> x == y, (x, y) -> x == y, "");
    }

    @Override
    public String summary() {
        return "equal(x, y): x == y elementwise with NumPy broadcasting, BOOL out; "
                + "numeric or bool dtypes, both the same; NaN == NaN is false";
    }
}
