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
 * the results are those of the lambdas bit for bit.
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
            for (int t = 0; t < n; t++) { acc += in[offset + t * stride]; }
            return acc;
        }

        @Override
        double fold(double[] in, int offset, int stride, int n, double acc) {
            for (int t = 0; t < n; t++) { acc += in[offset + t * stride]; }
            return acc;
        }
    },
    /** {@code acc * x}. */
    PRODUCT {
        @Override
        double fold(float[] in, int offset, int stride, int n, double acc) {
            for (int t = 0; t < n; t++) { acc *= in[offset + t * stride]; }
            return acc;
        }

        @Override
        double fold(double[] in, int offset, int stride, int n, double acc) {
            for (int t = 0; t < n; t++) { acc *= in[offset + t * stride]; }
            return acc;
        }
    },
    /** {@code Math.max(acc, x)}: NaN propagates; {@code 0.0} is larger than {@code -0.0}. */
    MAXIMUM {
        @Override
        double fold(float[] in, int offset, int stride, int n, double acc) {
            for (int t = 0; t < n; t++) { acc = Math.max(acc, in[offset + t * stride]); }
            return acc;
        }

        @Override
        double fold(double[] in, int offset, int stride, int n, double acc) {
            for (int t = 0; t < n; t++) { acc = Math.max(acc, in[offset + t * stride]); }
            return acc;
        }
    },
    /** {@code Math.min(acc, x)}: NaN propagates; {@code -0.0} is smaller than {@code 0.0}. */
    MINIMUM {
        @Override
        double fold(float[] in, int offset, int stride, int n, double acc) {
            for (int t = 0; t < n; t++) { acc = Math.min(acc, in[offset + t * stride]); }
            return acc;
        }

        @Override
        double fold(double[] in, int offset, int stride, int n, double acc) {
            for (int t = 0; t < n; t++) { acc = Math.min(acc, in[offset + t * stride]); }
            return acc;
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
}
