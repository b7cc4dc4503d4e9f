package dev.flowgraph.ops.reduce;

/**
 * The minimum over the chosen axes (all by default). A NaN anywhere in a reduction makes its
 * result NaN, as in NumPy; reducing an empty axis is refused, since a minimum has no identity.
 */
final class Min extends Reduction {
    static final String TYPE = "Min";

    Min() {
        super(TYPE, "min", new Fold(Math::min, Double.POSITIVE_INFINITY, Math::min, Long.MAX_VALUE));
    }

    @Override
    boolean hasIdentity() {
        return false;
    }

    @Override
    public String summary() {
        return "min(x[, axes, keepDims]): minimum over axes (all by default); NaN propagates; an empty reduction is refused";
    }
}
