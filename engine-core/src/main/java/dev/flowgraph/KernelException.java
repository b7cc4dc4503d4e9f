package dev.flowgraph;

/**
 * A node failed while a session ran it: its kernel threw (a reshape to the wrong size, an index
 * out of range, an integer division by zero, ...) or produced an output that contradicts its
 * shape rule. The first failure stops the run; the session stays usable.
 */
public class KernelException extends FlowgraphException {
    private static final long serialVersionUID = 1L;

    private final String nodeName;
    private final String opType;

    /**
     * Creates the exception for a failed node.
     *
     * @param nodeName the node that failed
     * @param opType its op type
     * @param message the node, op type and input shapes, then what went wrong
     * @param cause the kernel's exception, if any
     */
    public KernelException(String nodeName, String opType, String message, Throwable cause) {
        super(message, cause);
        this.nodeName = nodeName;
        this.opType = opType;
    }

    /**
     * Returns the name of the node that failed.
     *
     * @return the node's name
     */
    public String nodeName() {
        return nodeName;
    }

    /**
     * Returns the op type of the node that failed.
     *
     * @return the op type
     */
    public String opType() {
        return opType;
    }
}
