package dev.flowgraph.ops.reduce;

import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * The product over the chosen axes (all by default); an empty reduction is 1. FLOAT32 products
 * are accumulated in double and rounded once; INT32 products wrap as int arithmetic does.
 */
final class Prod extends Reduction {
    static final String TYPE = "Prod";

    Prod() {
        super(TYPE, "prod");
    }

    @Override
    DoubleBinaryOperator doubleFold() {
        return (a, b) -> a * b;
    }

    @Override
    double doubleIdentity() {
        return 1.0;
    }

    @Override
    LongBinaryOperator longFold() {
        return (a, b) -> a * b;
    }

    @Override
    long longIdentity() {
        return 1L;
    }
}
