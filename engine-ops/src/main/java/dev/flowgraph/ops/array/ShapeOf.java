package dev.flowgraph.ops.array;

import dev.flowgraph.DType;
import dev.flowgraph.Shape;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OutputSpec;
import dev.flowgraph.spi.TensorBuffers;
import java.util.List;

/**
 * The run-time dimensions of the input, as an INT64 vector of its rank, as {@code tf.shape}; any
 * dtype. (Named ShapeOf so as not to hide {@link Shape}; its op type is {@code Shape}.)
 */
final class ShapeOf extends MetadataOp {
    static final String TYPE = "Shape";

    ShapeOf() {
        super(TYPE);
    }

    @Override
    public String summary() {
        return "shape(x): x's run-time dimensions as an int64 vector, as tf.shape; any dtype";
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        Shape in = node.inputShape(0);
        return List.of(new OutputSpec(DType.INT64, Shape.of(in.hasKnownRank() ? in.rank() : Shape.UNKNOWN_DIM)));
    }

    @Override
    public void compute(KernelContext k) {
        long[] dims = k.input(0).shape().dims();
        k.setOutput(0, TensorBuffers.wrap(Shape.of(dims.length), dims));
    }
}
