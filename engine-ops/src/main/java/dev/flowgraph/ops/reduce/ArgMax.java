package dev.flowgraph.ops.reduce;

/** The index of the largest element along one axis; see {@link ArgExtreme}. */
final class ArgMax extends ArgExtreme {
    static final String TYPE = "ArgMax";

    ArgMax() {
        super(TYPE, true);
    }

    @Override
    public String summary() {
        return "argMax(x, axis): INT64 index of the largest element along one axis; first on ties; the first NaN wins";
    }
}
