package dev.flowgraph.ops.math;

/**
 * Elementwise {@code x * x}, on every numeric dtype, as {@code numpy.square}. Integers wrap on
 * overflow; FLOAT32 multiplies in float.
 */
final class Square extends ElementwiseUnary {
    static final String TYPE = "Square";

    Square() {
        super(TYPE, x -> x * x, x -> x * x, x -> x * x, x -> x * x);
    }

    @Override
    public String summary() {
        return "square(x): x * x elementwise; numeric dtypes; integers wrap on overflow";
    }
}
