package dev.flowgraph.ops.math;

/**
 * Elementwise smallest integer not below {@code x}, on FLOAT32 and FLOAT64, as {@code numpy.ceil}:
 * {@code ceil(-0.5)} is {@code -0.0}; infinities and NaN stay as they are.
 */
final class Ceil extends ElementwiseUnary {
    static final String TYPE = "Ceil";

    Ceil() {
        super(TYPE, Operations.floats(x -> (float) Math.ceil(x), Math::ceil));
    }

    @Override
    public String summary() {
        return "ceil(x): smallest integer >= x elementwise; float dtypes";
    }
}
