package dev.flowgraph.io;

import dev.flowgraph.FlowgraphException;

/**
 * A {@code .npy} or {@code .npz} file that cannot be read as a tensor: bad magic, an unsupported
 * format version or dtype, Fortran order, a malformed header, truncated data, or a shape with too
 * many elements. The message names the file (or zip entry), what was expected and what was found.
 */
public class TensorFormatException extends FlowgraphException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message the file, what was expected and what was found
     */
    public TensorFormatException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message the file, what was expected and what was found
     * @param cause the underlying failure
     */
    public TensorFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
