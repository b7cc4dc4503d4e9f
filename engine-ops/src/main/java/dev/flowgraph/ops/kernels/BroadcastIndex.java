package dev.flowgraph.ops.kernels;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;

/**
 * Maps the elements of a broadcast result to the elements of its two operands, following NumPy's
 * rules, independently of the dtype.
 *
 * <p>Operand shapes are aligned at their last axis; a missing leading axis, or an axis of size 1
 * where the result's is larger, is read with stride 0. Adjacent axes that both operands read
 * contiguously (or both with stride 0) are merged, so that the common cases are a single run:
 * equal shapes become one axis read with strides (1, 1), and a size-1 operand one axis read with
 * strides (0, 1) or (1, 0). Other shapes fall back to the general strided walk, which still hands
 * out whole rows of the innermost merged axis.
 *
 * <pre>{@code
 * BroadcastIndex ix = new BroadcastIndex(new long[] {2, 3}, new long[] {2, 3}, new long[] {3});
 * ix.forEachRun(0, ix.size(), (out, len, xOff, xStride, yOff, yStride) -> ...);
 * // two runs: (0, 3, 0, 1, 0, 1) and (3, 3, 3, 1, 0, 1)
 * }</pre>
 */
public final class BroadcastIndex {
    /**
     * One run of consecutive result elements: result element {@code outOffset + i}, for
     * {@code 0 <= i < length}, reads x at {@code xOffset + i * xStride} and y at
     * {@code yOffset + i * yStride}.
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

    /** Merged result axes, outermost first; never empty. */
    private final int[] dims;
    private final int[] xStrides;
    private final int[] yStrides;
    private final int size;

    /**
     * Prepares the mapping for one result shape and two operand shapes.
     *
     * @param outDims the result's dimensions, the broadcast of the operands'
     * @param xDims the left operand's dimensions, of rank at most the result's
     * @param yDims the right operand's dimensions, of rank at most the result's
     * @throws IllegalArgumentException if an operand cannot broadcast to the result, or the
     *     result holds more than {@link Integer#MAX_VALUE} elements
     */
    public BroadcastIndex(long[] outDims, long[] xDims, long[] yDims) {
        checkNotNull(outDims, "outDims");
        int rank = outDims.length;
        int[] xs = strides(outDims, checkNotNull(xDims, "xDims"));
        int[] ys = strides(outDims, checkNotNull(yDims, "yDims"));
        long total = 1;
        for (long d : outDims) {
            total *= d;
            checkArgument(total <= Integer.MAX_VALUE, "shape %s holds too many elements", Arrays.toString(outDims));
        }
        size = (int) total;
        // Walk from the innermost axis outwards, merging each axis into the group inside it when
        // both operands continue that group's stride pattern; size-1 axes add nothing.
        int[] d = new int[Math.max(rank, 1)];
        int[] gx = new int[d.length];
        int[] gy = new int[d.length];
        int groups = 0;
        for (int a = rank - 1; a >= 0; a--) {
            int n = (int) outDims[a];
            if (n == 1) {
                continue;
            }
            int g = groups - 1;
            if (g >= 0 && xs[a] == (long) gx[g] * d[g] && ys[a] == (long) gy[g] * d[g]) {
                d[g] *= n;
            } else {
                d[groups] = n;
                gx[groups] = xs[a];
                gy[groups] = ys[a];
                groups++;
            }
        }
        if (groups == 0) {
            d[0] = 1;
            groups = 1;
        }
        dims = new int[groups];
        xStrides = new int[groups];
        yStrides = new int[groups];
        for (int g = 0; g < groups; g++) {
            dims[groups - 1 - g] = d[g];
            xStrides[groups - 1 - g] = gx[g];
            yStrides[groups - 1 - g] = gy[g];
        }
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
     * Tells whether the whole result is one run (equal shapes, or one operand of size 1).
     *
     * @return true if {@link #forEachRun} hands out one run per call
     */
    public boolean isSingleRun() {
        return dims.length == 1;
    }

    /**
     * Hands the result elements {@code [from, to)} to {@code body} as runs, in increasing order;
     * each run ends at the end of the range or of a row of the innermost merged axis.
     *
     * @param from the first result element
     * @param to one past the last result element
     * @param body what to do with each run
     * @throws IllegalArgumentException if the range is not within {@code [0, size()]}
     */
    public void forEachRun(int from, int to, Run body) {
        checkArgument(0 <= from && from <= to && to <= size, "range [%s, %s) is not within [0, %s)", from, to, size);
        if (from == to) {
            return;
        }
        int last = dims.length - 1;
        int inner = dims[last];
        int sx = xStrides[last];
        int sy = yStrides[last];
        int[] coord = new int[last];
        int xBase = 0;
        int yBase = 0;
        int rest = from / inner;
        for (int a = last - 1; a >= 0; a--) {
            coord[a] = rest % dims[a];
            rest /= dims[a];
            xBase += coord[a] * xStrides[a];
            yBase += coord[a] * yStrides[a];
        }
        int column = from % inner;
        int pos = from;
        while (true) {
            int len = Math.min(inner - column, to - pos);
            body.run(pos, len, xBase + column * sx, sx, yBase + column * sy, sy);
            pos += len;
            if (pos >= to) {
                return;
            }
            column = 0;
            // Odometer step to the next row: carry into outer axes, rewinding the ones that wrap.
            for (int a = last - 1; a >= 0; a--) {
                xBase += xStrides[a];
                yBase += yStrides[a];
                if (++coord[a] < dims[a]) {
                    break;
                }
                coord[a] = 0;
                xBase -= dims[a] * xStrides[a];
                yBase -= dims[a] * yStrides[a];
            }
        }
    }
}
