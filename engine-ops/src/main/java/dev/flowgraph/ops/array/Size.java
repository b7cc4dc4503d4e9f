package dev.flowgraph.ops.array;

import dev.flowgraph.DType;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OutputSpec;
import java.util.List;

/** The run-time number of elements of the input, as an INT64 scalar, as {@code tf.size}; any dtype. */
final class Size extends MetadataOp {
    static final String TYPE = "Size";

    Size() {
        super(TYPE);
    }

    @Override
    public String summary() {
        return "size(x): x's run-time element count as an int64 scalar, as tf.size; any dtype";
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        return List.of(new OutputSpec(DType.INT64, Shape.scalar()));
    }

    @Override
    public void compute(KernelContext k) {
        k.setOutput(0, Tensor.scalar((long) k.input(0).size()));
    }
}
