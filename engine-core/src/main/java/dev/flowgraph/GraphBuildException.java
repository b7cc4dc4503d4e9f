package dev.flowgraph;

/**
 * A node could not be added to a graph: a dtype or shape mismatch, invalid attributes, a bad or
 * duplicate name, an unknown op, an input from another graph, a cycle, or a closed graph. The
 * graph is unchanged. Thrown at the line that tried to add the node; the message names the node,
 * its op type and its inputs' dtypes and shapes.
 */
public class GraphBuildException extends FlowgraphException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what was refused and why
     */
    public GraphBuildException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what was refused and why
     * @param cause the shape rule's exception
     */
    public GraphBuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
