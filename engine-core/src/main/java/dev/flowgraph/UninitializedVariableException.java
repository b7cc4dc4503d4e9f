package dev.flowgraph;

/**
 * A run read a variable that has no value in this session: its initializer has not run (e.g.
 * {@code session.runner().addTarget(tf.initAllVariables()).run()}) and no checkpoint was restored
 * into it. The message names the node that failed and the variable; the session stays usable.
 */
public class UninitializedVariableException extends KernelException {
    private static final long serialVersionUID = 1L;

    private final String variableName;

    /**
     * Creates the exception.
     *
     * @param nodeName the node that failed (the variable itself, or an op updating it)
     * @param opType its op type
     * @param message the node, op type and input shapes, then what went wrong and what to do
     * @param variableName the variable without a value
     */
    public UninitializedVariableException(String nodeName, String opType, String message, String variableName) {
        super(nodeName, opType, message, null);
        this.variableName = variableName;
    }

    /**
     * Returns the name of the variable that has no value.
     *
     * @return the variable node's name
     */
    public String variableName() {
        return variableName;
    }

    /**
     * Returns the explanation that follows the failing node's description in the message.
     *
     * @param variableName the variable without a value
     * @return what is wrong and what to do about it
     */
    public static String explain(String variableName) {
        return "variable '" + variableName + "' has no value in this session: run its initializer first"
                + " (e.g. session.runner().addTarget(tf.initAllVariables()).run()) or restore a checkpoint";
    }
}
