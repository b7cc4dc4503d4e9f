package dev.flowgraph.ops.array;

import dev.flowgraph.Tensor;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OutputSpec;
import java.util.List;

/** Zeros of the input's dtype and shape (false for BOOL), as {@code numpy.zeros_like}. */
final class ZerosLike implements OpDef {
    static final String TYPE = "ZerosLike";

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
        return "zerosLike(x): zeros of x's dtype and shape (false for bool), as numpy.zeros_like";
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        return List.of(node.input(0));
    }

    @Override
    public void compute(KernelContext k) {
        Tensor x = k.input(0);
        k.setOutput(0, Tensor.zeros(x.dtype(), x.shape()));
    }
}
