package dev.flowgraph.ops.math;

import dev.flowgraph.ops.kernels.Comparison;

/**
 * Elementwise {@code x < y} with NumPy broadcasting, a BOOL result; numeric inputs of one dtype.
 * Any comparison with NaN is false.
 */
final class Less extends BoolBinary {
    static final String TYPE = "Less";

    Less() {
        super(TYPE, Comparison.LESS, (x, y) -> x < y, null,
                "compare numeric values, or use equal/notEqual on bool");
    }

    @Override
    public String summary() {
        return "less(x, y): x < y elementwise with NumPy broadcasting, BOOL out; "
                + "numeric dtypes, both the same; false where either is NaN";
    }
}
