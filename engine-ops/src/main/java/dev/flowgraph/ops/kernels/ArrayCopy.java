package dev.flowgraph.ops.kernels;

import java.lang.reflect.Array;

/**
 * Copy kernels of the array ops (transpose, slice, tile, concat, stack, gather, one-hot, fill), written
 * once for every dtype: they move elements with {@link System#arraycopy}, which works on any
 * primitive array ({@code float[]}, {@code double[]}, {@code int[]}, {@code long[]},
 * {@code boolean[]}), in contiguous runs as long as the layout allows.
 *
 * <p>Each kernel fills a range of its output, so that callers can split the work into fixed-size
 * blocks; a copy has no arithmetic, so the result does not depend on the split.
 *
 * <pre>{@code
 * // the transpose of a 2x3 matrix: output [3, 2] reads the input with strides [1, 3]
 * double[] x = {1, 2, 3, 4, 5, 6}, out = new double[6];
 * ArrayCopy.strided(x, 0, new long[] {3, 2}, new long[] {1, 3}, out, 0, 6);   // out = {1, 4, 2, 5, 3, 6}
 * }</pre>
 */
public final class ArrayCopy {
    private ArrayCopy() {}

    /**
     * Returns a new zero-filled array of the same primitive type as {@code like}.
     *
     * @param like a primitive array (not modified)
     * @param length the new array's length
     * @return {@code new T[length]}, where {@code T} is {@code like}'s component type
     */
    public static Object allocate(Object like, int length) {
        return Array.newInstance(like.getClass().getComponentType(), length);
    }

    /**
     * Copies a strided view of {@code src} into the row-major array {@code dst}:
     * {@code dst[i] = src[srcOffset + sum_d idx_d(i) * srcStrides[d]]} for {@code from <= i < to},
     * where {@code idx(i)} is the multi-index of {@code i} in a row-major array of shape
     * {@code dims}. Strides may be zero (repetition, as tile uses). Trailing axes whose strides are
     * contiguous are copied in one run.
     *
     * @param src the source array (not modified)
     * @param srcOffset the source position of the multi-index {@code [0, ..., 0]}
     * @param dims the shape of the view, which is {@code dst}'s shape
     * @param srcStrides the source step of each view axis
     * @param dst the destination, same primitive type (modified in {@code [from, to)})
     * @param from the first destination element to write
     * @param to one past the last
     */
    public static void strided(Object src, int srcOffset, long[] dims, long[] srcStrides, Object dst, int from,
            int to) {
        int rank = dims.length;
        // Collapse the trailing axes that the source holds contiguously into one run.
        long run = 1;
        int outer = rank;
        while (outer > 0 && (dims[outer - 1] == 1 || srcStrides[outer - 1] == run)) {
            run *= dims[outer - 1];
            outer--;
        }
        int runLength = (int) run;
        int p = from;
        while (p < to) {
            int o = p / runLength;
            int within = p - o * runLength;
            int n = Math.min(runLength - within, to - p);
            long s = srcOffset + within;
            int rest = o;
            for (int d = outer - 1; d >= 0; d--) {
                int size = (int) dims[d];
                s += (rest % size) * srcStrides[d];
                rest /= size;
            }
            System.arraycopy(src, (int) s, dst, p, n);
            p += n;
        }
    }

    /**
     * Joins rows: destination row {@code r} is the concatenation of row {@code r} of each source,
     * where source {@code i}'s rows have {@code rowLengths[i]} elements, so
     * {@code dst[r * L + offset_i + j] = srcs[i][r * rowLengths[i] + j]} with
     * {@code L = sum rowLengths} and {@code offset_i = sum_{k < i} rowLengths[k]}.
     *
     * @param srcs the sources, all of {@code dst}'s primitive type (not modified)
     * @param rowLengths each source's row length
     * @param dst the destination (modified in rows {@code [fromRow, toRow)})
     * @param fromRow the first row to write
     * @param toRow one past the last
     */
    public static void joinRows(Object[] srcs, int[] rowLengths, Object dst, int fromRow, int toRow) {
        int total = 0;
        for (int len : rowLengths) {
            total += len;
        }
        for (int r = fromRow; r < toRow; r++) {
            int at = r * total;
            for (int i = 0; i < srcs.length; i++) {
                System.arraycopy(srcs[i], r * rowLengths[i], dst, at, rowLengths[i]);
                at += rowLengths[i];
            }
        }
    }

    /**
     * Gathers slices along one axis: {@code src} has shape {@code [outer, n, inner]} and
     * {@code dst} shape {@code [outer, q, inner]} with {@code q = indices.length}; destination row
     * {@code r = o * q + j} is {@code dst[r * inner + k] = src[(o * n + indices[j]) * inner + k]}.
     *
     * @param src the source (not modified)
     * @param n the size of the gathered axis
     * @param inner the number of elements after the gathered axis
     * @param indices positions along the gathered axis, each in {@code [0, n)} (not modified)
     * @param dst the destination, same primitive type (modified in rows {@code [fromRow, toRow)})
     * @param fromRow the first destination row {@code o * q + j} to write
     * @param toRow one past the last
     */
    public static void gather(Object src, int n, int inner, long[] indices, Object dst, int fromRow, int toRow) {
        int q = indices.length;
        for (int r = fromRow; r < toRow; r++) {
            int o = r / q;
            int j = r - o * q;
            System.arraycopy(src, (int) ((o * (long) n + indices[j]) * inner), dst, r * inner, inner);
        }
    }

    /**
     * Writes one value into each row where its index says (the one-hot pattern): for
     * {@code fromRow <= r < toRow}, {@code dst[r * depth + indices[r]] = value[0]} when
     * {@code 0 <= indices[r] < depth}; a row whose index is outside is left as it is.
     *
     * @param value an array of at least one element, of {@code dst}'s primitive type (not modified)
     * @param indices one position per row (not modified)
     * @param depth the row length
     * @param dst the destination, rows of {@code depth} elements (modified in rows {@code [fromRow, toRow)})
     * @param fromRow the first row to write
     * @param toRow one past the last
     */
    public static void scatterRows(Object value, long[] indices, int depth, Object dst, int fromRow, int toRow) {
        for (int r = fromRow; r < toRow; r++) {
            if (indices[r] >= 0 && indices[r] < depth) {
                System.arraycopy(value, 0, dst, r * depth + (int) indices[r], 1);
            }
        }
    }

    /**
     * Fills a range with one value: {@code dst[i] = value[0]} for {@code from <= i < to}, by
     * doubling copies within {@code dst}.
     *
     * @param value an array of at least one element, of {@code dst}'s primitive type (not modified)
     * @param dst the destination (modified in {@code [from, to)})
     * @param from the first element to write
     * @param to one past the last
     */
    public static void fill(Object value, Object dst, int from, int to) {
        if (from >= to) {
            return;
        }
        System.arraycopy(value, 0, dst, from, 1);
        int filled = 1;
        int n = to - from;
        while (filled < n) {
            int m = Math.min(filled, n - filled);
            System.arraycopy(dst, from, dst, from + filled, m);
            filled += m;
        }
    }
}
