package dev.flowgraph;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;

/**
 * A run did not finish within the timeout set with {@link Runner#timeout(Duration)}; it was
 * stopped as {@link RunCancelledException} describes. The message names the timeout, how many of
 * the run's nodes completed, the last one that did, and the nodes still running.
 */
public class RunTimeoutException extends RunCancelledException {
    private static final long serialVersionUID = 1L;

    /** The timeout the run passed. */
    private final Duration timeout;

    /**
     * Creates the exception for a run that passed its timeout.
     *
     * @param message the timeout, and how far the run got
     * @param timeout the run's timeout
     */
    public RunTimeoutException(String message, Duration timeout) {
        super(message);
        this.timeout = checkNotNull(timeout, "timeout");
    }

    /**
     * Returns the timeout the run passed.
     *
     * @return the timeout given to {@link Runner#timeout(Duration)}
     */
    public Duration timeout() {
        return timeout;
    }
}
