package dev.flowgraph.ops.math;

/**
 * Elementwise largest integer not above {@code x}, on FLOAT32 and FLOAT64, as {@code numpy.floor}:
 * {@code floor(-0.5)} is {@code -0.0}; infinities and NaN stay as they are.
 */
final class Floor extends ElementwiseUnary {
    static final String TYPE = "Floor";

    Floor() {
        super(TYPE, Operations.floats(x -> (float) Math.floor(x), Math::floor));
    }

    @Override
    public String summary() {
        return "floor(x): largest integer <= x elementwise; float dtypes";
    }
}
