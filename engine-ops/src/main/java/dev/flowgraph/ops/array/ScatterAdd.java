package dev.flowgraph.ops.array;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OutputSpec;
import dev.flowgraph.spi.TensorBuffers;
import dev.flowgraph.ops.Ops;
import java.util.Arrays;
import java.util.List;

/**
 * Adds slices into zeros at indices along one axis, the adjoint of gather: with zeros {@code z} of
 * {@code like}'s run-time shape, {@code numpy.add.at(z, (slice(None),) * axis + (indices,), updates)}.
 * {@code updates} has gather's output shape {@code like.shape[:axis] + indices.shape +
 * like.shape[axis+1:]}; slices whose indices repeat add up. The gradient of gather is a scatterAdd
 * of dz, and the gradient of scatterAdd with respect to the updates is a gather of dz. Attribute
 * {@code axis} (negative counts from the end); {@code like} (any dtype) is read only for its shape;
 * indices INT32 or INT64, each in {@code [0, n)} or the run fails; updates numeric, the output's
 * dtype. Each output element adds its updates in increasing index position, at any thread count.
 */
final class ScatterAdd extends ArrayOp implements Differentiable {
    static final String TYPE = "ScatterAdd";
    static final String AXIS = "axis";

    ScatterAdd() {
        super(TYPE, 3);
    }

    @Override
    public String summary() {
        return "scatterAdd(like, indices, updates, axis): zeros of like's shape with the slices of updates added at"
                + " indices along axis (repeats add up), as numpy.add.at; the adjoint of gather; numeric updates";
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        ArrayShapes.requireIndexDType(node.inputDType(1), "scatterAdd indices");
        checkArgument(node.inputDType(2).isNumeric(), "scatterAdd of %s updates is not defined; they must be numeric",
                node.inputDType(2));
        Shape like = node.inputShape(0);
        Shape indices = node.inputShape(1);
        Shape updates = node.inputShape(2);
        if (like.hasKnownRank()) {
            checkArgument(like.rank() >= 1, "cannot scatter into a scalar");
            int axis = ArrayShapes.axis(node.attrs().getLong(AXIS, 0), like.rank());
            if (indices.hasKnownRank()) {
                Shape expected = Gather.outputShape(like.dims(), indices.dims(), axis);
                checkArgument(expected.isCompatibleWith(updates), "updates have shape %s but like %s and indices %s "
                        + "need %s (gather's output shape)", updates, like, indices, expected);
            }
        }
        return List.of(new OutputSpec(node.inputDType(2), like));
    }

    @Override
    public void compute(KernelContext k) {
        long[] dims = k.input(0).shape().dims();
        Tensor indexTensor = k.input(1);
        Tensor updates = k.input(2);
        checkArgument(dims.length >= 1, "cannot scatter into a scalar");
        int axis = ArrayShapes.axis(k.attrs().getLong(AXIS, 0), dims.length);
        Shape expected = Gather.outputShape(dims, indexTensor.shape().dims(), axis);
        checkArgument(expected.equals(updates.shape()), "updates have shape %s but like %s and indices %s need %s "
                + "(gather's output shape)", updates.shape(), k.input(0).shape(), indexTensor.shape(), expected);
        long[] indices = ArrayShapes.indices(indexTensor);
        long n = dims[axis];
        ArrayShapes.checkIndices("scatterAdd", indices, n, axis, "shape " + k.input(0).shape());
        Shape outShape = k.input(0).shape();
        int inner = ArrayShapes.product(dims, axis + 1, dims.length);
        int outer = ArrayShapes.product(dims, 0, axis);
        Object src = TensorBuffers.array(updates);
        Object out = ArrayShapes.zeros(updates.dtype(), Math.toIntExact(outShape.size()));
        // Columns are split across threads and each adds its updates in index order, so sums do not depend on threads.
        int columns = Math.multiplyExact(outer, inner);
        k.parallelFor(columns, ArrayShapes.grain(indices.length),
                (from, to) -> add(src, indices, (int) n, inner, out, from, to));
        k.setOutput(0, TensorBuffers.wrap(updates.dtype(), outShape, out));
    }

    /** Adds the updates of columns [from, to); column c is outer row c / inner at offset c % inner. */
    private static void add(Object src, long[] indices, int n, int inner, Object out, int from, int to) {
        int count = indices.length;
        for (int c = from; c < to; c++) {
            int dstBase = (c / inner) * n * inner + c % inner;
            int srcBase = (c / inner) * count * inner + c % inner;
            for (int j = 0; j < count; j++) {
                int d = dstBase + (int) indices[j] * inner;
                int s = srcBase + j * inner;
                if (out instanceof double[] dst) {
                    dst[d] += ((double[]) src)[s];
                } else if (out instanceof float[] dst) {
                    dst[d] += ((float[]) src)[s];
                } else if (out instanceof int[] dst) {
                    dst[d] += ((int[]) src)[s];
                } else {
                    ((long[]) out)[d] += ((long[]) src)[s];
                }
            }
        }
    }

    /** Updates get dz gathered at the indices; like (read for its shape) and indices get none. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        int axis = (int) node.attrs().getLong(AXIS, 0);
        return Arrays.asList(null, null, tf.gather(dOutputs.get(0), node.input(1), axis));
    }
}
