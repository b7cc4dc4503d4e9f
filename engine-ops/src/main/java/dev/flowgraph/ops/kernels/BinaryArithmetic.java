package dev.flowgraph.ops.kernels;

/**
 * The binary operations frequent enough in training (every optimizer update, most gradients and
 * losses) to get loops of their own in {@link Elementwise#binary(float[], float[], float[],
 * BroadcastIndex, BinaryArithmetic, int, int)} and its FLOAT64 peer.
 *
 * <p>A loop shared by many ops that calls a {@code FloatBinaryOperator} per element sees many
 * lambdas once a program mixes ops, so the JIT can neither inline the call nor vectorise the
 * loop (about 5 ns per element instead of well under 1). Each constant therefore overrides the
 * two loops (FLOAT32 and FLOAT64) with its own operation written in them: the kernel makes one
 * virtual call per run of contiguous elements, and each loop has one fixed operation that the
 * JIT inlines. Each constant computes exactly the Java expression named below on the dtype (the
 * one its op's lambda computed), so results are those of the lambda path bit for bit.
 *
 * <p>The loops index all three arrays with the same {@code i}. Each constant's loop is compiled
 * on its own (the call is megamorphic once a program runs several of these operations), and
 * there C2 (JDK 17) vectorises {@code out[i] = x[i] + y[i]} but not {@code out[o + i] = x[xo + i]
 * + y[yo + i]} with three offsets it cannot compare (presumably as the arrays might be one): measured on
 * 16,384 floats with the four arithmetic operations in use, 2.0 against 8.6 µs.
 *
 * <pre>{@code
 * float[] x = {1, 2, 3}, y = {10}, out = new float[3];
 * BroadcastIndex ix = new BroadcastIndex(new long[] {3}, new long[] {3}, new long[] {});
 * Elementwise.binary(x, y, out, ix, BinaryArithmetic.MUL, 0, 3);   // out = {10, 20, 30}
 * }</pre>
 */
public enum BinaryArithmetic {
    /** {@code x + y}. */
    ADD {
        @Override
        void apply(float[] x, float[] y, float[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = x[i] + y[i]; }
        }

        @Override
        void apply(double[] x, double[] y, double[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = x[i] + y[i]; }
        }
    },
    /** {@code x - y}. */
    SUB {
        @Override
        void apply(float[] x, float[] y, float[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = x[i] - y[i]; }
        }

        @Override
        void apply(double[] x, double[] y, double[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = x[i] - y[i]; }
        }
    },
    /** {@code x * y}. */
    MUL {
        @Override
        void apply(float[] x, float[] y, float[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = x[i] * y[i]; }
        }

        @Override
        void apply(double[] x, double[] y, double[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = x[i] * y[i]; }
        }
    },
    /** {@code x / y} (IEEE 754: {@code 1/0} is infinity, {@code 0/0} NaN). */
    DIV {
        @Override
        void apply(float[] x, float[] y, float[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = x[i] / y[i]; }
        }

        @Override
        void apply(double[] x, double[] y, double[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = x[i] / y[i]; }
        }
    },
    /** {@link Arithmetic#maximum(double, double)}, on FLOAT32 of the widened operands, rounded back (exact). */
    MAXIMUM {
        @Override
        void apply(float[] x, float[] y, float[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = (float) Arithmetic.maximum(x[i], y[i]); }
        }

        @Override
        void apply(double[] x, double[] y, double[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = Arithmetic.maximum(x[i], y[i]); }
        }
    },
    /** {@link Arithmetic#minimum(double, double)}, on FLOAT32 of the widened operands, rounded back (exact). */
    MINIMUM {
        @Override
        void apply(float[] x, float[] y, float[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = (float) Arithmetic.minimum(x[i], y[i]); }
        }

        @Override
        void apply(double[] x, double[] y, double[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = Arithmetic.minimum(x[i], y[i]); }
        }
    },
    /** {@link Arithmetic#pow(double, double)}, on FLOAT32 in double and rounded once to float. */
    POW {
        @Override
        void apply(float[] x, float[] y, float[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = (float) Arithmetic.pow(x[i], y[i]); }
        }

        @Override
        void apply(double[] x, double[] y, double[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = Arithmetic.pow(x[i], y[i]); }
        }
    },
    /** {@code (x - y) * (x - y)}, in the dtype. */
    SQUARED_DIFFERENCE {
        @Override
        void apply(float[] x, float[] y, float[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = (x[i] - y[i]) * (x[i] - y[i]); }
        }

        @Override
        void apply(double[] x, double[] y, double[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = (x[i] - y[i]) * (x[i] - y[i]); }
        }
    };

    /**
     * {@code out[i] = x[i] op y[i]} for {@code from <= i < to}, in float. {@code out} may be
     * {@code x} or {@code y}: each element is read before it is written.
     */
    abstract void apply(float[] x, float[] y, float[] out, int from, int to);

    /**
     * {@code out[i] = x[i] op y[i]} for {@code from <= i < to}. {@code out} may be {@code x} or
     * {@code y}: each element is read before it is written.
     */
    abstract void apply(double[] x, double[] y, double[] out, int from, int to);
}
