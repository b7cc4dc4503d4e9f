package dev.flowgraph.ops.reduce;

/** The index of the smallest element along one axis; see {@link ArgExtreme}. */
final class ArgMin extends ArgExtreme {
    static final String TYPE = "ArgMin";

    ArgMin() {
        super(TYPE, false);
    }

    @Override
    public String summary() {
        return "argMin(x, axis): INT64 index of the smallest element along one axis; first on ties; the first NaN wins";
    }
}
