package dev.flowgraph.ops.math;

import dev.flowgraph.ops.kernels.Arithmetic;

/**
 * Elementwise smaller of {@code x} and {@code y} with NumPy broadcasting, on one numeric dtype, as
 * {@code np.minimum}: NaN if either operand is NaN.
 */
final class Minimum extends ElementwiseBinary {
    static final String TYPE = "Minimum";

    Minimum() {
        super(TYPE, (x, y) -> (float) Arithmetic.minimum(x, y), Arithmetic::minimum, Math::min, Math::min);
    }

    @Override
    public String summary() {
        return "minimum(x, y): the smaller of x and y elementwise with NumPy broadcasting; numeric dtypes, "
                + "both the same; NaN propagates";
    }
}
