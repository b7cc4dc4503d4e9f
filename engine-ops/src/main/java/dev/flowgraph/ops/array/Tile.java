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
 * Repeats a tensor along each axis, as {@code tf.tile}: attribute {@code multiples}
 * ({@code long[]}, one entry >= 0 per input axis) gives the repetitions, so output dimension
 * {@code d} is {@code dims[d] * multiples[d]}. Any dtype.
 */
final class Tile extends ArrayOp implements Differentiable {
    static final String TYPE = "Tile";
    static final String MULTIPLES = "multiples";

    Tile() {
        super(TYPE, 1);
    }

    @Override
    public String summary() {
        return "tile(x, multiples...): x repeated multiples[d] times along each axis d, as tf.tile; any dtype";
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        long[] multiples = node.attrs().getLongArray(MULTIPLES);
        Shape in = node.inputShape(0);
        long[] dims = in.hasKnownRank() ? in.dims() : Shape.unknownDims(multiples.length).dims();
        return List.of(new OutputSpec(node.inputDType(0), Shape.of(tiled(dims, multiples))));
    }

    private static long[] tiled(long[] dims, long[] multiples) {
        checkArgument(multiples.length == dims.length, "multiples %s need one entry per input axis (rank %s)",
                Arrays.toString(multiples), dims.length);
        long[] out = new long[dims.length];
        for (int d = 0; d < dims.length; d++) {
            checkArgument(multiples[d] >= 0, "multiples %s has a negative entry", Arrays.toString(multiples));
            out[d] = multiples[d] == 0 ? 0
                    : dims[d] == Shape.UNKNOWN_DIM ? Shape.UNKNOWN_DIM : Math.multiplyExact(dims[d], multiples[d]);
        }
        return out;
    }

    @Override
    public void compute(KernelContext k) {
        Tensor x = k.input(0);
        long[] dims = x.shape().dims();
        long[] multiples = k.attrs().getLongArray(MULTIPLES);
        Shape outShape = Shape.of(tiled(dims, multiples));
        int count = Math.toIntExact(outShape.size());
        // The output read as [m0, d0, m1, d1, ...] is a view of the input with zero strides on the repeats.
        long[] strides = ArrayShapes.strides(dims);
        long[] viewDims = new long[2 * dims.length];
        long[] viewStrides = new long[2 * dims.length];
        for (int d = 0; d < dims.length; d++) {
            viewDims[2 * d] = multiples[d];
            viewDims[2 * d + 1] = dims[d];
            viewStrides[2 * d + 1] = strides[d];
        }
        Object src = TensorBuffers.array(x);
        Object out = ArrayCopy.allocate(src, count);
        if (count > 0) {
            k.parallelFor(count, ArrayShapes.grain(1),
                    (from, to) -> ArrayCopy.strided(src, 0, viewDims, viewStrides, out, from, to));
        }
        k.setOutput(0, TensorBuffers.wrap(x.dtype(), outShape, out));
    }

    /**
     * Each input element was copied into {@code prod(multiples)} places, so its gradient is the
     * sum of dz over them: dz read as {@code [m0, d0, m1, d1, ...]}, summed over the m axes. That
     * view needs the input's sizes; at most one may be unknown (it becomes the reshape's -1).
     */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        long[] multiples = node.attrs().getLongArray(MULTIPLES);
        long[] dims = ArrayShapes.knownDims(node, 0, "the tiled copies").dims();
        long[] view = new long[2 * dims.length];
        int[] repeats = new int[dims.length];
        boolean inferred = false;
        for (int d = 0; d < dims.length; d++) {
            view[2 * d] = multiples[d];
            view[2 * d + 1] = dims[d];
            repeats[d] = 2 * d;
            if (dims[d] == Shape.UNKNOWN_DIM) {
                ArrayShapes.checkGradient(!inferred, node, "input 0 has more than one unknown dimension ("
                        + node.input(0).shape() + "); its gradient needs them to sum over the tiled copies");
                inferred = true;
            }
        }
        Output dz = dOutputs.get(0);
        if (dims.length == 0) {
            return List.of(dz);
        }
        return List.of(tf.sum(tf.reshape(dz, view), repeats, false));
    }
}
