package dev.flowgraph.ops.kernels;

/**
 * The sum of squared differences of two broadcast operands, the core of a mean squared error.
 *
 * <p>A caller splits the result elements into blocks of a fixed size, sums each block with
 * {@link #sum} and adds the block sums in block order, so that the total is the same at any
 * number of threads.
 */
public final class SquaredError {
    private SquaredError() {}

    /**
     * Returns {@code sum over i in [from, to) of (p[ix_p(i)] - t[ix_t(i)])^2}, in increasing i,
     * where {@code ix} maps broadcast element i to the operands' elements.
     *
     * @param p the predictions (not modified)
     * @param t the targets (not modified)
     * @param ix the broadcast of p's and t's shapes
     * @param from the first broadcast element
     * @param to one past the last
     * @return the sum, in double
     */
    public static double sum(double[] p, double[] t, BroadcastIndex ix, int from, int to) {
        double[] acc = {0};
        ix.forEachRun(from, to, (out, len, po, ps, to0, ts) -> {
            double s = acc[0];
            for (int i = 0; i < len; i++) {
                double d = p[po + i * ps] - t[to0 + i * ts];
                s += d * d;
            }
            acc[0] = s;
        });
        return acc[0];
    }
}
