package dev.flowgraph.ops.kernels;

/**
 * Softmax and softmax cross-entropy kernels on {@code double[]}, numerically stable: every
 * exponent is taken of {@code x - max(x)}, at most 0, so that large logits (1000) do not overflow
 * and very negative ones (-1000) do not underflow the normalizer to zero.
 *
 * <p>The softmax axis is described by a layout {@code [outer, n, inner]} of the row-major input:
 * lane {@code l} (of {@code outer * inner}) is the n elements at {@code (l / inner) * n * inner
 * + l % inner + t * inner}, {@code t < n}. Each lane is computed alone, in increasing t, so the
 * result does not depend on how lanes are split into blocks.
 */
public final class SoftmaxKernels {
    private SoftmaxKernels() {}

    /**
     * Computes the softmax, or its logarithm, of lanes {@code [laneFrom, laneTo)}: with
     * {@code S = sum over s of exp(x[s] - max)}, summed in increasing s,
     * {@code out[t] = exp(x[t] - max) / S}, or {@code out[t] = x[t] - max - log(S)} if {@code log}.
     * A lane holding NaN gives NaN; one whose max is +Inf gives NaN, as NumPy does.
     *
     * @param x the input (not modified)
     * @param out the output, of x's length (modified at the lanes' elements)
     * @param n the length of the softmax axis
     * @param inner the product of the dimensions after that axis
     * @param log whether to compute the log-softmax
     * @param laneFrom the first lane
     * @param laneTo one past the last
     */
    public static void softmax(double[] x, double[] out, int n, int inner, boolean log, int laneFrom, int laneTo) {
        for (int l = laneFrom; l < laneTo; l++) {
            int base = (l / inner) * n * inner + l % inner;
            double max = max(x, base, n, inner);
            if (log) {
                double logSum = Math.log(sumExp(x, base, n, inner, max));
                for (int t = 0, i = base; t < n; t++, i += inner) {
                    out[i] = x[i] - max - logSum;
                }
                continue;
            }
            // Each exponential is taken once and kept in out until the sum is known: Math.exp is
            // most of a softmax's time (about 9 ns a call here), and the stored double is the
            // same value the division would have recomputed.
            double sum = 0;
            for (int t = 0, i = base; t < n; t++, i += inner) {
                double e = Math.exp(x[i] - max);
                out[i] = e;
                sum += e;
            }
            for (int t = 0, i = base; t < n; t++, i += inner) {
                out[i] /= sum;
            }
        }
    }

    /**
     * Computes the cross-entropy of rows {@code [rowFrom, rowTo)} of logits against label
     * distributions: {@code out[r] = -sum over j of labels[r, j] * logSoftmax(logits[r])[j]},
     * summed in increasing j.
     *
     * @param logits row-major {@code [rows, c]} (not modified)
     * @param labels row-major {@code [rows, c]} (not modified)
     * @param out one loss per row (modified at rows {@code [rowFrom, rowTo)})
     * @param c the number of classes
     * @param rowFrom the first row
     * @param rowTo one past the last
     */
    public static void crossEntropy(double[] logits, double[] labels, double[] out, int c, int rowFrom, int rowTo) {
        for (int r = rowFrom; r < rowTo; r++) {
            int base = r * c;
            double logNorm = logNormalizer(logits, base, c, 1);
            double loss = 0;
            for (int j = 0; j < c; j++) {
                loss -= labels[base + j] * (logits[base + j] - logNorm);
            }
            out[r] = loss;
        }
    }

    /**
     * Computes the cross-entropy of rows {@code [rowFrom, rowTo)} of logits against class indices:
     * {@code out[r] = -logSoftmax(logits[r])[labels[r]]}.
     *
     * @param logits row-major {@code [rows, c]} (not modified)
     * @param labels one class index per row (not modified)
     * @param out one loss per row (modified at rows {@code [rowFrom, rowTo)})
     * @param c the number of classes
     * @param rowFrom the first row
     * @param rowTo one past the last
     * @throws IllegalArgumentException if a label is outside {@code [0, c)}
     */
    public static void sparseCrossEntropy(double[] logits, long[] labels, double[] out, int c, int rowFrom,
            int rowTo) {
        for (int r = rowFrom; r < rowTo; r++) {
            long label = labels[r];
            if (label < 0 || label >= c) {
                throw new IllegalArgumentException("label " + label + " of example " + r
                        + " is not a class index in [0, " + c + "), C = " + c);
            }
            int base = r * c;
            out[r] = logNormalizer(logits, base, c, 1) - logits[base + (int) label];
        }
    }

    /**
     * Returns {@code max + log(sum over j of exp(x[base + j * stride] - max))}, the log of the
     * softmax normalizer of {@code n} elements, summed in increasing j.
     */
    private static double logNormalizer(double[] x, int base, int n, int stride) {
        double max = max(x, base, n, stride);
        return max + Math.log(sumExp(x, base, n, stride, max));
    }

    /** Returns the largest of {@code x[base + j * stride]}, j < n; NaN if one is NaN. */
    private static double max(double[] x, int base, int n, int stride) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            max = Math.max(max, x[base + j * stride]);
        }
        return max;
    }

    /** Returns {@code sum over j < n of exp(x[base + j * stride] - max)}, in increasing j. */
    private static double sumExp(double[] x, int base, int n, int stride, double max) {
        double sum = 0;
        for (int j = 0; j < n; j++) {
            sum += Math.exp(x[base + j * stride] - max);
        }
        return sum;
    }
}
