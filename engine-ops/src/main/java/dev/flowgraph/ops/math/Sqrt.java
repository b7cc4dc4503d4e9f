package dev.flowgraph.ops.math;

/**
 * Elementwise square root, on FLOAT32 and FLOAT64, as {@code numpy.sqrt}: {@code sqrt(-1)} is NaN,
 * {@code sqrt(-0.0)} is {@code -0.0}. Results are correctly rounded in both dtypes (FLOAT32
 * rounds the exact double square root once, which equals the float square root), so they equal
 * NumPy's bit for bit.
 */
final class Sqrt extends ElementwiseUnary {
    static final String TYPE = "Sqrt";

    Sqrt() {
        super(TYPE, Operations.floats(x -> (float) Math.sqrt(x), Math::sqrt));
    }

    @Override
    public String summary() {
        return "sqrt(x): square root elementwise; float dtypes; sqrt of a negative is NaN";
    }
}
