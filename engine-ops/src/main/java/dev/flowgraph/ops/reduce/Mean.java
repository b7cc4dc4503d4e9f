package dev.flowgraph.ops.reduce;

/**
 * The arithmetic mean over the chosen axes (all by default): the double-precision sum divided by
 * the count, rounded once to the input's dtype. Floats only, since a mean of integers is not an
 * integer and dtypes never change silently; the mean of an empty reduction is NaN, as in NumPy.
 */
final class Mean extends Reduction {
    static final String TYPE = "Mean";

    Mean() {
        super(TYPE, "mean", new Fold(Double::sum, 0.0, null, 0L));
    }

    @Override
    void finish(double[] folded, int reducedCount) {
        for (int i = 0; i < folded.length; i++) {
            folded[i] /= reducedCount;
        }
    }

    @Override
    public String summary() {
        return "mean(x[, axes, keepDims]): arithmetic mean over axes (all by default); floats only; NaN when empty";
    }
}
