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
 * Extracts a box, as TensorFlow's {@code slice}: along each axis {@code d}, the elements
 * {@code [begin[d], begin[d] + size[d])}, where a size of -1 means "to the end" (attributes
 * {@code begin} and {@code size}, {@code long[]} of the input's rank). A box outside the input is
 * refused when the node is added if the sizes are known, else when run. Any dtype.
 */
final class Slice extends ArrayOp implements Differentiable {
    static final String TYPE = "Slice";
    static final String BEGIN = "begin";
    static final String SIZE = "size";

    Slice() {
        super(TYPE, 1);
    }

    @Override
    public String summary() {
        return "slice(x, begin, size): the box [begin, begin + size) of x, as tf.slice; size -1 means to the end; "
                + "any dtype";
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        long[] begin = node.attrs().getLongArray(BEGIN);
        long[] size = node.attrs().getLongArray(SIZE);
        Shape in = node.inputShape(0);
        long[] dims = in.hasKnownRank() ? in.dims() : Shape.unknownDims(begin.length).dims();
        return List.of(new OutputSpec(node.inputDType(0), Shape.of(box(dims, begin, size))));
    }

    /** The output sizes, -1 where unknown; refuses a box that is known to leave the input. */
    private static long[] box(long[] dims, long[] begin, long[] size) {
        checkArgument(begin.length == dims.length && size.length == dims.length,
                "begin %s and size %s need one entry per input axis (rank %s)", Arrays.toString(begin),
                Arrays.toString(size), dims.length);
        long[] out = new long[dims.length];
        for (int d = 0; d < dims.length; d++) {
            checkArgument(begin[d] >= 0, "begin %s is negative on axis %s", Arrays.toString(begin), d);
            checkArgument(size[d] >= -1, "size %s is below -1 on axis %s; -1 means to the end",
                    Arrays.toString(size), d);
            if (dims[d] != Shape.UNKNOWN_DIM) {
                // Compared as size <= dim - begin so that a huge size cannot overflow past the check.
                checkArgument(begin[d] <= dims[d] && size[d] <= dims[d] - begin[d],
                        "the box begin %s size %s leaves the input on axis %s of size %s", Arrays.toString(begin),
                        Arrays.toString(size), d, dims[d]);
                out[d] = size[d] == -1 ? dims[d] - begin[d] : size[d];
            } else {
                out[d] = size[d];
            }
        }
        return out;
    }

    @Override
    public void compute(KernelContext k) {
        Tensor x = k.input(0);
        long[] dims = x.shape().dims();
        long[] begin = k.attrs().getLongArray(BEGIN);
        long[] outDims = box(dims, begin, k.attrs().getLongArray(SIZE));
        long[] strides = ArrayShapes.strides(dims);
        long offset = 0;
        for (int d = 0; d < dims.length; d++) {
            offset += begin[d] * strides[d];
        }
        Shape outShape = Shape.of(outDims);
        int count = Math.toIntExact(outShape.size());
        Object src = TensorBuffers.array(x);
        Object out = ArrayCopy.allocate(src, count);
        if (count > 0) {
            int start = (int) offset;
            k.parallelFor(count, ArrayShapes.grain(1),
                    (from, to) -> ArrayCopy.strided(src, start, outDims, strides, out, from, to));
        }
        k.setOutput(0, TensorBuffers.wrap(x.dtype(), outShape, out));
    }

    /**
     * The gradient is dz padded with zeros back to the input's shape: {@code begin} zeros before
     * and the rest of each axis after, which must be known where the size is not -1.
     */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        long[] begin = node.attrs().getLongArray(BEGIN);
        long[] size = node.attrs().getLongArray(SIZE);
        long[] dims = ArrayShapes.knownDims(node, 0, "the padding").dims();
        long[] after = new long[dims.length];
        for (int d = 0; d < dims.length; d++) {
            if (size[d] != -1) {
                ArrayShapes.checkGradient(dims[d] != Shape.UNKNOWN_DIM, node, "input 0 (" + node.input(0).shape()
                        + ") has an unknown size on axis " + d + ", so the zeros after the box are unknown");
                after[d] = dims[d] - begin[d] - size[d];
            }
        }
        return List.of(tf.pad(dOutputs.get(0), begin, after));
    }
}
