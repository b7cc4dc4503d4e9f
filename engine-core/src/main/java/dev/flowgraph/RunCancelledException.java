package dev.flowgraph;

/**
 * A run was stopped before it finished: its {@link CancellationToken} was cancelled, or the
 * thread waiting for it was interrupted; {@link RunTimeoutException}, a subclass, when it passed
 * its timeout. No node starts after the stop, and the session stays usable.
 *
 * <p>The caller gets this exception promptly, without waiting for the nodes that were already
 * running: a kernel cannot be stopped from outside, so those nodes finish in the background (a
 * kernel that splits its work with {@link dev.flowgraph.spi.KernelContext#parallelFor} stops at
 * its next block) and their results are dropped. The message says how many of the run's nodes
 * completed, which one completed last, and which were still running.
 */
public class RunCancelledException extends FlowgraphException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message why the run stopped, and how far it got
     */
    public RunCancelledException(String message) {
        super(message);
    }
}
