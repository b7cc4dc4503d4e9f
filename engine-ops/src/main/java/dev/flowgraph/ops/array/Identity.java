package dev.flowgraph.ops.array;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OutputSpec;
import java.util.List;

/**
 * Passes its input through: the output has the input's dtype (any, BOOL included) and static
 * shape, and its value is the input tensor itself, not a copy (tensors are immutable).
 */
final class Identity extends MetadataOp implements Differentiable {
    static final String TYPE = "Identity";

    Identity() {
        super(TYPE);
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

    /** The gradient passes through unchanged. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        return List.of(dOutputs.get(0));
    }
}
