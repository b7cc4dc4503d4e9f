package dev.flowgraph.ops.reduce;

/**
 * The product over the chosen axes (all by default); an empty reduction is 1. FLOAT32 products
 * are accumulated in double and rounded once; INT32 products wrap as int arithmetic does.
 */
final class Prod extends Reduction {
    static final String TYPE = "Prod";

    Prod() {
        super(TYPE, "prod", new Fold((a, b) -> a * b, 1.0, (a, b) -> a * b, 1L));
    }

    @Override
    public String summary() {
        return "prod(x[, axes, keepDims]): product over axes (all by default); 1 when empty; integers wrap";
    }
}
