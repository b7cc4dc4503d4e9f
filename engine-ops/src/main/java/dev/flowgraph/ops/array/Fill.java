package dev.flowgraph.ops.array;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.DType;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.kernels.ArrayCopy;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OutputSpec;
import dev.flowgraph.spi.TensorBuffers;
import java.util.List;

/**
 * A tensor of attribute {@code shape} (fully defined) whose every element is attribute
 * {@code value}, a scalar tensor of any dtype, which is the output's dtype; as {@code numpy.full}.
 */
final class Fill extends ArrayOp {
    static final String TYPE = "Fill";
    static final String SHAPE = "shape";
    static final String VALUE = "value";

    Fill() {
        super(TYPE, 0);
    }

    @Override
    public String summary() {
        return "fill(shape, value): a tensor of the shape with every element the scalar value, as numpy.full; "
                + "the value's dtype, any";
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        Shape shape = node.attrs().getShape(SHAPE);
        Tensor value = node.attrs().getTensor(VALUE);
        checkArgument(shape.isFullyDefined(), "fill needs a fully defined shape, not %s", shape);
        checkArgument(value.rank() == 0, "the fill value must be a scalar, not %s%s", value.dtype(), value.shape());
        checkArgument(shape.size() <= Tensor.MAX_SIZE, "shape %s has too many elements for a tensor", shape);
        return List.of(new OutputSpec(value.dtype(), shape));
    }

    @Override
    public void compute(KernelContext k) {
        Shape shape = k.attrs().getShape(SHAPE);
        Tensor value = k.attrs().getTensor(VALUE);
        k.setOutput(0, filled(k, TensorBuffers.array(value), value.dtype(), shape));
    }

    /** A tensor of {@code shape} whose elements all equal {@code value[0]}, filled in parallel blocks. */
    static Tensor filled(KernelContext k, Object value, DType dtype, Shape shape) {
        int n = Math.toIntExact(shape.size());
        Object out = ArrayCopy.allocate(value, n);
        k.parallelFor(n, ArrayShapes.grain(1), (from, to) -> ArrayCopy.fill(value, out, from, to));
        return TensorBuffers.wrap(dtype, shape, out);
    }

    @Override
    public long cost(NodeSpec node, List<OutputSpec> outputs) {
        return Math.max(0, outputs.get(0).shape().size());
    }
}
