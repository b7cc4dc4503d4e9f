package dev.flowgraph;

/**
 * A run was asked of a session that has been closed, or the session was closed while the run was
 * waiting for its pool.
 */
public class SessionClosedException extends FlowgraphException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what was refused
     */
    public SessionClosedException(String message) {
        super(message);
    }
}
