package dev.flowgraph.ops.train;

import dev.flowgraph.DType;
import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;

/**
 * A variable made by {@code Ops.variable}: the Variable node, whose output is the variable's
 * current value in the running session, and the assign node that sets it to its initial value
 * (which {@code Ops.initAllVariables} runs). Use {@link #output()} wherever the value is needed,
 * and pass it to {@code assign}, {@code assignAdd} or {@code assignSub} to change it.
 *
 * <pre>{@code
 * Variable w = tf.variable("w", DType.FLOAT64, Shape.of(2, 2), Initializers.zeros());
 * Output y = tf.matMul(x, w.output());
 * Node step = tf.assignAdd(w.output(), delta).node();
 * }</pre>
 *
 * @param output the Variable node's output: the variable's value in each run
 * @param initializer the Assign node that sets the variable to its initial value
 */
public record Variable(Output output, Node initializer) {
    /**
     * Returns the Variable node.
     *
     * @return the node, whose name names the variable in snapshots and checkpoints
     */
    public Node node() {
        return output.node();
    }

    /**
     * Returns the variable's name.
     *
     * @return the Variable node's name
     */
    public String name() {
        return output.node().name();
    }

    /**
     * Returns the variable's dtype.
     *
     * @return the dtype
     */
    public DType dtype() {
        return output.dtype();
    }

    /**
     * Returns the variable's shape.
     *
     * @return the fully defined shape
     */
    public Shape shape() {
        return output.shape();
    }
}
