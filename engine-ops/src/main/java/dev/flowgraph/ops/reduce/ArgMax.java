package dev.flowgraph.ops.reduce;

/** The index of the largest element along one axis; see {@link ArgExtreme}. */
final class ArgMax extends ArgExtreme {
    static final String TYPE = "ArgMax";

    ArgMax() {
        super(TYPE, true);
    }
}
