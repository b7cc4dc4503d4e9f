package dev.flowgraph.ops.array;

import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OutputSpec;
import java.util.List;

/**
 * Passes its input through: the output has the input's dtype (any, BOOL included) and static
 * shape, and its value is the input tensor itself, not a copy (tensors are immutable).
 */
final class Identity implements OpDef {
    static final String TYPE = "Identity";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public String summary() {
        return "identity(x): x itself, unchanged; any dtype";
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        return List.of(node.input(0));
    }

    @Override
    public void compute(KernelContext k) {
        k.setOutput(0, k.input(0));
    }

    @Override
    public long cost(NodeSpec node, List<OutputSpec> outputs) {
        return 0;
    }
}
