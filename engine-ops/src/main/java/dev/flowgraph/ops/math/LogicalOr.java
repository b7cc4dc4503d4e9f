package dev.flowgraph.ops.math;

/**
 * Elementwise logical {@code x || y} with NumPy broadcasting, on BOOL inputs.
 */
final class LogicalOr extends BoolBinary {
    static final String TYPE = "LogicalOr";

    LogicalOr() {
        super(TYPE, null, null, (x, y) -> x || y, "logical ops take bool; compare first, e.g. notEqual(x, zero)");
    }

    @Override
    public String summary() {
        return "logicalOr(x, y): x OR y elementwise with NumPy broadcasting; bool dtype";
    }
}
