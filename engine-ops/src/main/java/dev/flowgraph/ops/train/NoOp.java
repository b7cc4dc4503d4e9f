package dev.flowgraph.ops.train;

import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OutputSpec;
import java.util.List;

/**
 * A node with no inputs and no outputs that does nothing: given control inputs, it is a run
 * target that runs them all ({@code Ops.group}).
 */
final class NoOp implements OpDef {
    static final String TYPE = "NoOp";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int arity() {
        return 0;
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        return List.of();
    }

    @Override
    public void compute(KernelContext k) {
        // Nothing to compute: the node exists for its control inputs.
    }

    @Override
    public long cost(NodeSpec node, List<OutputSpec> outputs) {
        return 0;
    }

    @Override
    public String summary() {
        return "group(name, deps...): a node with no outputs whose control inputs are deps; a run target that runs"
                + " them all";
    }
}
