package dev.flowgraph.ops.array;

import dev.flowgraph.Tensor;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OutputSpec;
import java.util.List;

/** Ones of the input's dtype and shape (true for BOOL), as {@code numpy.ones_like}. */
final class OnesLike implements OpDef {
    static final String TYPE = "OnesLike";

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
        return "onesLike(x): ones of x's dtype and shape (true for bool), as numpy.ones_like";
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        return List.of(node.input(0));
    }

    @Override
    public void compute(KernelContext k) {
        Tensor x = k.input(0);
        k.setOutput(0, Fill.filled(k, ArrayShapes.one(x.dtype()), x.dtype(), x.shape()));
    }
}
