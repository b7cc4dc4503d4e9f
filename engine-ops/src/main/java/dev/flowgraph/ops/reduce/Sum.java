package dev.flowgraph.ops.reduce;

/**
 * The sum over the chosen axes (all by default); an empty reduction is 0. FLOAT32 sums are
 * accumulated in double and rounded once; INT32 sums wrap as int arithmetic does.
 */
final class Sum extends Reduction {
    static final String TYPE = "Sum";

    Sum() {
        super(TYPE, "sum", new Fold(Double::sum, 0.0, Long::sum, 0L));
    }

    @Override
    public String summary() {
        return "sum(x[, axes, keepDims]): sum over axes (all by default); 0 when empty; floats summed in double, integers wrap";
    }
}
