package dev.flowgraph.ops.kernels;

/**
 * The folds of the float reductions (sum, mean, prod, max, min), each with the loop over one
 * row of reduced elements written in it, for
 * {@link Reductions#fold(float[], ReduceLayout, FoldOperation, double, double[], int, int)} and its
 * FLOAT64 peer. A row loop shared by every reduction that called a {@code DoubleBinaryOperator}
 * per element would see several lambdas in a program that mixes reductions, and the JIT would
 * neither inline the call nor keep the loop tight (about 5 ns per element instead of 1); here
 * the kernel makes one virtual call per row. The accumulator is a double and FLOAT32 elements
 * are widened exactly as they are read; elements are folded one after the other, in order, so
 * the results are those of the lambdas bit for bit. Each loop walks its index by adding the
 * stride rather than computing {@code offset + t * stride}: with the multiplication by a stride
 * that is not a constant, C2 kept a bounds check per element, and a full FLOAT32 sum of 2^24
 * elements took 21 ms instead of 16.6 (the plain loop's 16.0).
 *
 * <pre>{@code
 * double[] out = new double[1];
 * ReduceLayout all = ReduceLayout.of(new long[] {3}, new boolean[] {true});
 * Reductions.fold(new float[] {1, 2, 3}, all, FoldOperation.SUM, 0.0, out, 0, 1);   // out = {6}
 * }</pre>
 */
public enum FoldOperation {
    /** {@code acc + x}: a sum (and a mean before its division). */
    SUM {
        @Override
        double fold(float[] in, int offset, int stride, int n, double acc) {
            for (int t = 0, i = offset; t < n; t++, i += stride) { acc += in[i]; }
            return acc;
        }

        @Override
        double fold(double[] in, int offset, int stride, int n, double acc) {
            for (int t = 0, i = offset; t < n; t++, i += stride) { acc += in[i]; }
            return acc;
        }

        @Override
        void foldColumns(float[] in, int offset, double[] acc, int at, int n) {
            for (int i = offset, j = at; j < at + n; i++, j++) { acc[j] += in[i]; }
        }

        @Override
        void foldColumns(double[] in, int offset, double[] acc, int at, int n) {
            for (int i = offset, j = at; j < at + n; i++, j++) { acc[j] += in[i]; }
        }
    },
    /** {@code acc * x}. */
    PRODUCT {
        @Override
        double fold(float[] in, int offset, int stride, int n, double acc) {
            for (int t = 0, i = offset; t < n; t++, i += stride) { acc *= in[i]; }
            return acc;
        }

        @Override
        double fold(double[] in, int offset, int stride, int n, double acc) {
            for (int t = 0, i = offset; t < n; t++, i += stride) { acc *= in[i]; }
            return acc;
        }

        @Override
        void foldColumns(float[] in, int offset, double[] acc, int at, int n) {
            for (int i = offset, j = at; j < at + n; i++, j++) { acc[j] *= in[i]; }
        }

        @Override
        void foldColumns(double[] in, int offset, double[] acc, int at, int n) {
            for (int i = offset, j = at; j < at + n; i++, j++) { acc[j] *= in[i]; }
        }
    },
    /** {@code Math.max(acc, x)}: NaN propagates; {@code 0.0} is larger than {@code -0.0}. */
    MAXIMUM {
        @Override
        double fold(float[] in, int offset, int stride, int n, double acc) {
            for (int t = 0, i = offset; t < n; t++, i += stride) { acc = Math.max(acc, in[i]); }
            return acc;
        }

        @Override
        double fold(double[] in, int offset, int stride, int n, double acc) {
            for (int t = 0, i = offset; t < n; t++, i += stride) { acc = Math.max(acc, in[i]); }
            return acc;
        }

        @Override
        void foldColumns(float[] in, int offset, double[] acc, int at, int n) {
            for (int i = offset, j = at; j < at + n; i++, j++) { acc[j] = Math.max(acc[j], in[i]); }
        }

        @Override
        void foldColumns(double[] in, int offset, double[] acc, int at, int n) {
            for (int i = offset, j = at; j < at + n; i++, j++) { acc[j] = Math.max(acc[j], in[i]); }
        }
    },
    /** {@code Math.min(acc, x)}: NaN propagates; {@code -0.0} is smaller than {@code 0.0}. */
    MINIMUM {
        @Override
        double fold(float[] in, int offset, int stride, int n, double acc) {
            for (int t = 0, i = offset; t < n; t++, i += stride) { acc = Math.min(acc, in[i]); }
            return acc;
        }

        @Override
        double fold(double[] in, int offset, int stride, int n, double acc) {
            for (int t = 0, i = offset; t < n; t++, i += stride) { acc = Math.min(acc, in[i]); }
            return acc;
        }

        @Override
        void foldColumns(float[] in, int offset, double[] acc, int at, int n) {
            for (int i = offset, j = at; j < at + n; i++, j++) { acc[j] = Math.min(acc[j], in[i]); }
        }

        @Override
        void foldColumns(double[] in, int offset, double[] acc, int at, int n) {
            for (int i = offset, j = at; j < at + n; i++, j++) { acc[j] = Math.min(acc[j], in[i]); }
        }
    };

    /**
     * Folds {@code in[offset + t * stride]} for {@code 0 <= t < n} into {@code acc}, in order.
     *
     * @return the accumulator after the last element
     */
    abstract double fold(float[] in, int offset, int stride, int n, double acc);

    /**
     * Folds {@code in[offset + t * stride]} for {@code 0 <= t < n} into {@code acc}, in order.
     *
     * @return the accumulator after the last element
     */
    abstract double fold(double[] in, int offset, int stride, int n, double acc);

    /**
     * Folds {@code in[offset + j]} into {@code acc[at + j]} for {@code 0 <= j < n}: one step of
     * {@code n} outputs' folds at once, for an input whose consecutive elements belong to
     * consecutive outputs.
     */
    abstract void foldColumns(float[] in, int offset, double[] acc, int at, int n);

    /**
     * Folds {@code in[offset + j]} into {@code acc[at + j]} for {@code 0 <= j < n}: one step of
     * {@code n} outputs' folds at once, for an input whose consecutive elements belong to
     * consecutive outputs.
     */
    abstract void foldColumns(double[] in, int offset, double[] acc, int at, int n);
}
