package dev.flowgraph.ops.math;

/**
 * Elementwise {@code 1 / sqrt(x)}, on FLOAT32 and FLOAT64, as TensorFlow's {@code rsqrt}: the
 * correctly rounded square root, then the reciprocal, each rounded in the input's dtype (so
 * FLOAT32 equals NumPy's {@code 1 / np.sqrt(x)} in float32 bit for bit). {@code rsqrt(0)} is
 * infinity, {@code rsqrt(-0.0)} is -infinity and {@code rsqrt(-1)} is NaN.
 */
final class Rsqrt extends ElementwiseUnary {
    static final String TYPE = "Rsqrt";

    Rsqrt() {
        super(TYPE, Operations.floats(x -> 1f / (float) Math.sqrt(x), x -> 1 / Math.sqrt(x)));
    }

    @Override
    public String summary() {
        return "rsqrt(x): 1 / sqrt(x) elementwise; float dtypes; rsqrt(0) is infinity, of a negative NaN";
    }
}
