package dev.flowgraph.ops.math;

/**
 * Elementwise {@code max(x, 0)}, on every numeric dtype, as {@code numpy.maximum(x, 0)}: NaN
 * propagates and {@code relu(-0.0)} is {@code 0.0}.
 */
final class Relu extends ElementwiseUnary {
    static final String TYPE = "Relu";

    Relu() {
        // Math.max returns NaN for a NaN operand and +0.0 for -0.0 against 0.0, as NumPy does.
        super(TYPE, x -> Math.max(x, 0f), x -> Math.max(x, 0.0), x -> Math.max(x, 0), x -> Math.max(x, 0L));
    }

    @Override
    public String summary() {
        return "relu(x): max(x, 0) elementwise; numeric dtypes; NaN propagates";
    }
}
