package dev.flowgraph.ops.math;

import dev.flowgraph.ops.kernels.Arithmetic;

/**
 * Elementwise larger of {@code x} and {@code y} with NumPy broadcasting, on one numeric dtype, as
 * {@code np.maximum}: NaN if either operand is NaN.
 */
final class Maximum extends ElementwiseBinary {
    static final String TYPE = "Maximum";

    Maximum() {
        super(TYPE, (x, y) -> (float) Arithmetic.maximum(x, y), Arithmetic::maximum, Math::max, Math::max);
    }

    @Override
    public String summary() {
        return "maximum(x, y): the larger of x and y elementwise with NumPy broadcasting; numeric dtypes, "
                + "both the same; NaN propagates";
    }
}
