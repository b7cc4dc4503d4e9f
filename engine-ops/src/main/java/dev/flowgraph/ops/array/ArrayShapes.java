package dev.flowgraph.ops.array;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.DType;
import dev.flowgraph.GraphBuildException;
import dev.flowgraph.Node;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.kernels.KernelTuning;
import dev.flowgraph.spi.TensorBuffers;
import java.util.Arrays;

/** Axis, dimension and layout helpers shared by the array ops' shape rules and kernels. */
final class ArrayShapes {
    private ArrayShapes() {}

    /**
     * Normalizes an axis of a rank-{@code rank} shape, negative values counting from the end.
     *
     * @throws IllegalArgumentException if it is outside {@code [-rank, rank)}
     */
    static int axis(long axis, int rank) {
        checkArgument(axis >= -rank && axis < rank, "axis %s is out of range for rank %s (valid: %s to %s)", axis,
                rank, -rank, rank - 1);
        return (int) (axis < 0 ? axis + rank : axis);
    }

    /** Row-major strides of a fully defined shape: {@code strides[d] = prod dims[d+1:]}. */
    static long[] strides(long[] dims) {
        long[] s = new long[dims.length];
        long step = 1;
        for (int d = dims.length - 1; d >= 0; d--) {
            s[d] = step;
            step *= dims[d];
        }
        return s;
    }

    /** The product of {@code dims[from:to]}, which are all known, as an int. */
    static int product(long[] dims, int from, int to) {
        long p = 1;
        for (int d = from; d < to; d++) {
            p = Math.multiplyExact(p, dims[d]);
        }
        return Math.toIntExact(p);
    }

    /** {@code dims} with {@code size} inserted at position {@code at}. */
    static long[] insert(long[] dims, int at, long size) {
        long[] out = new long[dims.length + 1];
        System.arraycopy(dims, 0, out, 0, at);
        out[at] = size;
        System.arraycopy(dims, at, out, at + 1, dims.length - at);
        return out;
    }

    /** A tensor of shape {@code shape} over {@code x}'s elements, shared: tensors are immutable. */
    static Tensor relabel(Tensor x, Shape shape) {
        return TensorBuffers.wrap(x.dtype(), shape, TensorBuffers.array(x));
    }

    /** Items per parallel block when each item copies {@code itemElements} elements. */
    static int grain(long itemElements) {
        return (int) Math.max(1, KernelTuning.ELEMENTWISE_GRAIN / Math.max(1, itemElements));
    }

    /** Refuses an index dtype other than INT32 and INT64. */
    static void requireIndexDType(DType dtype, String what) {
        checkArgument(dtype == DType.INT32 || dtype == DType.INT64,
                "%s must be int32 or int64, not %s; cast them first", what, dtype);
    }

    /**
     * Refuses an index outside {@code [0, n)}, naming it, its position, the axis and the shape
     * indexed (gather's and scatterAdd's run-time check).
     *
     * @throws IndexOutOfBoundsException for the first such index
     */
    static void checkIndices(String op, long[] indices, long n, int axis, String indexed) {
        for (int j = 0; j < indices.length; j++) {
            if (indices[j] < 0 || indices[j] >= n) {
                throw new IndexOutOfBoundsException(op + " index " + indices[j] + " (element " + j
                        + " of the indices) is out of range [0, " + n + ") for axis " + axis + " of " + indexed);
            }
        }
    }

    /** The elements of an INT32 or INT64 tensor, widened to long. */
    static long[] indices(Tensor t) {
        if (t.dtype() == DType.INT64) {
            return TensorBuffers.longs(t);
        }
        return Arrays.stream(TensorBuffers.ints(t)).asLongStream().toArray();
    }

    /** A one-element array holding 1 (true for BOOL) of the dtype's primitive type. */
    static Object one(DType dtype) {
        switch (dtype) {
            case FLOAT32:
                return new float[] {1};
            case FLOAT64:
                return new double[] {1};
            case INT32:
                return new int[] {1};
            case INT64:
                return new long[] {1};
            case BOOL:
                return new boolean[] {true};
            default:
                throw new AssertionError(dtype);
        }
    }

    /** A new zero-filled (false for BOOL) array of the dtype's primitive type. */
    static Object zeros(DType dtype, int length) {
        return TensorBuffers.array(Tensor.zeros(dtype, Shape.of(length)));
    }

    /**
     * The static shape of a node's input (or, for {@code input} -1, of its output) whose rank a
     * gradient needs.
     *
     * @throws GraphBuildException naming the node if the rank is unknown
     */
    static Shape knownDims(Node node, int input, String what) {
        Shape s = input < 0 ? node.output(0).shape() : node.input(input).shape();
        checkGradient(s.hasKnownRank(), node, (input < 0 ? "the output" : "input " + input)
                + " has an unknown rank; the gradient needs it to find " + what);
        return s;
    }

    /**
     * Refuses to build a gradient that the static shapes do not determine.
     *
     * @throws GraphBuildException naming the node and saying why, unless {@code ok}
     */
    static void checkGradient(boolean ok, Node node, String why) {
        if (!ok) {
            throw new GraphBuildException(String.format("cannot differentiate node '%s' (op %s): %s", node.name(),
                    node.opType(), why));
        }
    }
}
