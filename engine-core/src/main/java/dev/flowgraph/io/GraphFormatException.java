package dev.flowgraph.io;

import dev.flowgraph.FlowgraphException;

/**
 * A saved graph that cannot be loaded: not a zip or a damaged one, no {@code graph.json}, malformed
 * JSON, an unknown format or version, a missing or unexpected field, an unknown op type, an input
 * that names no earlier node, a duplicate name, attributes the op refuses, or recorded output
 * dtypes and shapes that differ from what the op's shape rule infers; for a {@link ModelBundle}
 * also a missing or unknown manifest, variables that do not fit the graph, or a bad signature.
 * The message names the file, the node (by position and name) or entry, and what was expected;
 * when the graph refused a node, that {@link dev.flowgraph.GraphBuildException} is the cause.
 * Nothing is loaded.
 */
public class GraphFormatException extends FlowgraphException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message the file, the node and what was wrong
     */
    public GraphFormatException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message the file, the node and what was wrong
     * @param cause the underlying failure
     */
    public GraphFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
