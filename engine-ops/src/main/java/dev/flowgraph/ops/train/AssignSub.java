package dev.flowgraph.ops.train;

import dev.flowgraph.ops.kernels.BinaryArithmetic;

/** {@code variable -= value}, atomically; integers wrap on overflow. */
final class AssignSub extends AssignUpdate {
    static final String TYPE = "AssignSub";

    AssignSub() {
        super(TYPE, BinaryArithmetic.SUB, (x, y) -> x - y, (x, y) -> x - y);
    }

    @Override
    public String summary() {
        return "assignSub(variable, value): variable -= value atomically (same dtype and shape, numeric) and outputs"
                + " the new value; integers wrap";
    }
}
