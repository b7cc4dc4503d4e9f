package dev.flowgraph.ops.reduce;

import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * The maximum over the chosen axes (all by default). A NaN anywhere in a reduction makes its
 * result NaN, as in NumPy; reducing an empty axis is refused, since a maximum has no identity.
 */
final class Max extends Reduction {
    static final String TYPE = "Max";

    Max() {
        super(TYPE, "max");
    }

    @Override
    DoubleBinaryOperator doubleFold() {
        return Math::max;
    }

    @Override
    double doubleIdentity() {
        return Double.NEGATIVE_INFINITY;
    }

    @Override
    LongBinaryOperator longFold() {
        return Math::max;
    }

    @Override
    long longIdentity() {
        return Long.MIN_VALUE;
    }

    @Override
    boolean hasIdentity() {
        return false;
    }
}
