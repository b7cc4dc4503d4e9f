package dev.flowgraph.ops.math;

/**
 * Elementwise logical {@code x && y} with NumPy broadcasting, on BOOL inputs.
 */
final class LogicalAnd extends BoolBinary {
    static final String TYPE = "LogicalAnd";

    LogicalAnd() {
        super(TYPE, null, null, (x, y) -> x && y, "logical ops take bool; compare first, e.g. notEqual(x, zero)");
    }

    @Override
    public String summary() {
        return "logicalAnd(x, y): x AND y elementwise with NumPy broadcasting; bool dtype";
    }
}
