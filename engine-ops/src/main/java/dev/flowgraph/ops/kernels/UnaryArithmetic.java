package dev.flowgraph.ops.kernels;

/**
 * The unary operations frequent enough in training (activations, losses, optimizer updates) to
 * get loops of their own in {@link Elementwise#unary(float[], float[], UnaryArithmetic, int, int)}
 * and its FLOAT64 peer.
 *
 * <p>As for {@link BinaryArithmetic}: a loop shared by many ops that calls a
 * {@link FloatUnaryOperator} per element sees many lambdas once a program mixes ops, so the JIT
 * can neither inline the call nor vectorise the loop. Each constant therefore overrides the two
 * loops (FLOAT32 and FLOAT64) with its own operation written in them: the kernel makes one
 * virtual call per block, and each loop has one fixed operation that the JIT inlines. Each
 * constant computes exactly the Java expression named below on the dtype (the one its op's lambda
 * computed), so results are those of the lambda path bit for bit. Functions that Java has in
 * {@code double} only are computed in double on FLOAT32 and rounded once to float.
 *
 * <pre>{@code
 * float[] x = {-4, 9}, out = new float[2];
 * Elementwise.unary(x, out, UnaryArithmetic.ABS, 0, 2);   // out = {4, 9}
 * }</pre>
 */
public enum UnaryArithmetic {
    /** {@code -x}: only the sign bit flips. */
    NEG {
        @Override
        void apply(float[] x, float[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = -x[i]; }
        }

        @Override
        void apply(double[] x, double[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = -x[i]; }
        }
    },
    /** {@code Math.abs(x)}: only the sign bit is cleared. */
    ABS {
        @Override
        void apply(float[] x, float[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = Math.abs(x[i]); }
        }

        @Override
        void apply(double[] x, double[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = Math.abs(x[i]); }
        }
    },
    /** {@code x * x}. */
    SQUARE {
        @Override
        void apply(float[] x, float[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = x[i] * x[i]; }
        }

        @Override
        void apply(double[] x, double[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = x[i] * x[i]; }
        }
    },
    /** {@code Math.sqrt(x)}; FLOAT32 computes {@code (float) Math.sqrt(x)}, the correctly rounded float root. */
    SQRT {
        @Override
        void apply(float[] x, float[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = (float) Math.sqrt(x[i]); }
        }

        @Override
        void apply(double[] x, double[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = Math.sqrt(x[i]); }
        }
    },
    /** {@code 1 / Math.sqrt(x)}; FLOAT32 computes {@code 1f / (float) Math.sqrt(x)}, two float roundings. */
    RSQRT {
        @Override
        void apply(float[] x, float[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = 1f / (float) Math.sqrt(x[i]); }
        }

        @Override
        void apply(double[] x, double[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = 1 / Math.sqrt(x[i]); }
        }
    },
    /** {@code 1 / x}, in the dtype ({@code 1 / 0} is infinity). */
    RECIPROCAL {
        @Override
        void apply(float[] x, float[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = 1f / x[i]; }
        }

        @Override
        void apply(double[] x, double[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = 1 / x[i]; }
        }
    },
    /** {@code Math.max(x, 0)}: NaN propagates and {@code -0.0} gives {@code 0.0}. */
    RELU {
        @Override
        void apply(float[] x, float[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = Math.max(x[i], 0f); }
        }

        @Override
        void apply(double[] x, double[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = Math.max(x[i], 0.0); }
        }
    },
    /** {@code StrictMath.exp(x)}, in double. */
    EXP {
        @Override
        void apply(float[] x, float[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = (float) StrictMath.exp(x[i]); }
        }

        @Override
        void apply(double[] x, double[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = StrictMath.exp(x[i]); }
        }
    },
    /** {@code StrictMath.log(x)}, in double: {@code log(0)} is -infinity, of a negative NaN. */
    LOG {
        @Override
        void apply(float[] x, float[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = (float) StrictMath.log(x[i]); }
        }

        @Override
        void apply(double[] x, double[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = StrictMath.log(x[i]); }
        }
    },
    /** {@code StrictMath.log1p(x)}, in double. */
    LOG1P {
        @Override
        void apply(float[] x, float[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = (float) StrictMath.log1p(x[i]); }
        }

        @Override
        void apply(double[] x, double[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = StrictMath.log1p(x[i]); }
        }
    },
    /** {@code StrictMath.tanh(x)}, in double. */
    TANH {
        @Override
        void apply(float[] x, float[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = (float) StrictMath.tanh(x[i]); }
        }

        @Override
        void apply(double[] x, double[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = StrictMath.tanh(x[i]); }
        }
    },
    /** {@link Arithmetic#sigmoid(double)}, in double. */
    SIGMOID {
        @Override
        void apply(float[] x, float[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = (float) Arithmetic.sigmoid(x[i]); }
        }

        @Override
        void apply(double[] x, double[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = Arithmetic.sigmoid(x[i]); }
        }
    },
    /** {@link Arithmetic#softplus(double)}, in double. */
    SOFTPLUS {
        @Override
        void apply(float[] x, float[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = (float) Arithmetic.softplus(x[i]); }
        }

        @Override
        void apply(double[] x, double[] out, int from, int to) {
            for (int i = from; i < to; i++) { out[i] = Arithmetic.softplus(x[i]); }
        }
    };

    /**
     * Computes {@code out[i] = op(x[i])} for {@code from <= i < to}, in float or in double and
     * rounded once, as the constant's description says.
     */
    abstract void apply(float[] x, float[] out, int from, int to);

    /** Computes {@code out[i] = op(x[i])} for {@code from <= i < to}. */
    abstract void apply(double[] x, double[] out, int from, int to);
}
