package dev.flowgraph.ops.math;

/**
 * Elementwise {@code x - y} with NumPy broadcasting, on one numeric dtype. Integers wrap on
 * overflow; FLOAT32 subtracts in float.
 */
final class Sub extends ElementwiseBinary {
    static final String TYPE = "Sub";

    Sub() {
        super(TYPE, (x, y) -> x - y, (x, y) -> x - y, (x, y) -> x - y, (x, y) -> x - y);
    }

    @Override
    public String summary() {
        return "sub(x, y): x - y elementwise with NumPy broadcasting; numeric dtypes; integers wrap";
    }
}
