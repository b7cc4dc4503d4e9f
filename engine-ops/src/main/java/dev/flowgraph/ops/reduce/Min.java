package dev.flowgraph.ops.reduce;

import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * The minimum over the chosen axes (all by default). A NaN anywhere in a reduction makes its
 * result NaN, as in NumPy; reducing an empty axis is refused, since a minimum has no identity.
 */
final class Min extends Reduction {
    static final String TYPE = "Min";

    Min() {
        super(TYPE, "min");
    }

    @Override
    DoubleBinaryOperator doubleFold() {
        return Math::min;
    }

    @Override
    double doubleIdentity() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    LongBinaryOperator longFold() {
        return Math::min;
    }

    @Override
    long longIdentity() {
        return Long.MAX_VALUE;
    }

    @Override
    boolean hasIdentity() {
        return false;
    }
}
