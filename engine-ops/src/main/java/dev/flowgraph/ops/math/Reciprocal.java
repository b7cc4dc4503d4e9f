package dev.flowgraph.ops.math;

/**
 * Elementwise {@code 1 / x}, on FLOAT32 and FLOAT64, as {@code numpy.reciprocal}; FLOAT32 divides in
 * float. {@code 1 / 0} is infinity and {@code 1 / -0.0} is -infinity, as IEEE 754 says.
 */
final class Reciprocal extends ElementwiseUnary {
    static final String TYPE = "Reciprocal";

    Reciprocal() {
        super(TYPE, Operations.floats(x -> 1f / x, x -> 1 / x));
    }

    @Override
    public String summary() {
        return "reciprocal(x): 1 / x elementwise; float dtypes; 1 / 0 is infinity (IEEE 754)";
    }
}
