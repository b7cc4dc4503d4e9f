package dev.flowgraph.ops.kernels;

import java.util.Arrays;
import java.util.function.LongBinaryOperator;

/**
 * Reduction loops over row-major arrays: folds (sum, product, max, min) and arg-reductions
 * (argMax, argMin). Each output element folds its input elements in row-major order, so the
 * result does not depend on how output ranges are split between threads. A fold whose input
 * keeps its last axis (a sum over the rows of a matrix) runs a row of input into a run of
 * outputs at a time, which is the same order for each output. A float fold too long for one
 * thread (see {@link #foldParts(ReduceLayout)}) is folded in fixed parts, then the parts in
 * order.
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
        if (foldsByColumns(layout, from, to)) {
            foldByColumns(in, layout, op, identity, out, from, to);
            return;
        }
        for (int o = from; o < to; o++) {
            out[o] = fold(in, layout, 0, layout.baseOffset(o), op, identity);
        }
    }

    /**
     * Tells whether a block of outputs folds column by column: when the input's last axis is
     * kept, consecutive outputs read consecutive input elements, and an output's own fold, a
     * chain of dependent operations of about 4 cycles each, leaves the core mostly idle (a bias
     * gradient, {@code [128, 128]} summed over its rows, took 24 µs). Folding a row of input into
     * a run of outputs at a time performs each output's operations in the same order, with the
     * same values, so the bits are the same; blocks of few outputs keep the per-output loop.
     */
    private static boolean foldsByColumns(ReduceLayout layout, int from, int to) {
        int kept = layout.keptDims.length;
        return to - from >= KernelTuning.REDUCE_COLUMNS_MIN && layout.reducedDims.length > 0 && kept > 0
                && layout.keptStrides[kept - 1] == 1;
    }

    /**
     * Folds outputs {@code [from, to)} column by column, for a {@code float[]} or {@code double[]}
     * input: each run of outputs within one row of the innermost kept axis at a time.
     */
    private static void foldByColumns(Object in, ReduceLayout layout, FoldOperation op, double identity,
            double[] out, int from, int to) {
        Arrays.fill(out, from, to, identity);
        int inner = layout.keptDims[layout.keptDims.length - 1];
        for (int o = from, n; o < to; o += n) {
            n = Math.min(to - o, inner - o % inner);
            foldColumns(in, layout, 0, layout.baseOffset(o), op, out, o, n);
        }
    }

    /**
     * Folds, for each reduced position in row-major order (the order of {@link #fold(double[],
     * ReduceLayout, int, int, FoldOperation, double)}), the {@code n} consecutive input elements
     * there into {@code out[o, o + n)}; the input's type is looked at once per row.
     */
    private static void foldColumns(Object in, ReduceLayout l, int level, int offset, FoldOperation op,
            double[] out, int o, int n) {
        int count = l.reducedDims[level];
        int stride = l.reducedStrides[level];
        boolean innermost = level == l.reducedDims.length - 1;
        for (int t = 0, at = offset; t < count; t++, at += stride) {
            if (!innermost) {
                foldColumns(in, l, level + 1, at, op, out, o, n);
            } else if (in instanceof float[] f) {
                op.foldColumns(f, at, out, o, n);
            } else {
                op.foldColumns((double[]) in, at, out, o, n);
            }
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
        if (foldsByColumns(layout, from, to)) {
            foldByColumns(in, layout, op, identity, out, from, to);
            return;
        }
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
     * Returns how many parts each output element of a FLOAT32 or FLOAT64 fold over this layout is
     * folded in: 1 for an output of at most {@link KernelTuning#REDUCE_PART_ELEMENTS} elements;
     * otherwise the outermost reduced axis is cut into ranges of {@link #partRows} indices, each
     * with everything inside it about {@code REDUCE_PART_ELEMENTS} elements (the whole tensor's
     * sum: runs of that many elements; a per-channel sum of {@code [n, c, h, w]} over n, h and w:
     * ranges of n), and each range is a part. An output folded alone is one chain of dependent
     * operations on one thread; in parts, a pool's threads share it. The parts depend on the
     * layout only, so the result is the same at any pool size. For max and min the bits are those
     * of the single chain ({@code Math.max} and {@code Math.min} are associative, NaN and signed
     * zeros included); a sum or product rounds differently, usually closer to the exact result, as
     * each part's accumulator stays smaller.
     *
     * @param layout the reduction's layout
     * @return the number of parts per output element, at least 1
     */
    public static int foldParts(ReduceLayout layout) {
        if (layout.reducedCount() <= KernelTuning.REDUCE_PART_ELEMENTS) {
            return 1;
        }
        int rows = layout.reducedDims[0];
        return (rows - 1) / partRows(layout) + 1;
    }

    /**
     * The indices of the outermost reduced axis in one part: enough for about {@link
     * KernelTuning#REDUCE_PART_ELEMENTS} elements, and at least one.
     */
    private static int partRows(ReduceLayout layout) {
        int inner = layout.reducedCount() / layout.reducedDims[0];
        return Math.max(1, KernelTuning.REDUCE_PART_ELEMENTS / inner);
    }

    /**
     * Folds parts {@code [from, to)} of a layout's outputs: part {@code i} is part {@code i % parts}
     * of output element {@code i / parts}, that is its elements whose index on the outermost
     * reduced axis falls in that part's range (see {@link #foldParts(ReduceLayout)}), folded from
     * {@code identity} in row-major order into {@code partials[i]}. {@link #joinParts} then folds
     * each output's parts.
     *
     * <p>Modified: {@code partials[from..to)}. Not modified: {@code in}.
     *
     * @param in the input, row-major
     * @param layout the reduction's layout, one with {@code parts > 1}
     * @param parts {@link #foldParts(ReduceLayout)} of the layout
     * @param op the fold
     * @param identity the fold's starting value
     * @param partials the parts' results, {@code parts} per output element
     * @param from the first part to fold
     * @param to one past the last
     */
    public static void foldParts(float[] in, ReduceLayout layout, int parts, FoldOperation op, double identity,
            double[] partials, int from, int to) {
        foldPartsOf(in, layout, parts, op, identity, partials, from, to);
    }

    /**
     * Folds parts {@code [from, to)} of a layout's outputs over doubles; see
     * {@link #foldParts(float[], ReduceLayout, int, FoldOperation, double, double[], int, int)}.
     *
     * <p>Modified: {@code partials[from..to)}. Not modified: {@code in}.
     *
     * @param in the input, row-major
     * @param layout the reduction's layout, one with {@code parts > 1}
     * @param parts {@link #foldParts(ReduceLayout)} of the layout
     * @param op the fold
     * @param identity the fold's starting value
     * @param partials the parts' results, {@code parts} per output element
     * @param from the first part to fold
     * @param to one past the last
     */
    public static void foldParts(double[] in, ReduceLayout layout, int parts, FoldOperation op, double identity,
            double[] partials, int from, int to) {
        foldPartsOf(in, layout, parts, op, identity, partials, from, to);
    }

    /** Folds parts for a {@code float[]} or {@code double[]} input; its type is looked at once per row. */
    private static void foldPartsOf(Object in, ReduceLayout layout, int parts, FoldOperation op, double identity,
            double[] partials, int from, int to) {
        int rows = layout.reducedDims[0];
        int stride = layout.reducedStrides[0];
        int partRows = partRows(layout);
        boolean innermost = layout.reducedDims.length == 1;
        for (int i = from; i < to; i++) {
            int first = i % parts * partRows;
            int count = Math.min(partRows, rows - first);
            int offset = layout.baseOffset(i / parts) + first * stride;
            double acc = identity;
            if (innermost) {
                // One run: the part is a stretch of it, in the operation's own loop.
                acc = in instanceof float[] f
                        ? op.fold(f, offset, stride, count, acc)
                        : op.fold((double[]) in, offset, stride, count, acc);
            } else {
                for (int t = 0, at = offset; t < count; t++, at += stride) {
                    acc = in instanceof float[] f
                            ? fold(f, layout, 1, at, op, acc)
                            : fold((double[]) in, layout, 1, at, op, acc);
                }
            }
            partials[i] = acc;
        }
    }

    /**
     * Folds each output element's parts, in order, from {@code identity}:
     * {@code out[o] = op(...op(identity, partials[o * parts])..., partials[o * parts + parts - 1])}.
     *
     * <p>Modified: {@code out}. Not modified: {@code partials}.
     *
     * @param partials the parts' results from {@code foldParts}
     * @param parts the number of parts per output element
     * @param op the fold
     * @param identity the fold's starting value
     * @param out the output, {@code partials.length / parts} elements
     */
    public static void joinParts(double[] partials, int parts, FoldOperation op, double identity, double[] out) {
        for (int o = 0; o < out.length; o++) {
            out[o] = op.fold(partials, o * parts, 1, parts, identity);
        }
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
