package dev.flowgraph.ops.math;

/**
 * Elementwise {@code (x - y)^2} with NumPy broadcasting, on one numeric dtype, computed as
 * {@code d * d} with {@code d = x - y} in the dtype itself: integers wrap on overflow, FLOAT32
 * computes in float.
 */
final class SquaredDifference extends ElementwiseBinary {
    static final String TYPE = "SquaredDifference";

    SquaredDifference() {
        super(TYPE, (x, y) -> (x - y) * (x - y), (x, y) -> (x - y) * (x - y), (x, y) -> (x - y) * (x - y),
                (x, y) -> (x - y) * (x - y));
    }

    @Override
    public String summary() {
        return "squaredDifference(x, y): (x - y)^2 elementwise with NumPy broadcasting; numeric dtypes, both the same";
    }
}
