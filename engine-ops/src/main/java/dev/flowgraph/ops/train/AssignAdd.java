package dev.flowgraph.ops.train;

import dev.flowgraph.ops.kernels.BinaryArithmetic;

/** {@code variable += value}, atomically; integers wrap on overflow. */
final class AssignAdd extends AssignUpdate {
    static final String TYPE = "AssignAdd";

    AssignAdd() {
        super(TYPE, BinaryArithmetic.ADD, (x, y) -> x + y, (x, y) -> x + y);
    }

    @Override
    public String summary() {
        return "assignAdd(variable, value): variable += value atomically (same dtype and shape, numeric) and outputs"
                + " the new value; integers wrap";
    }
}
