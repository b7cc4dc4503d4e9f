package dev.flowgraph.ops.math;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.DType;
import dev.flowgraph.ops.kernels.BooleanElementwise;
import dev.flowgraph.ops.kernels.BroadcastIndex;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OutputSpec;
import java.util.List;

/** Elementwise logical {@code !x} on a BOOL input; the output has x's shape. */
final class LogicalNot extends BroadcastOp {
    static final String TYPE = "LogicalNot";

    LogicalNot() {
        super(TYPE, 1);
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        checkArgument(node.inputDType(0) == DType.BOOL,
                "LogicalNot takes a bool input, not %s; compare first, e.g. equal(x, zero)", node.inputDType(0));
        return List.of(node.input(0));
    }

    @Override
    void fill(Object x, Object unused, Object unusedToo, Object out, BroadcastIndex index, int from, int to) {
        // One operand has the output's shape, so element i of the output reads element i.
        BooleanElementwise.not((boolean[]) x, (boolean[]) out, from, to);
    }

    @Override
    public String summary() {
        return "logicalNot(x): NOT x elementwise; bool dtype";
    }
}
