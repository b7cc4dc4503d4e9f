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
import dev.flowgraph.spi.TensorBuffers;
import java.util.Arrays;
import java.util.List;

/**
 * Surrounds a tensor with zeros, as {@code numpy.pad(x, pad_width, mode="constant")}: along each
 * axis {@code d}, {@code before[d]} zeros (false for BOOL) come first and {@code after[d]} last
 * (attributes {@code before} and {@code after}, {@code long[]} of the input's rank, entries >= 0),
 * so output dimension d is {@code before[d] + dims[d] + after[d]}. The gradient of slice is a pad
 * of dz, and the gradient of pad is the slice of dz where x sits. Any dtype.
 */
final class Pad extends ArrayOp implements Differentiable {
    static final String TYPE = "Pad";
    static final String BEFORE = "before";
    static final String AFTER = "after";

    Pad() {
        super(TYPE, 1);
    }

    @Override
    public String summary() {
        return "pad(x, before, after): x with before[d] zeros before and after[d] zeros after it along each axis d,"
                + " as numpy.pad in constant mode; any dtype";
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        long[] before = node.attrs().getLongArray(BEFORE);
        long[] after = node.attrs().getLongArray(AFTER);
        Shape in = node.inputShape(0);
        long[] dims = in.hasKnownRank() ? in.dims() : Shape.unknownDims(before.length).dims();
        return List.of(new OutputSpec(node.inputDType(0), Shape.of(padded(dims, before, after))));
    }

    /** The output sizes, -1 where the input's is unknown; refuses bad widths. */
    private static long[] padded(long[] dims, long[] before, long[] after) {
        checkArgument(before.length == dims.length && after.length == dims.length,
                "before %s and after %s need one entry per input axis (rank %s)", Arrays.toString(before),
                Arrays.toString(after), dims.length);
        long[] out = new long[dims.length];
        for (int d = 0; d < dims.length; d++) {
            checkArgument(before[d] >= 0 && after[d] >= 0, "before %s and after %s need widths >= 0; axis %s has a "
                    + "negative one", Arrays.toString(before), Arrays.toString(after), d);
            out[d] = dims[d] == Shape.UNKNOWN_DIM ? Shape.UNKNOWN_DIM
                    : Math.addExact(Math.addExact(before[d], dims[d]), after[d]);
        }
        return out;
    }

    @Override
    public void compute(KernelContext k) {
        Tensor x = k.input(0);
        long[] dims = x.shape().dims();
        long[] before = k.attrs().getLongArray(BEFORE);
        Shape outShape = Shape.of(padded(dims, before, k.attrs().getLongArray(AFTER)));
        checkArgument(outShape.size() <= Tensor.MAX_SIZE, "the padded shape %s would hold more than %s elements",
                outShape, Tensor.MAX_SIZE);
        if (dims.length == 0) {
            k.setOutput(0, x);
            return;
        }
        Object src = TensorBuffers.array(x);
        Object out = ArrayShapes.zeros(x.dtype(), (int) outShape.size());
        int rowLength = (int) dims[dims.length - 1];
        int rows = ArrayShapes.product(dims, 0, dims.length - 1);
        long[] outStrides = ArrayShapes.strides(outShape.dims());
        if (rowLength > 0 && rows > 0) {
            k.parallelFor(rows, ArrayShapes.grain(rowLength),
                    (from, to) -> copyRows(src, dims, before, outStrides, out, from, to));
        }
        k.setOutput(0, TensorBuffers.wrap(x.dtype(), outShape, out));
    }

    /** Copies input rows (runs along the last axis) {@code [from, to)} to their place in the output. */
    private static void copyRows(Object src, long[] dims, long[] before, long[] outStrides, Object out, int from,
            int to) {
        int last = dims.length - 1;
        int rowLength = (int) dims[last];
        for (int r = from; r < to; r++) {
            long at = before[last];
            long rest = r;
            for (int d = last - 1; d >= 0; d--) {
                at += (rest % dims[d] + before[d]) * outStrides[d];
                rest /= dims[d];
            }
            System.arraycopy(src, r * rowLength, out, (int) at, rowLength);
        }
    }

    /**
     * The gradient is the box of dz where x sits: from {@code before}, of x's sizes; an unknown
     * size is taken "to the end" where nothing was padded after it, and refused otherwise.
     */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        long[] before = node.attrs().getLongArray(BEFORE);
        long[] after = node.attrs().getLongArray(AFTER);
        long[] size = ArrayShapes.knownDims(node, 0, "the box of x").dims();
        for (int d = 0; d < size.length; d++) {
            ArrayShapes.checkGradient(size[d] != Shape.UNKNOWN_DIM || after[d] == 0, node, "input 0 ("
                    + node.input(0).shape() + ") has an unknown size on axis " + d
                    + ", which is padded after, so the box of x in dz is unknown");
        }
        return List.of(tf.slice(dOutputs.get(0), before, size));
    }
}
