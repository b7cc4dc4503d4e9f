package dev.flowgraph.ops.array;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OutputSpec;
import java.util.Arrays;
import java.util.List;

/**
 * Gives {@code x} the run-time shape of {@code like}, keeping x's elements in row-major order:
 * {@code reshape(x, like.shape)} where that shape is known only when the graph runs. The
 * gradients of reshape, expandDims and squeeze use it to put a gradient back into the shape of an
 * input whose static shape has unknown dimensions. {@code like} is read only for its shape; the
 * element counts must be equal (refused when the node is added if both are known, else when run).
 * Any dtypes; the output has x's dtype and shares its elements.
 */
final class ReshapeLike extends ArrayOp implements Differentiable {
    static final String TYPE = "ReshapeLike";

    ReshapeLike() {
        super(TYPE, 2);
    }

    @Override
    public String summary() {
        return "reshapeLike(x, like): x's elements in like's run-time shape, row-major; equal element counts; "
                + "any dtype";
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        Shape x = node.inputShape(0);
        Shape like = node.inputShape(1);
        checkSizes(x, like);
        return List.of(new OutputSpec(node.inputDType(0), like));
    }

    private static void checkSizes(Shape x, Shape like) {
        long from = x.size();
        long to = like.size();
        checkArgument(from < 0 || to < 0 || from == to, "cannot reshape %s (%s elements) like %s (%s elements)", x,
                from, like, to);
    }

    @Override
    public long cost(NodeSpec node, List<OutputSpec> outputs) {
        return 0;
    }

    @Override
    public void compute(KernelContext k) {
        Tensor x = k.input(0);
        Shape like = k.input(1).shape();
        checkSizes(x.shape(), like);
        k.setOutput(0, ArrayShapes.relabel(x, like));
    }

    /** The gradient is dz in x's run-time shape; {@code like} is read only for its shape. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        return Arrays.asList(tf.reshapeLike(dOutputs.get(0), node.input(0)), null);
    }
}
