package dev.flowgraph.io;

import dev.flowgraph.FlowgraphException;

/**
 * A checkpoint that does not fit its session: saving while variables have no value, or restoring
 * a file that lacks a variable of the graph, holds an entry that is not one, or holds a value of
 * another dtype or shape. The message names the file and the variables; when the session refused
 * a value, its exception is the cause. Nothing was written or changed.
 */
public class CheckpointException extends FlowgraphException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message the file, the variables and what was wrong
     */
    public CheckpointException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message the file, the variables and what was wrong
     * @param cause the session's refusal
     */
    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
