package dev.flowgraph.ops.math;

/**
 * Elementwise {@code -x}, on a numeric dtype. Integers wrap: {@code -MIN_VALUE} is
 * {@code MIN_VALUE}. For floats only the sign bit flips, so {@code -0.0} and {@code 0.0} swap and
 * NaN stays NaN.
 */
final class Neg extends ElementwiseUnary {
    static final String TYPE = "Neg";

    Neg() {
        super(TYPE, x -> -x, x -> -x, x -> -x, x -> -x);
    }

    @Override
    public String summary() {
        return "neg(x): -x elementwise; numeric dtypes; integers wrap";
    }
}
