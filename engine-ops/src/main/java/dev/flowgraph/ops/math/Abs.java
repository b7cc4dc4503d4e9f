package dev.flowgraph.ops.math;

/**
 * Elementwise {@code |x|}, on every numeric dtype, as {@code numpy.abs}. Integers wrap:
 * {@code abs(MIN_VALUE)} is {@code MIN_VALUE}. For floats only the sign bit is cleared, so
 * {@code abs(-0.0)} is {@code 0.0} and NaN stays NaN.
 */
final class Abs extends ElementwiseUnary {
    static final String TYPE = "Abs";

    Abs() {
        super(TYPE, Math::abs, Math::abs, Math::abs, Math::abs);
    }

    @Override
    public String summary() {
        return "abs(x): |x| elementwise; numeric dtypes; integers wrap, so abs(MIN_VALUE) is MIN_VALUE";
    }
}
