package dev.flowgraph.ops.array;

import dev.flowgraph.DType;
import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Tensor;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OutputSpec;
import java.util.Collections;
import java.util.List;

/**
 * The shared shape rule and kernel of zerosLike and onesLike: a tensor of the input's dtype (any)
 * and shape, every element one value of that dtype; the input's elements are not read, so its
 * gradient is zero.
 */
abstract class FilledLike extends ArrayOp implements Differentiable {
    FilledLike(String type) {
        super(type, 1);
    }

    /** The value, as a one-element array of the dtype's primitive type. */
    abstract Object value(DType dtype);

    @Override
    public final List<OutputSpec> infer(NodeSpec node) {
        return List.of(node.input(0));
    }

    @Override
    public final void compute(KernelContext k) {
        Tensor x = k.input(0);
        k.setOutput(0, Fill.filled(k, value(x.dtype()), x.dtype(), x.shape()));
    }

    /** The output does not depend on the input's values: a zero gradient. */
    @Override
    public final List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        return Collections.singletonList(null);
    }
}
