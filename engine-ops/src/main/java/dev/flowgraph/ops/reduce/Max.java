package dev.flowgraph.ops.reduce;

/**
 * The maximum over the chosen axes (all by default). A NaN anywhere in a reduction makes its
 * result NaN, as in NumPy; reducing an empty axis is refused, since a maximum has no identity.
 */
final class Max extends Reduction {
    static final String TYPE = "Max";

    Max() {
        super(TYPE, "max", new Fold(Math::max, Double.NEGATIVE_INFINITY, Math::max, Long.MIN_VALUE));
    }

    @Override
    boolean hasIdentity() {
        return false;
    }

    @Override
    public String summary() {
        return "max(x[, axes, keepDims]): maximum over axes (all by default); NaN propagates; an empty reduction is refused";
    }
}
