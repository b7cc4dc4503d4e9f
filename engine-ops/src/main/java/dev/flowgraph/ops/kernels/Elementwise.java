package dev.flowgraph.ops.kernels;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * Elementwise kernels: a binary operation with NumPy broadcasting, a unary operation, and the
 * integer division that both Java and C define, with a clear error for a zero divisor.
 *
 * <p>Each kernel fills a range {@code [from, to)} of its output, so that callers can split the
 * work into fixed-size blocks. The broadcast index arithmetic lives in {@link BroadcastIndex}; the
 * per-dtype methods here hold only the innermost loop; the most frequent binary and unary float
 * operations ({@link BinaryArithmetic}, {@link UnaryArithmetic}) have loops of their own, which
 * the JIT inlines (and, where the operation allows, vectorises) whatever other ops a program
 * runs. Arithmetic is done in the dtype itself: {@code float} for {@code float[]}, 32-bit
 * wrapping for {@code int[]}, and so on.
 *
 * <pre>{@code
 * double[] x = {1, 2, 3, 4, 5, 6}, y = {10, 20, 30}, out = new double[6];
 * BroadcastIndex ix = new BroadcastIndex(new long[] {2, 3}, new long[] {2, 3}, new long[] {3});
 * Elementwise.binary(x, y, out, ix, Double::sum, 0, 6);   // out = {11, 22, 33, 14, 25, 36}
 * }</pre>
 */
public final class Elementwise {
    private Elementwise() {}

    /**
     * Computes {@code out[i] = op(x[xi], y[yi])} for the result elements {@code from <= i < to},
     * where {@code xi} and {@code yi} are the operand elements that broadcasting pairs with
     * result element {@code i}.
     *
     * @param x the left operand (not modified)
     * @param y the right operand (not modified)
     * @param out the result, of {@code index.size()} elements (modified in {@code [from, to)})
     * @param index how result elements map to operand elements
     * @param op the operation
     * @param from the first result element to compute
     * @param to one past the last
     */
    public static void binary(float[] x, float[] y, float[] out, BroadcastIndex index, FloatBinaryOperator op,
            int from, int to) {
        if (index.isUnitStride()) {
            // Equal shapes: a plain indexed loop, which C2 unrolls and vectorises.
            for (int i = from; i < to; i++) {
                out[i] = op.applyAsFloat(x[i], y[i]);
            }
            return;
        }
        index.forEachRun(from, to, (o, n, xo, xs, yo, ys) -> {
            for (int i = 0; i < n; i++) {
                out[o + i] = op.applyAsFloat(x[xo + i * xs], y[yo + i * ys]);
            }
        });
    }

    /**
     * Computes {@code out[i] = x[xi] op y[yi]} with broadcasting, as
     * {@link #binary(float[], float[], float[], BroadcastIndex, FloatBinaryOperator, int, int)}
     * does with the operator's lambda, bit for bit, but through the operation's own loop
     * ({@link BinaryArithmetic}), which the JIT inlines however many other ops the program runs
     * (and vectorises where the operation allows). The operation's loop reads both operands at
     * the result's own index (see {@link BinaryArithmetic}), so a run reads an operand that is
     * not already there (a scalar or a broadcast column spread over the run, or a row of a bias
     * copied) from a copy of it placed in the run's elements of {@code out} first; where neither
     * operand is there, both are copied to a scratch run. The operation sees the same values in
     * the same order, so the result is the same bit for bit.
     *
     * @param x the left operand (not modified)
     * @param y the right operand (not modified)
     * @param out the result, of {@code index.size()} elements (modified in {@code [from, to)})
     * @param index how result elements map to operand elements
     * @param op the operation
     * @param from the first result element to compute
     * @param to one past the last
     */
    public static void binary(float[] x, float[] y, float[] out, BroadcastIndex index, BinaryArithmetic op,
            int from, int to) {
        if (index.isUnitStride()) {
            op.apply(x, y, out, from, to);
            return;
        }
        broadcastRuns(x, y, out, index, op, from, to);
    }

    /**
     * Computes {@code out[i] = x[xi] op y[yi]} with broadcasting; see
     * {@link #binary(float[], float[], float[], BroadcastIndex, BinaryArithmetic, int, int)}.
     *
     * @param x the left operand (not modified)
     * @param y the right operand (not modified)
     * @param out the result, of {@code index.size()} elements (modified in {@code [from, to)})
     * @param index how result elements map to operand elements
     * @param op the operation
     * @param from the first result element to compute
     * @param to one past the last
     */
    public static void binary(double[] x, double[] y, double[] out, BroadcastIndex index, BinaryArithmetic op,
            int from, int to) {
        if (index.isUnitStride()) {
            op.apply(x, y, out, from, to);
            return;
        }
        broadcastRuns(x, y, out, index, op, from, to);
    }

    /**
     * The broadcast path of both {@code BinaryArithmetic} kernels, for {@code float[]} or
     * {@code double[]} arrays (the type is looked at once per run, the operation's loop is typed).
     */
    private static void broadcastRuns(Object x, Object y, Object out, BroadcastIndex index, BinaryArithmetic op,
            int from, int to) {
        // A run reads each operand with stride 1 or 0: BroadcastIndex's innermost merged axis is
        // one the operand has in full, or one it lacks or has as size 1.
        index.forEachRun(from, to, (o, n, xo, xs, yo, ys) -> {
            boolean xAligned = xs == 1 && xo == o;
            boolean yAligned = ys == 1 && yo == o;
            if (xAligned && yAligned) {
                apply(op, x, y, out, o, o + n);
            } else if (xAligned) {
                apply(op, x, stage(y, yo, ys, out, o, n), out, o, o + n);
            } else if (yAligned) {
                apply(op, stage(x, xo, xs, out, o, n), y, out, o, o + n);
            } else {
                Object run = stage(x, xo, xs, scratch(out, n), 0, n);
                apply(op, run, stage(y, yo, ys, scratch(out, n), 0, n), run, 0, n);
                System.arraycopy(run, 0, out, o, n);
            }
        });
    }

    /** Calls the operation's loop for the arrays' type, {@code float[]} or {@code double[]}. */
    private static void apply(BinaryArithmetic op, Object x, Object y, Object out, int from, int to) {
        if (out instanceof float[] f) {
            op.apply((float[]) x, (float[]) y, f, from, to);
        } else {
            op.apply((double[]) x, (double[]) y, (double[]) out, from, to);
        }
    }

    /**
     * Copies an operand's run, read from {@code a} at {@code off} with stride 0 or 1, to
     * {@code dest[at, at + n)} (an array of a's type), and returns {@code dest}.
     */
    private static Object stage(Object a, int off, int stride, Object dest, int at, int n) {
        if (stride != 0) {
            System.arraycopy(a, off, dest, at, n);
        } else if (a instanceof float[] f) {
            Arrays.fill((float[]) dest, at, at + n, f[off]);
        } else {
            Arrays.fill((double[]) dest, at, at + n, ((double[]) a)[off]);
        }
        return dest;
    }

    /** Returns a new array of {@code n} elements of the type of {@code like}. */
    private static Object scratch(Object like, int n) {
        return like instanceof float[] ? new float[n] : new double[n];
    }

    /**
     * Computes {@code out[i] = op(x[xi], y[yi])} with broadcasting; see
     * {@link #binary(float[], float[], float[], BroadcastIndex, FloatBinaryOperator, int, int)}.
     *
     * @param x the left operand (not modified)
     * @param y the right operand (not modified)
     * @param out the result, of {@code index.size()} elements (modified in {@code [from, to)})
     * @param index how result elements map to operand elements
     * @param op the operation
     * @param from the first result element to compute
     * @param to one past the last
     */
    public static void binary(double[] x, double[] y, double[] out, BroadcastIndex index, DoubleBinaryOperator op,
            int from, int to) {
        if (index.isUnitStride()) {
            // Equal shapes: a plain indexed loop, which C2 unrolls and vectorises.
            for (int i = from; i < to; i++) {
                out[i] = op.applyAsDouble(x[i], y[i]);
            }
            return;
        }
        index.forEachRun(from, to, (o, n, xo, xs, yo, ys) -> {
            for (int i = 0; i < n; i++) {
                out[o + i] = op.applyAsDouble(x[xo + i * xs], y[yo + i * ys]);
            }
        });
    }

    /**
     * Computes {@code out[i] = op(x[xi], y[yi])} with broadcasting; see
     * {@link #binary(float[], float[], float[], BroadcastIndex, FloatBinaryOperator, int, int)}.
     *
     * @param x the left operand (not modified)
     * @param y the right operand (not modified)
     * @param out the result, of {@code index.size()} elements (modified in {@code [from, to)})
     * @param index how result elements map to operand elements
     * @param op the operation
     * @param from the first result element to compute
     * @param to one past the last
     */
    public static void binary(int[] x, int[] y, int[] out, BroadcastIndex index, IntBinaryOperator op,
            int from, int to) {
        if (index.isUnitStride()) {
            // Equal shapes: a plain indexed loop, which C2 unrolls and vectorises.
            for (int i = from; i < to; i++) {
                out[i] = op.applyAsInt(x[i], y[i]);
            }
            return;
        }
        index.forEachRun(from, to, (o, n, xo, xs, yo, ys) -> {
            for (int i = 0; i < n; i++) {
                out[o + i] = op.applyAsInt(x[xo + i * xs], y[yo + i * ys]);
            }
        });
    }

    /**
     * Computes {@code out[i] = op(x[xi], y[yi])} with broadcasting; see
     * {@link #binary(float[], float[], float[], BroadcastIndex, FloatBinaryOperator, int, int)}.
     *
     * @param x the left operand (not modified)
     * @param y the right operand (not modified)
     * @param out the result, of {@code index.size()} elements (modified in {@code [from, to)})
     * @param index how result elements map to operand elements
     * @param op the operation
     * @param from the first result element to compute
     * @param to one past the last
     */
    public static void binary(long[] x, long[] y, long[] out, BroadcastIndex index, LongBinaryOperator op,
            int from, int to) {
        if (index.isUnitStride()) {
            // Equal shapes: a plain indexed loop, which C2 unrolls and vectorises.
            for (int i = from; i < to; i++) {
                out[i] = op.applyAsLong(x[i], y[i]);
            }
            return;
        }
        index.forEachRun(from, to, (o, n, xo, xs, yo, ys) -> {
            for (int i = 0; i < n; i++) {
                out[o + i] = op.applyAsLong(x[xo + i * xs], y[yo + i * ys]);
            }
        });
    }

    /**
     * Computes {@code out[i] = op(x[i])} for {@code from <= i < to}.
     *
     * @param x the operand (not modified)
     * @param out the result, as long as x (modified in {@code [from, to)})
     * @param op the operation
     * @param from the first element to compute
     * @param to one past the last
     */
    public static void unary(float[] x, float[] out, FloatUnaryOperator op, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = op.applyAsFloat(x[i]);
        }
    }

    /**
     * Computes {@code out[i] = op(x[i])} for {@code from <= i < to}, as
     * {@link #unary(float[], float[], FloatUnaryOperator, int, int)} does with the operation's
     * lambda, bit for bit, but through the operation's own loop ({@link UnaryArithmetic}), which
     * the JIT inlines however many other ops the program runs (and vectorises where the operation
     * allows).
     *
     * @param x the operand (not modified)
     * @param out the result, as long as x (modified in {@code [from, to)})
     * @param op the operation
     * @param from the first element to compute
     * @param to one past the last
     */
    public static void unary(float[] x, float[] out, UnaryArithmetic op, int from, int to) {
        op.apply(x, out, from, to);
    }

    /**
     * Computes {@code out[i] = op(x[i])} for {@code from <= i < to}; see
     * {@link #unary(float[], float[], UnaryArithmetic, int, int)}.
     *
     * @param x the operand (not modified)
     * @param out the result, as long as x (modified in {@code [from, to)})
     * @param op the operation
     * @param from the first element to compute
     * @param to one past the last
     */
    public static void unary(double[] x, double[] out, UnaryArithmetic op, int from, int to) {
        op.apply(x, out, from, to);
    }

    /**
     * Computes {@code out[i] = op(x[i])} for {@code from <= i < to}.
     *
     * @param x the operand (not modified)
     * @param out the result, as long as x (modified in {@code [from, to)})
     * @param op the operation
     * @param from the first element to compute
     * @param to one past the last
     */
    public static void unary(double[] x, double[] out, DoubleUnaryOperator op, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = op.applyAsDouble(x[i]);
        }
    }

    /**
     * Computes {@code out[i] = op(x[i])} for {@code from <= i < to}.
     *
     * @param x the operand (not modified)
     * @param out the result, as long as x (modified in {@code [from, to)})
     * @param op the operation
     * @param from the first element to compute
     * @param to one past the last
     */
    public static void unary(int[] x, int[] out, IntUnaryOperator op, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = op.applyAsInt(x[i]);
        }
    }

    /**
     * Computes {@code out[i] = op(x[i])} for {@code from <= i < to}.
     *
     * @param x the operand (not modified)
     * @param out the result, as long as x (modified in {@code [from, to)})
     * @param op the operation
     * @param from the first element to compute
     * @param to one past the last
     */
    public static void unary(long[] x, long[] out, LongUnaryOperator op, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = op.applyAsLong(x[i]);
        }
    }

    /**
     * Returns {@code x / y} truncated toward zero, as Java's {@code /} does;
     * {@code Integer.MIN_VALUE / -1} wraps to {@code Integer.MIN_VALUE}.
     *
     * @param x the dividend
     * @param y the divisor
     * @return the quotient
     * @throws ArithmeticException "integer division by zero" if {@code y} is 0
     */
    public static int divide(int x, int y) {
        if (y == 0) {
            throw divisionByZero();
        }
        return x / y;
    }

    /**
     * Returns {@code x / y} truncated toward zero, as Java's {@code /} does;
     * {@code Long.MIN_VALUE / -1} wraps to {@code Long.MIN_VALUE}.
     *
     * @param x the dividend
     * @param y the divisor
     * @return the quotient
     * @throws ArithmeticException "integer division by zero" if {@code y} is 0
     */
    public static long divide(long x, long y) {
        if (y == 0) {
            throw divisionByZero();
        }
        return x / y;
    }

    private static ArithmeticException divisionByZero() {
        return new ArithmeticException("integer division by zero");
    }
}
