package dev.flowgraph;

/**
 * The root of every exception that graph building and running throw. Unchecked.
 *
 * <p>Subclasses: {@link GraphBuildException} (a node cannot be added), {@link InvalidRunException}
 * (a run's feeds, fetches or targets are wrong; nothing ran), {@link KernelException} (a node
 * failed while running), {@link SessionClosedException}, {@link RunCancelledException} (a run was
 * cancelled) and its subclass {@link RunTimeoutException} (a run passed its timeout).
 */
public class FlowgraphException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, naming the node, op, dtypes and shapes involved
     */
    public FlowgraphException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong, naming the node, op, dtypes and shapes involved
     * @param cause the underlying failure
     */
    public FlowgraphException(String message, Throwable cause) {
        super(message, cause);
    }
}
