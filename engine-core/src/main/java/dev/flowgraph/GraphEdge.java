package dev.flowgraph;

/**
 * An edge of the graph's jgrapht DAG: a data edge carries {@code source} into input
 * {@code inputIndex} of {@code target}; a control edge (no source output) only orders the two
 * nodes. Edges compare by identity, so a node may read the same output twice.
 */
final class GraphEdge {
    private final Output source;
    private final int inputIndex;

    private GraphEdge(Output source, int inputIndex) {
        this.source = source;
        this.inputIndex = inputIndex;
    }

    static GraphEdge data(Output source, int inputIndex) {
        return new GraphEdge(source, inputIndex);
    }

    static GraphEdge control() {
        return new GraphEdge(null, -1);
    }

    /** The output the edge carries, or null for a control edge. */
    Output source() {
        return source;
    }

    /** The input position at the target, or -1 for a control edge. */
    int inputIndex() {
        return inputIndex;
    }

    boolean isControl() {
        return source == null;
    }

    @Override
    public String toString() {
        return isControl() ? "^control" : source.name() + " -> input " + inputIndex;
    }
}
