package dev.flowgraph.ops.kernels;

import java.util.function.LongBinaryOperator;

/**
 * Reduction loops over row-major arrays: folds (sum, product, max, min) and arg-reductions
 * (argMax, argMin). Each output element folds its input elements in row-major order, so the
 * result does not depend on how output ranges are split between threads.
 */
public final class Reductions {
    private Reductions() {}

    /**
     * Folds each output element of {@code [from, to)}: {@code out[o] = op(...op(op(identity,
     * x0), x1)..., xn)} over the input elements that reduce into {@code o}, in row-major order.
     *
     * <p>Modified: {@code out[from..to)}. Not modified: {@code in}.
     *
     * @param in the input, row-major
     * @param layout the reduction's layout over the input's shape
     * @param op the fold
     * @param identity the fold's starting value (the result for an empty reduction)
     * @param out the output, one element per kept position
     * @param from the first output element to compute
     * @param to one past the last
     */
    public static void fold(double[] in, ReduceLayout layout, FoldOperation op, double identity,
            double[] out, int from, int to) {
        for (int o = from; o < to; o++) {
            out[o] = fold(in, layout, 0, layout.baseOffset(o), op, identity);
        }
    }

    private static double fold(double[] in, ReduceLayout l, int level, int offset, FoldOperation op, double acc) {
        int n = l.reducedDims.length == 0 ? 1 : l.reducedDims[level];
        int stride = l.reducedDims.length == 0 ? 0 : l.reducedStrides[level];
        if (level >= l.reducedDims.length - 1) {
            // The innermost reduced axis in the operation's own loop: one call per row, not per element.
            return op.fold(in, offset, stride, n, acc);
        }
        for (int t = 0; t < n; t++) {
            acc = fold(in, l, level + 1, offset + t * stride, op, acc);
        }
        return acc;
    }

    /**
     * Folds each output element of {@code [from, to)} over floats in double precision: each
     * element is widened to double as it is read, so the result is bit-identical to folding a
     * widened copy of {@code in} with the double version, without making that copy.
     *
     * <p>Modified: {@code out[from..to)}. Not modified: {@code in}.
     *
     * @param in the input, row-major
     * @param layout the reduction's layout over the input's shape
     * @param op the fold
     * @param identity the fold's starting value (the result for an empty reduction)
     * @param out the output, one element per kept position
     * @param from the first output element to compute
     * @param to one past the last
     */
    public static void fold(float[] in, ReduceLayout layout, FoldOperation op, double identity,
            double[] out, int from, int to) {
        for (int o = from; o < to; o++) {
            out[o] = fold(in, layout, 0, layout.baseOffset(o), op, identity);
        }
    }

    private static double fold(float[] in, ReduceLayout l, int level, int offset, FoldOperation op, double acc) {
        int n = l.reducedDims.length == 0 ? 1 : l.reducedDims[level];
        int stride = l.reducedDims.length == 0 ? 0 : l.reducedStrides[level];
        if (level >= l.reducedDims.length - 1) {
            // As for doubles: the innermost reduced axis in the operation's own loop.
            return op.fold(in, offset, stride, n, acc);
        }
        for (int t = 0; t < n; t++) {
            acc = fold(in, l, level + 1, offset + t * stride, op, acc);
        }
        return acc;
    }

    /**
     * Folds each output element of {@code [from, to)} over longs, as the double version does.
     *
     * <p>Modified: {@code out[from..to)}. Not modified: {@code in}.
     *
     * @param in the input, row-major
     * @param layout the reduction's layout over the input's shape
     * @param op the fold
     * @param identity the fold's starting value (the result for an empty reduction)
     * @param out the output, one element per kept position
     * @param from the first output element to compute
     * @param to one past the last
     */
    public static void fold(long[] in, ReduceLayout layout, LongBinaryOperator op, long identity,
            long[] out, int from, int to) {
        for (int o = from; o < to; o++) {
            out[o] = fold(in, layout, 0, layout.baseOffset(o), op, identity);
        }
    }

    private static long fold(long[] in, ReduceLayout l, int level, int offset, LongBinaryOperator op, long acc) {
        if (level == l.reducedDims.length) {
            return op.applyAsLong(acc, in[offset]);
        }
        int n = l.reducedDims[level];
        int stride = l.reducedStrides[level];
        for (int t = 0; t < n; t++) {
            acc = fold(in, l, level + 1, offset + t * stride, op, acc);
        }
        return acc;
    }

    /**
     * For an input viewed as {@code [outer, n, inner]}, finds along the middle axis the index of
     * the largest ({@code max}) or smallest element of each {@code (outer, inner)} position
     * {@code o = a * inner + b} in {@code [from, to)}. Ties go to the first index; a NaN counts
     * as the extreme, so the first NaN wins, as in NumPy.
     *
     * <p>Modified: {@code out[from..to)}. Not modified: {@code in}.
     *
     * @param in the input, row-major, with {@code n >= 1}
     * @param n the length of the reduced axis
     * @param inner the product of the dimensions after it
     * @param max true for argMax, false for argMin
     * @param out the indices
     * @param from the first output element to compute
     * @param to one past the last
     */
    public static void argExtreme(double[] in, int n, int inner, boolean max, long[] out, int from, int to) {
        for (int o = from; o < to; o++) {
            int offset = (o / inner) * n * inner + o % inner;
            double best = in[offset];
            int bestIndex = 0;
            for (int t = 1; t < n && !Double.isNaN(best); t++) {
                double v = in[offset + t * inner];
                if (Double.isNaN(v) || (max ? v > best : v < best)) {
                    best = v;
                    bestIndex = t;
                }
            }
            out[o] = bestIndex;
        }
    }

    /**
     * The long version of {@link #argExtreme(double[], int, int, boolean, long[], int, int)}.
     *
     * <p>Modified: {@code out[from..to)}. Not modified: {@code in}.
     *
     * @param in the input, row-major, with {@code n >= 1}
     * @param n the length of the reduced axis
     * @param inner the product of the dimensions after it
     * @param max true for argMax, false for argMin
     * @param out the indices
     * @param from the first output element to compute
     * @param to one past the last
     */
    public static void argExtreme(long[] in, int n, int inner, boolean max, long[] out, int from, int to) {
        for (int o = from; o < to; o++) {
            int offset = (o / inner) * n * inner + o % inner;
            long best = in[offset];
            int bestIndex = 0;
            for (int t = 1; t < n; t++) {
                long v = in[offset + t * inner];
                if (max ? v > best : v < best) {
                    best = v;
                    bestIndex = t;
                }
            }
            out[o] = bestIndex;
        }
    }
}
