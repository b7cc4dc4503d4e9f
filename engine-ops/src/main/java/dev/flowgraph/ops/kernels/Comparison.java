package dev.flowgraph.ops.kernels;

/**
 * The comparisons of FLOAT32 and FLOAT64 operands, each with loops of its own in
 * {@link BooleanElementwise#compare(float[], float[], boolean[], BroadcastIndex, Comparison, int, int)}
 * and its FLOAT64 peer, so that a program that mixes comparisons (relu's gradient compares with
 * {@code greater}, maximum's with {@code greaterEqual}) still gets loops the JIT inlines, as
 * {@link BinaryArithmetic} explains for arithmetic.
 *
 * <p>Java's operators on the dtype: every comparison with NaN is false except {@code !=}, and
 * {@code -0.0 == 0.0}. Comparing two floats gives the same answer as comparing them widened to
 * double (widening is exact), which the comparison ops once did.
 *
 * <pre>{@code
 * float[] x = {1, 2, Float.NaN}, y = {2};
 * boolean[] out = new boolean[3];
 * BroadcastIndex ix = new BroadcastIndex(new long[] {3}, new long[] {3}, new long[] {1});
 * BooleanElementwise.compare(x, y, out, ix, Comparison.LESS, 0, 3);   // out = {true, false, false}
 * }</pre>
 */
public enum Comparison {
    /** {@code x > y}. */
    GREATER {
        @Override
        void apply(float[] x, int xo, int xs, float[] y, int yo, int ys, boolean[] out, int o, int n) {
            for (int i = 0; i < n; i++) { out[o + i] = x[xo + i * xs] > y[yo + i * ys]; }
        }

        @Override
        void apply(double[] x, int xo, int xs, double[] y, int yo, int ys, boolean[] out, int o, int n) {
            for (int i = 0; i < n; i++) { out[o + i] = x[xo + i * xs] > y[yo + i * ys]; }
        }
    },
    /** {@code x >= y}. */
    GREATER_EQUAL {
        @Override
        void apply(float[] x, int xo, int xs, float[] y, int yo, int ys, boolean[] out, int o, int n) {
            for (int i = 0; i < n; i++) { out[o + i] = x[xo + i * xs] >= y[yo + i * ys]; }
        }

        @Override
        void apply(double[] x, int xo, int xs, double[] y, int yo, int ys, boolean[] out, int o, int n) {
            for (int i = 0; i < n; i++) { out[o + i] = x[xo + i * xs] >= y[yo + i * ys]; }
        }
    },
    /** {@code x < y}. */
    LESS {
        @Override
        void apply(float[] x, int xo, int xs, float[] y, int yo, int ys, boolean[] out, int o, int n) {
            for (int i = 0; i < n; i++) { out[o + i] = x[xo + i * xs] < y[yo + i * ys]; }
        }

        @Override
        void apply(double[] x, int xo, int xs, double[] y, int yo, int ys, boolean[] out, int o, int n) {
            for (int i = 0; i < n; i++) { out[o + i] = x[xo + i * xs] < y[yo + i * ys]; }
        }
    },
    /** {@code x <= y}. */
    LESS_EQUAL {
        @Override
        void apply(float[] x, int xo, int xs, float[] y, int yo, int ys, boolean[] out, int o, int n) {
            for (int i = 0; i < n; i++) { out[o + i] = x[xo + i * xs] <= y[yo + i * ys]; }
        }

        @Override
        void apply(double[] x, int xo, int xs, double[] y, int yo, int ys, boolean[] out, int o, int n) {
            for (int i = 0; i < n; i++) { out[o + i] = x[xo + i * xs] <= y[yo + i * ys]; }
        }
    },
    /** {@code x == y}. */
    EQUAL {
        @Override
        void apply(float[] x, int xo, int xs, float[] y, int yo, int ys, boolean[] out, int o, int n) {
            for (int i = 0; i < n; i++) { out[o + i] = x[xo + i * xs] == y[yo + i * ys]; }
        }

        @Override
        void apply(double[] x, int xo, int xs, double[] y, int yo, int ys, boolean[] out, int o, int n) {
            for (int i = 0; i < n; i++) { out[o + i] = x[xo + i * xs] == y[yo + i * ys]; }
        }
    },
    /** {@code x != y}. */
    NOT_EQUAL {
        @Override
        void apply(float[] x, int xo, int xs, float[] y, int yo, int ys, boolean[] out, int o, int n) {
            for (int i = 0; i < n; i++) { out[o + i] = x[xo + i * xs] != y[yo + i * ys]; }
        }

        @Override
        void apply(double[] x, int xo, int xs, double[] y, int yo, int ys, boolean[] out, int o, int n) {
            for (int i = 0; i < n; i++) { out[o + i] = x[xo + i * xs] != y[yo + i * ys]; }
        }
    };

    /** {@code out[o + i] = x[xo + i * xs] test y[yo + i * ys]} for {@code 0 <= i < n}. */
    abstract void apply(float[] x, int xo, int xs, float[] y, int yo, int ys, boolean[] out, int o, int n);

    /** {@code out[o + i] = x[xo + i * xs] test y[yo + i * ys]} for {@code 0 <= i < n}. */
    abstract void apply(double[] x, int xo, int xs, double[] y, int yo, int ys, boolean[] out, int o, int n);
}
