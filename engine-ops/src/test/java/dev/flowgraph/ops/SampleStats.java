package dev.flowgraph.ops;

/** Sample statistics for the tests of random values. */
public final class SampleStats {
    private SampleStats() {}

    /**
     * Returns the mean.
     *
     * @param x the samples, at least one
     * @return their mean
     */
    public static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /**
     * Returns the (population) variance: the mean squared deviation from the mean.
     *
     * @param x the samples, at least one
     * @return their variance
     */
    public static double variance(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / x.length;
    }
}
