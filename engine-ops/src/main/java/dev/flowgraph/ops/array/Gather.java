package dev.flowgraph.ops.array;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.ArrayCopy;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OutputSpec;
import dev.flowgraph.spi.TensorBuffers;
import java.util.Arrays;
import java.util.List;

/**
 * Picks slices of {@code params} along one axis (attribute {@code axis}, negative counting from
 * the end) by index, as {@code numpy.take} and {@code tf.gather}: the output has shape
 * {@code params.shape[:axis] + indices.shape + params.shape[axis+1:]}. Indices are INT32 or INT64
 * of any shape; a negative or out-of-range index fails the run, naming it and the valid range.
 * Params of any dtype.
 */
final class Gather extends ArrayOp implements Differentiable {
    static final String TYPE = "Gather";
    static final String AXIS = "axis";

    Gather() {
        super(TYPE, 2);
    }

    @Override
    public String summary() {
        return "gather(params, indices, axis): slices of params along axis picked by int32/int64 indices of any "
                + "shape, as tf.gather; an index outside [0, n) fails the run; any dtype";
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        ArrayShapes.requireIndexDType(node.inputDType(1), "gather indices");
        Shape params = node.inputShape(0);
        Shape indices = node.inputShape(1);
        if (params.hasKnownRank()) {
            checkArgument(params.rank() >= 1, "cannot gather from a scalar");
            ArrayShapes.axis(node.attrs().getLong(AXIS, 0), params.rank());
        }
        if (!params.hasKnownRank() || !indices.hasKnownRank()) {
            return List.of(new OutputSpec(node.inputDType(0), Shape.unknown()));
        }
        return List.of(new OutputSpec(node.inputDType(0), outputShape(params.dims(), indices.dims(),
                ArrayShapes.axis(node.attrs().getLong(AXIS, 0), params.rank()))));
    }

    /** The gathered shape, {@code params[:axis] + indices + params[axis+1:]}. */
    static Shape outputShape(long[] params, long[] indices, int axis) {
        long[] out = new long[params.length - 1 + indices.length];
        System.arraycopy(params, 0, out, 0, axis);
        System.arraycopy(indices, 0, out, axis, indices.length);
        System.arraycopy(params, axis + 1, out, axis + indices.length, params.length - axis - 1);
        return Shape.of(out);
    }

    @Override
    public void compute(KernelContext k) {
        Tensor params = k.input(0);
        Tensor indexTensor = k.input(1);
        long[] dims = params.shape().dims();
        checkArgument(dims.length >= 1, "cannot gather from a scalar");
        int axis = ArrayShapes.axis(k.attrs().getLong(AXIS, 0), dims.length);
        long[] indices = ArrayShapes.indices(indexTensor);
        long n = dims[axis];
        ArrayShapes.checkIndices("gather", indices, n, axis, "params shape " + params.shape());
        Shape outShape = outputShape(dims, indexTensor.shape().dims(), axis);
        int inner = ArrayShapes.product(dims, axis + 1, dims.length);
        int rows = Math.multiplyExact(ArrayShapes.product(dims, 0, axis), indices.length);
        Object src = TensorBuffers.array(params);
        Object out = ArrayCopy.allocate(src, Math.toIntExact(outShape.size()));
        if (inner > 0) {
            k.parallelFor(rows, ArrayShapes.grain(inner),
                    (from, to) -> ArrayCopy.gather(src, (int) n, inner, indices, out, from, to));
        }
        k.setOutput(0, TensorBuffers.wrap(params.dtype(), outShape, out));
    }

    /**
     * Each picked slice sends dz back to its row of params, and rows picked more than once add
     * up: zeros of params' shape with dz scatter-added at the indices. Indices get no gradient.
     */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        int axis = (int) node.attrs().getLong(AXIS, 0);
        return Arrays.asList(tf.scatterAdd(node.input(0), node.input(1), dOutputs.get(0), axis), null);
    }
}
