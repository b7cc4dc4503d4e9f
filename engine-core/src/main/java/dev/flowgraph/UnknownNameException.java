package dev.flowgraph;

/**
 * A node or output name that the graph does not hold, or an output index the node does not
 * have. The message suggests the nearest existing names.
 */
public class UnknownNameException extends FlowgraphException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message the unknown name and the nearest existing ones
     */
    public UnknownNameException(String message) {
        super(message);
    }
}
