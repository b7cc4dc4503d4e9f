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
import java.util.List;

/**
 * Inserts an axis of size 1, as {@code numpy.expand_dims}: attribute {@code axis} is the new
 * axis's position in the output, in {@code [-rank-1, rank]}; -1 appends. Any dtype; the output
 * shares the input's elements.
 */
final class ExpandDims extends MetadataOp implements Differentiable {
    static final String TYPE = "ExpandDims";
    static final String AXIS = "axis";

    ExpandDims() {
        super(TYPE);
    }

    @Override
    public String summary() {
        return "expandDims(x, axis): inserts a size-1 axis at output position axis, as numpy.expand_dims; "
                + "-1 appends; any dtype";
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        Shape in = node.inputShape(0);
        Shape out = in.hasKnownRank() ? expand(in, node.attrs().getLong(AXIS)) : Shape.unknown();
        return List.of(new OutputSpec(node.inputDType(0), out));
    }

    private static Shape expand(Shape in, long axis) {
        int rank = in.rank() + 1;
        checkArgument(axis >= -rank && axis < rank, "axis %s is out of range for expanding rank %s (valid: %s to %s)",
                axis, in.rank(), -rank, rank - 1);
        int at = (int) (axis < 0 ? axis + rank : axis);
        return Shape.of(ArrayShapes.insert(in.dims(), at, 1));
    }

    @Override
    public void compute(KernelContext k) {
        Tensor x = k.input(0);
        k.setOutput(0, ArrayShapes.relabel(x, expand(x.shape(), k.attrs().getLong(AXIS))));
    }

    /** The gradient is dz in the input's run-time shape. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        return List.of(tf.reshapeLike(dOutputs.get(0), node.input(0)));
    }
}
