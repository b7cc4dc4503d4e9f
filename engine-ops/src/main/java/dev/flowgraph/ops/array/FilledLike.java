package dev.flowgraph.ops.array;

import dev.flowgraph.DType;
import dev.flowgraph.Tensor;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OutputSpec;
import java.util.List;

/**
 * The shared shape rule and kernel of zerosLike and onesLike: a tensor of the input's dtype (any)
 * and shape, every element one value of that dtype; the input's elements are not read.
 */
abstract class FilledLike extends ArrayOp {
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
}
