package dev.flowgraph.ops.reduce;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.Shape;
import dev.flowgraph.spi.Attrs;
import dev.flowgraph.spi.NodeSpec;
import java.util.Arrays;

/**
 * The axes a reduction runs over, read from a node's attributes and checked against the input's
 * rank: attribute {@code axes} ({@code long[]}, negative values count from the end; absent means
 * every axis) and {@code keepDims} (keep reduced axes as size 1).
 */
final class ReduceAxes {
    static final String AXES = "axes";
    static final String KEEP_DIMS = "keepDims";

    private ReduceAxes() {}

    /**
     * Returns, per axis of a rank-{@code rank} input, whether it is reduced.
     *
     * @throws IllegalArgumentException if an axis is out of range or repeated
     */
    static boolean[] reducedMask(Attrs attrs, int rank) {
        boolean[] reduced = new boolean[rank];
        if (!attrs.has(AXES)) {
            Arrays.fill(reduced, true);
            return reduced;
        }
        long[] axes = attrs.getLongArray(AXES);
        for (long a : axes) {
            checkArgument(a >= -rank && a < rank, "axis %s is out of range for rank %s (axes %s)", a, rank,
                    Arrays.toString(axes));
            int axis = (int) (a < 0 ? a + rank : a);
            checkArgument(!reduced[axis], "axis %s is repeated in axes %s", a, Arrays.toString(axes));
            reduced[axis] = true;
        }
        return reduced;
    }

    /** The static output shape of reducing {@code node}'s input 0. */
    static Shape inferShape(NodeSpec node) {
        Shape in = node.inputShape(0);
        boolean keepDims = node.attrs().getBoolean(KEEP_DIMS, false);
        if (!in.hasKnownRank()) {
            return !node.attrs().has(AXES) && !keepDims ? Shape.scalar() : Shape.unknown();
        }
        return outputShape(in, reducedMask(node.attrs(), in.rank()), keepDims);
    }

    /** The shape of {@code in} without its reduced axes, or with them as 1 when keeping dims. */
    static Shape outputShape(Shape in, boolean[] reduced, boolean keepDims) {
        long[] dims = in.dims();
        long[] out = new long[dims.length];
        int n = 0;
        for (int d = 0; d < dims.length; d++) {
            if (!reduced[d]) {
                out[n++] = dims[d];
            } else if (keepDims) {
                out[n++] = 1;
            }
        }
        return Shape.of(Arrays.copyOf(out, n));
    }

    /** Refuses reducing a statically empty axis for reductions with no identity (max, min). */
    static void requireNonEmpty(NodeSpec node, String what) {
        Shape in = node.inputShape(0);
        if (!in.hasKnownRank()) {
            return;
        }
        boolean[] reduced = reducedMask(node.attrs(), in.rank());
        for (int d = 0; d < reduced.length; d++) {
            checkArgument(!reduced[d] || in.dim(d) != 0,
                    "%s of an empty axis (axis %s of %s) has no identity", what, d, in);
        }
    }
}
