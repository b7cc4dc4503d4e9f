package dev.flowgraph.ops.math;

/**
 * Elementwise {@code x + y} with NumPy broadcasting, on one numeric dtype. Integers wrap on
 * overflow; FLOAT32 adds in float.
 */
final class Add extends ElementwiseBinary {
    static final String TYPE = "Add";

    Add() {
        super(TYPE, (x, y) -> x + y, (x, y) -> x + y, (x, y) -> x + y, (x, y) -> x + y);
    }

    @Override
    public String summary() {
        return "add(x, y): x + y elementwise with NumPy broadcasting; numeric dtypes; integers wrap";
    }
}
