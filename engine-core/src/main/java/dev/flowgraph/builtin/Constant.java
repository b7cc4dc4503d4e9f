package dev.flowgraph.builtin;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.Tensor;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OutputSpec;
import java.util.List;

/** A node whose one output is the tensor in its {@code value} attribute. */
public final class Constant implements OpDef {
    /** The op type. */
    public static final String TYPE = "Const";
    /** The attribute holding the tensor. */
    public static final String VALUE = "value";

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
        checkArgument(node.attrs().has(VALUE), "a constant needs a '%s' attribute holding its tensor", VALUE);
        Tensor value = node.attrs().getTensor(VALUE);
        return List.of(new OutputSpec(value.dtype(), value.shape()));
    }

    @Override
    public void compute(KernelContext k) {
        k.setOutput(0, k.attrs().getTensor(VALUE));
    }

    @Override
    public long cost(NodeSpec node, List<OutputSpec> outputs) {
        return 0;
    }

    @Override
    public String summary() {
        return "constant(value): a node whose output is the given tensor, in any dtype";
    }
}
