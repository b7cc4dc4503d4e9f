package dev.flowgraph.ops.reduce;

import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * The arithmetic mean over the chosen axes (all by default): the double-precision sum divided by
 * the count, rounded once to the input's dtype. Floats only, since a mean of integers is not an
 * integer and dtypes never change silently; the mean of an empty reduction is NaN, as in NumPy.
 */
final class Mean extends Reduction {
    static final String TYPE = "Mean";

    Mean() {
        super(TYPE, "mean");
    }

    @Override
    DoubleBinaryOperator doubleFold() {
        return Double::sum;
    }

    @Override
    double doubleIdentity() {
        return 0.0;
    }

    @Override
    LongBinaryOperator longFold() {
        throw new UnsupportedOperationException("mean is defined on floats only");
    }

    @Override
    long longIdentity() {
        throw new UnsupportedOperationException("mean is defined on floats only");
    }

    @Override
    boolean acceptsIntegers() {
        return false;
    }

    @Override
    void finish(double[] folded, int reducedCount) {
        for (int i = 0; i < folded.length; i++) {
            folded[i] /= reducedCount;
        }
    }
}
