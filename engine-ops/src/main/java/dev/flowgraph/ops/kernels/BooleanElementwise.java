package dev.flowgraph.ops.kernels;

/**
 * Elementwise kernels with a boolean side: comparisons and logic (a {@code boolean[]} result,
 * NumPy broadcasting through {@link BroadcastIndex}) and selection by a {@code boolean[]}
 * condition, as {@code np.where}.
 *
 * <p>Each kernel fills a range {@code [from, to)} of its output, so that callers can split the
 * work into fixed-size blocks. Float comparisons are {@link Comparison}s, with loops of their
 * own; comparisons of {@code int} widen both operands to {@code long}, exactly, so one predicate
 * serves both integer dtypes. NaN compares as IEEE 754 says (every comparison with NaN is false
 * except {@code !=}).
 *
 * <pre>{@code
 * float[] x = {1, 2, Float.NaN}, y = {2};
 * boolean[] out = new boolean[3];
 * BroadcastIndex ix = new BroadcastIndex(new long[] {3}, new long[] {3}, new long[] {1});
 * BooleanElementwise.compare(x, y, out, ix, Comparison.LESS, 0, 3);   // out = {true, false, false}
 * }</pre>
 */
public final class BooleanElementwise {
    private BooleanElementwise() {}

    /**
     * Computes {@code out[i] = x[xi] test y[yi]} with broadcasting for the result elements
     * {@code from <= i < to}, through the comparison's own loop.
     *
     * @param x the left operand (not modified)
     * @param y the right operand (not modified)
     * @param out the result, of {@code index.size()} elements (modified in {@code [from, to)})
     * @param index how result elements map to operand elements
     * @param test the comparison
     * @param from the first result element to compute
     * @param to one past the last
     */
    public static void compare(float[] x, float[] y, boolean[] out, BroadcastIndex index, Comparison test,
            int from, int to) {
        if (index.isUnitStride()) {
            test.apply(x, from, 1, y, from, 1, out, from, to - from);
            return;
        }
        index.forEachRun(from, to, (o, n, xo, xs, yo, ys) -> test.apply(x, xo, xs, y, yo, ys, out, o, n));
    }

    /**
     * Computes {@code out[i] = x[xi] test y[yi]} with broadcasting for the result elements
     * {@code from <= i < to}; see
     * {@link #compare(float[], float[], boolean[], BroadcastIndex, Comparison, int, int)}.
     *
     * @param x the left operand (not modified)
     * @param y the right operand (not modified)
     * @param out the result, of {@code index.size()} elements (modified in {@code [from, to)})
     * @param index how result elements map to operand elements
     * @param test the comparison
     * @param from the first result element to compute
     * @param to one past the last
     */
    public static void compare(double[] x, double[] y, boolean[] out, BroadcastIndex index, Comparison test,
            int from, int to) {
        if (index.isUnitStride()) {
            test.apply(x, from, 1, y, from, 1, out, from, to - from);
            return;
        }
        index.forEachRun(from, to, (o, n, xo, xs, yo, ys) -> test.apply(x, xo, xs, y, yo, ys, out, o, n));
    }

    /**
     * Computes {@code out[i] = test(x[xi], y[yi])} with broadcasting for the result elements
     * {@code from <= i < to}; see {@link Elementwise#binary(float[], float[], float[], BroadcastIndex,
     * FloatBinaryOperator, int, int)}.
     *
     * @param x the left operand (not modified)
     * @param y the right operand (not modified)
     * @param out the result, of {@code index.size()} elements (modified in {@code [from, to)})
     * @param index how result elements map to operand elements
     * @param test the comparison
     * @param from the first result element to compute
     * @param to one past the last
     */
    public static void compare(int[] x, int[] y, boolean[] out, BroadcastIndex index, LongBinaryPredicate test,
            int from, int to) {
        index.forEachRun(from, to, (o, n, xo, xs, yo, ys) -> {
            for (int i = 0; i < n; i++) {
                out[o + i] = test.test(x[xo + i * xs], y[yo + i * ys]);
            }
        });
    }

    /**
     * Computes {@code out[i] = test(x[xi], y[yi])} with broadcasting for the result elements
     * {@code from <= i < to}; see {@link Elementwise#binary(float[], float[], float[], BroadcastIndex,
     * FloatBinaryOperator, int, int)}.
     *
     * @param x the left operand (not modified)
     * @param y the right operand (not modified)
     * @param out the result, of {@code index.size()} elements (modified in {@code [from, to)})
     * @param index how result elements map to operand elements
     * @param test the comparison
     * @param from the first result element to compute
     * @param to one past the last
     */
    public static void compare(long[] x, long[] y, boolean[] out, BroadcastIndex index, LongBinaryPredicate test,
            int from, int to) {
        index.forEachRun(from, to, (o, n, xo, xs, yo, ys) -> {
            for (int i = 0; i < n; i++) {
                out[o + i] = test.test(x[xo + i * xs], y[yo + i * ys]);
            }
        });
    }

    /**
     * Computes {@code out[i] = op(x[xi], y[yi])} on booleans with broadcasting, for the result
     * elements {@code from <= i < to}.
     *
     * @param x the left operand (not modified)
     * @param y the right operand (not modified)
     * @param out the result, of {@code index.size()} elements (modified in {@code [from, to)})
     * @param index how result elements map to operand elements
     * @param op the operation, such as logical and
     * @param from the first result element to compute
     * @param to one past the last
     */
    public static void binary(boolean[] x, boolean[] y, boolean[] out, BroadcastIndex index, BooleanBinaryOperator op,
            int from, int to) {
        index.forEachRun(from, to, (o, n, xo, xs, yo, ys) -> {
            for (int i = 0; i < n; i++) {
                out[o + i] = op.apply(x[xo + i * xs], y[yo + i * ys]);
            }
        });
    }

    /**
     * Computes {@code out[i] = !x[i]} for {@code from <= i < to}.
     *
     * @param x the operand (not modified)
     * @param out the result, as long as x (modified in {@code [from, to)})
     * @param from the first element to compute
     * @param to one past the last
     */
    public static void not(boolean[] x, boolean[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = !x[i];
        }
    }

    /**
     * Computes {@code out[i] = cond[ci] ? x[xi] : y[yi]} with broadcasting of all three
     * operands, for the result elements {@code from <= i < to}.
     *
     * @param cond the condition (not modified)
     * @param x the values where the condition holds (not modified)
     * @param y the values where it does not (not modified)
     * @param out the result, of {@code index.size()} elements (modified in {@code [from, to)})
     * @param index a three-operand index: cond, x, y
     * @param from the first result element to compute
     * @param to one past the last
     */
    public static void select(boolean[] cond, float[] x, float[] y, float[] out, BroadcastIndex index, int from, int to) {
        if (index.isUnitStride()) {
            // Equal shapes (relu's gradient): a plain loop, without the per-run offsets and strides.
            for (int i = from; i < to; i++) {
                out[i] = cond[i] ? x[i] : y[i];
            }
            return;
        }
        index.forEachOperandRun(from, to, (o, n, off, st) -> {
            for (int i = 0; i < n; i++) {
                out[o + i] = cond[off[0] + i * st[0]] ? x[off[1] + i * st[1]] : y[off[2] + i * st[2]];
            }
        });
    }

    /**
     * Computes {@code out[i] = cond[ci] ? x[xi] : y[yi]} with broadcasting of all three
     * operands, for the result elements {@code from <= i < to}.
     *
     * @param cond the condition (not modified)
     * @param x the values where the condition holds (not modified)
     * @param y the values where it does not (not modified)
     * @param out the result, of {@code index.size()} elements (modified in {@code [from, to)})
     * @param index a three-operand index: cond, x, y
     * @param from the first result element to compute
     * @param to one past the last
     */
    public static void select(boolean[] cond, double[] x, double[] y, double[] out, BroadcastIndex index, int from, int to) {
        if (index.isUnitStride()) {
            // Equal shapes (relu's gradient): a plain loop, without the per-run offsets and strides.
            for (int i = from; i < to; i++) {
                out[i] = cond[i] ? x[i] : y[i];
            }
            return;
        }
        index.forEachOperandRun(from, to, (o, n, off, st) -> {
            for (int i = 0; i < n; i++) {
                out[o + i] = cond[off[0] + i * st[0]] ? x[off[1] + i * st[1]] : y[off[2] + i * st[2]];
            }
        });
    }

    /**
     * Computes {@code out[i] = cond[ci] ? x[xi] : y[yi]} with broadcasting of all three
     * operands, for the result elements {@code from <= i < to}.
     *
     * @param cond the condition (not modified)
     * @param x the values where the condition holds (not modified)
     * @param y the values where it does not (not modified)
     * @param out the result, of {@code index.size()} elements (modified in {@code [from, to)})
     * @param index a three-operand index: cond, x, y
     * @param from the first result element to compute
     * @param to one past the last
     */
    public static void select(boolean[] cond, int[] x, int[] y, int[] out, BroadcastIndex index, int from, int to) {
        index.forEachOperandRun(from, to, (o, n, off, st) -> {
            for (int i = 0; i < n; i++) {
                out[o + i] = cond[off[0] + i * st[0]] ? x[off[1] + i * st[1]] : y[off[2] + i * st[2]];
            }
        });
    }

    /**
     * Computes {@code out[i] = cond[ci] ? x[xi] : y[yi]} with broadcasting of all three
     * operands, for the result elements {@code from <= i < to}.
     *
     * @param cond the condition (not modified)
     * @param x the values where the condition holds (not modified)
     * @param y the values where it does not (not modified)
     * @param out the result, of {@code index.size()} elements (modified in {@code [from, to)})
     * @param index a three-operand index: cond, x, y
     * @param from the first result element to compute
     * @param to one past the last
     */
    public static void select(boolean[] cond, long[] x, long[] y, long[] out, BroadcastIndex index, int from, int to) {
        index.forEachOperandRun(from, to, (o, n, off, st) -> {
            for (int i = 0; i < n; i++) {
                out[o + i] = cond[off[0] + i * st[0]] ? x[off[1] + i * st[1]] : y[off[2] + i * st[2]];
            }
        });
    }

    /**
     * Computes {@code out[i] = cond[ci] ? x[xi] : y[yi]} with broadcasting of all three
     * operands, for the result elements {@code from <= i < to}.
     *
     * @param cond the condition (not modified)
     * @param x the values where the condition holds (not modified)
     * @param y the values where it does not (not modified)
     * @param out the result, of {@code index.size()} elements (modified in {@code [from, to)})
     * @param index a three-operand index: cond, x, y
     * @param from the first result element to compute
     * @param to one past the last
     */
    public static void select(boolean[] cond, boolean[] x, boolean[] y, boolean[] out, BroadcastIndex index, int from, int to) {
        index.forEachOperandRun(from, to, (o, n, off, st) -> {
            for (int i = 0; i < n; i++) {
                out[o + i] = cond[off[0] + i * st[0]] ? x[off[1] + i * st[1]] : y[off[2] + i * st[2]];
            }
        });
    }
}
