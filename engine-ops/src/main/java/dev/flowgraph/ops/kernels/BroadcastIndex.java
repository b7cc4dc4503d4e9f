package dev.flowgraph.ops.kernels;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import java.util.Arrays;

/**
 * Maps the elements of a broadcast result to the elements of its operands (two for a binary op,
 * three for {@code where}, any number in general), following NumPy's rules, independently of the
 * dtype.
 *
 * <p>Operand shapes are aligned at their last axis; a missing leading axis, or an axis of size 1
 * where the result's is larger, is read with stride 0. Adjacent axes that every operand reads
 * contiguously (or with stride 0) are merged, so that the common cases are a single run:
 * equal shapes become one axis read with strides (1, 1), and a size-1 operand one axis read with
 * strides (0, 1) or (1, 0). Other shapes fall back to the general strided walk, which still hands
 * out whole rows of the innermost merged axis.
 *
 * <pre>{@code
 * BroadcastIndex ix = new BroadcastIndex(new long[] {2, 3}, new long[] {2, 3}, new long[] {3});
 * ix.forEachRun(0, ix.size(), (out, len, xOff, xStride, yOff, yStride) -> ...);
 * // two runs: (0, 3, 0, 1, 0, 1) and (3, 3, 3, 1, 0, 1)
 * BroadcastIndex three = new BroadcastIndex(new long[] {2, 3}, new long[] {2, 1}, new long[] {3}, new long[] {});
 * three.forEachOperandRun(0, three.size(), (out, len, offsets, strides) -> ...);
 * // two runs: (0, 3, [0, 0, 0], [0, 1, 0]) and (3, 3, [1, 0, 0], [0, 1, 0])
 * }</pre>
 */
public final class BroadcastIndex {
    /**
     * One run of consecutive result elements of a two-operand index: result element
     * {@code outOffset + i}, for {@code 0 <= i < length}, reads x at {@code xOffset + i * xStride}
     * and y at {@code yOffset + i * yStride}.
     */
    @FunctionalInterface
    public interface Run {
        /**
         * Processes one run.
         *
         * @param outOffset the first result element
         * @param length the number of elements, at least 1
         * @param xOffset where x's element for the first result element is
         * @param xStride how far x's index moves per result element (0 or more)
         * @param yOffset where y's element for the first result element is
         * @param yStride how far y's index moves per result element (0 or more)
         */
        void run(int outOffset, int length, int xOffset, int xStride, int yOffset, int yStride);
    }

    /**
     * One run of consecutive result elements of an index over any number of operands: result
     * element {@code outOffset + i}, for {@code 0 <= i < length}, reads operand {@code j} at
     * {@code offsets[j] + i * strides[j]}.
     */
    @FunctionalInterface
    public interface OperandRun {
        /**
         * Processes one run. The arrays are reused for the next run and must not be modified.
         *
         * @param outOffset the first result element
         * @param length the number of elements, at least 1
         * @param offsets per operand, where its element for the first result element is
         * @param strides per operand, how far its index moves per result element (0 or more)
         */
        void run(int outOffset, int length, int[] offsets, int[] strides);
    }

    /** Merged result axes, outermost first; never empty. */
    private final int[] dims;
    /** Per operand, its stride along each merged axis. */
    private final int[][] strides;
    private final int size;

    /** By operand count, from 1 to 3 (entry 0 unused), the index {@link #unitStride} returns. */
    private static final BroadcastIndex[] UNIT_STRIDE = {
        null, unit(Integer.MAX_VALUE, 1), unit(Integer.MAX_VALUE, 2), unit(Integer.MAX_VALUE, 3),
    };

    /**
     * Prepares the mapping for one result shape and its operands' shapes.
     *
     * @param outDims the result's dimensions, the broadcast of the operands'
     * @param operandDims each operand's dimensions, of rank at most the result's; at least one
     * @throws IllegalArgumentException if there is no operand, an operand cannot broadcast to the
     *     result, or the result holds more than {@link Integer#MAX_VALUE} elements
     */
    public BroadcastIndex(long[] outDims, long[]... operandDims) {
        checkNotNull(outDims, "outDims");
        checkArgument(operandDims.length > 0, "no operands");
        int rank = outDims.length;
        int k = operandDims.length;
        int[][] full = new int[k][];
        for (int j = 0; j < k; j++) {
            full[j] = strides(outDims, checkNotNull(operandDims[j], "operand %s's dims", j));
        }
        long total = 1;
        for (long d : outDims) {
            total *= d;
            checkArgument(total <= Integer.MAX_VALUE, "shape %s holds too many elements", Arrays.toString(outDims));
        }
        size = (int) total;
        // Walk from the innermost axis outwards, merging each axis into the group inside it when
        // every operand continues that group's stride pattern; size-1 axes add nothing.
        int[] d = new int[Math.max(rank, 1)];
        int[][] gs = new int[k][d.length];
        int groups = 0;
        for (int a = rank - 1; a >= 0; a--) {
            int n = (int) outDims[a];
            if (n == 1) {
                continue;
            }
            if (groups > 0 && continuesGroup(full, gs, a, groups - 1, d[groups - 1])) {
                d[groups - 1] *= n;
            } else {
                d[groups] = n;
                for (int j = 0; j < k; j++) {
                    gs[j][groups] = full[j][a];
                }
                groups++;
            }
        }
        if (groups == 0) {
            d[0] = 1;
            groups = 1;
        }
        dims = new int[groups];
        strides = new int[k][groups];
        for (int g = 0; g < groups; g++) {
            dims[groups - 1 - g] = d[g];
            for (int j = 0; j < k; j++) {
                strides[j][groups - 1 - g] = gs[j][g];
            }
        }
    }

    private BroadcastIndex(int[] dims, int[][] strides, int size) {
        this.dims = dims;
        this.strides = strides;
        this.size = size;
    }

    /**
     * Returns the index of operands that all have the result's shape, whatever that shape: one
     * run of stride 1 in every operand, the index the constructor builds for equal shapes of
     * {@code size} elements, made without examining the dimensions.
     *
     * @param size the number of result elements
     * @param operands the number of operands, at least 1
     * @return the index
     * @throws IllegalArgumentException if {@code size} is negative or {@code operands} below 1
     */
    public static BroadcastIndex sameShape(int size, int operands) {
        checkArgument(size >= 0, "size %s is negative", size);
        checkArgument(operands > 0, "no operands");
        return unit(size, operands);
    }

    /**
     * Returns the index of operands that all have the result's shape, for a result of any size:
     * result element {@code i} reads element {@code i} of every operand. It is
     * {@link #sameShape sameShape(Integer.MAX_VALUE, operands)}, whose runs over a range
     * {@code [from, to)} are those of the index of the actual size, shared (for up to three
     * operands) so that taking it allocates nothing. Its {@link #size()} is the largest result
     * an index can describe, not the result's: a kernel given it fills the range it is asked
     * for.
     *
     * @param operands the number of operands, at least 1
     * @return the index
     * @throws IllegalArgumentException if {@code operands} is below 1
     */
    public static BroadcastIndex unitStride(int operands) {
        checkArgument(operands > 0, "no operands");
        return operands < UNIT_STRIDE.length ? UNIT_STRIDE[operands] : unit(Integer.MAX_VALUE, operands);
    }

    private static BroadcastIndex unit(int size, int operands) {
        int[][] strides = new int[operands][];
        // Every operand's stride row is the same {1}; the index never writes its arrays.
        int[] unit = {1};
        Arrays.fill(strides, unit);
        return new BroadcastIndex(new int[] {size}, strides, size);
    }

    /** Tells whether every operand's stride on axis {@code a} is its stride on group g times g's size. */
    private static boolean continuesGroup(int[][] full, int[][] gs, int a, int g, int groupSize) {
        for (int j = 0; j < full.length; j++) {
            if (full[j][a] != (long) gs[j][g] * groupSize) {
                return false;
            }
        }
        return true;
    }

    /** Returns, per result axis, the operand's stride: 0 where it is missing or broadcast. */
    private static int[] strides(long[] outDims, long[] operand) {
        int rank = outDims.length;
        checkArgument(operand.length <= rank, "operand of shape %s has a higher rank than the result %s",
                Arrays.toString(operand), Arrays.toString(outDims));
        int[] strides = new int[rank];
        long stride = 1;
        for (int a = rank - 1, b = operand.length - 1; b >= 0; a--, b--) {
            checkArgument(operand[b] == outDims[a] || operand[b] == 1,
                    "operand of shape %s does not broadcast to %s", Arrays.toString(operand), Arrays.toString(outDims));
            strides[a] = operand[b] == 1 ? 0 : (int) stride;
            stride *= operand[b];
        }
        return strides;
    }

    /**
     * Returns the number of result elements.
     *
     * @return the product of the result's dimensions
     */
    public int size() {
        return size;
    }

    /**
     * Returns the number of operands.
     *
     * @return how many operand shapes the index was built with
     */
    public int operandCount() {
        return strides.length;
    }

    /**
     * Tells whether the whole result is one run (equal shapes, or operands of size 1).
     *
     * @return true if {@link #forEachRun} hands out one run per call
     */
    public boolean isSingleRun() {
        return dims.length == 1;
    }

    /**
     * Tells whether result element {@code i} is element {@code i} of every operand (all operands
     * have the result's shape, up to size-1 axes), so a kernel may index them all directly.
     *
     * @return true if the index is one run with stride 1 in every operand
     */
    public boolean isUnitStride() {
        if (dims.length != 1) {
            return false;
        }
        for (int[] s : strides) {
            if (s[0] != 1 && size > 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * Hands the result elements {@code [from, to)} of a two-operand index to {@code body} as
     * runs, in increasing order; each run ends at the end of the range or of a row of the
     * innermost merged axis.
     *
     * @param from the first result element
     * @param to one past the last result element
     * @param body what to do with each run
     * @throws IllegalArgumentException if the range is not within {@code [0, size()]}
     * @throws IllegalStateException if the index has not exactly two operands
     */
    public void forEachRun(int from, int to, Run body) {
        checkState(strides.length == 2, "the index has %s operands, not 2", strides.length);
        forEachOperandRun(from, to, (o, n, offsets, steps) -> body.run(o, n, offsets[0], steps[0], offsets[1], steps[1]));
    }

    /**
     * Hands the result elements {@code [from, to)} to {@code body} as runs over all operands, in
     * increasing order; each run ends at the end of the range or of a row of the innermost
     * merged axis.
     *
     * @param from the first result element
     * @param to one past the last result element
     * @param body what to do with each run
     * @throws IllegalArgumentException if the range is not within {@code [0, size()]}
     */
    public void forEachOperandRun(int from, int to, OperandRun body) {
        checkArgument(0 <= from && from <= to && to <= size, "range [%s, %s) is not within [0, %s)", from, to, size);
        if (from == to) {
            return;
        }
        int k = strides.length;
        int last = dims.length - 1;
        int inner = dims[last];
        int[] step = new int[k];
        int[] base = new int[k];
        int[] offsets = new int[k];
        int[] coord = new int[last];
        int rest = from / inner;
        for (int a = last - 1; a >= 0; a--) {
            coord[a] = rest % dims[a];
            rest /= dims[a];
            for (int j = 0; j < k; j++) {
                base[j] += coord[a] * strides[j][a];
            }
        }
        for (int j = 0; j < k; j++) {
            step[j] = strides[j][last];
        }
        int column = from % inner;
        int pos = from;
        while (true) {
            int len = Math.min(inner - column, to - pos);
            for (int j = 0; j < k; j++) {
                offsets[j] = base[j] + column * step[j];
            }
            body.run(pos, len, offsets, step);
            pos += len;
            if (pos >= to) {
                return;
            }
            column = 0;
            // Odometer step to the next row: carry into outer axes, rewinding the ones that wrap.
            for (int a = last - 1; a >= 0; a--) {
                boolean wraps = ++coord[a] == dims[a];
                if (wraps) {
                    coord[a] = 0;
                }
                for (int j = 0; j < k; j++) {
                    base[j] += wraps ? (1 - dims[a]) * strides[j][a] : strides[j][a];
                }
                if (!wraps) {
                    break;
                }
            }
        }
    }
}
