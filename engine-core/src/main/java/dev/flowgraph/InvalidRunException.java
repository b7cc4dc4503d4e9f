package dev.flowgraph;

/**
 * A run's request is wrong, found before any node runs: an unknown feed, fetch or target name, a
 * missing feed for a placeholder the run needs, or a feed whose dtype or shape does not fit. The
 * message names the name (and the nearest existing names) or the expected and actual dtype and
 * shape. The session is unaffected.
 */
public class InvalidRunException extends FlowgraphException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what is wrong with the request
     */
    public InvalidRunException(String message) {
        super(message);
    }
}
