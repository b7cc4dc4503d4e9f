package dev.flowgraph.ops.reduce;

import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * The sum over the chosen axes (all by default); an empty reduction is 0. FLOAT32 sums are
 * accumulated in double and rounded once; INT32 sums wrap as int arithmetic does.
 */
final class Sum extends Reduction {
    static final String TYPE = "Sum";

    Sum() {
        super(TYPE, "sum");
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
        return Long::sum;
    }

    @Override
    long longIdentity() {
        return 0L;
    }
}
