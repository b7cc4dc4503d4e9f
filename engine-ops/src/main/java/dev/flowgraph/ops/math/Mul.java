package dev.flowgraph.ops.math;

/**
 * Elementwise {@code x * y} with NumPy broadcasting, on one numeric dtype. Integers wrap on
 * overflow; FLOAT32 multiplies in float.
 */
final class Mul extends ElementwiseBinary {
    static final String TYPE = "Mul";

    Mul() {
        super(TYPE, (x, y) -> x * y, (x, y) -> x * y, (x, y) -> x * y, (x, y) -> x * y);
    }

    @Override
    public String summary() {
        return "mul(x, y): x * y elementwise with NumPy broadcasting; numeric dtypes; integers wrap";
    }
}
