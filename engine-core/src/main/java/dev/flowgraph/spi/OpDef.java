package dev.flowgraph.spi;

import java.util.List;

/**
 * The definition of an op type: its shape rule and its kernel.
 *
 * <p>Lifecycle: an {@link OpProvider} hands instances to the {@link OpRegistry}, which keeps one
 * per type for the life of the JVM; instances must therefore be stateless and thread-safe. When a
 * node is added to a graph, {@link #infer} runs once and fixes the node's output dtypes and
 * shapes; when a session runs the node, {@link #compute} runs once per run.
 *
 * <pre>{@code
 * final class Neg implements OpDef {
 *     public String type() { return "Neg"; }
 *     public int arity() { return 1; }
 *     public List<OutputSpec> infer(NodeSpec n) { return List.of(n.input(0)); }
 *     public void compute(KernelContext k) { ... k.setOutput(0, result); }
 * }
 * }</pre>
 */
public interface OpDef {
    /** The {@link #arity()} of an op that takes any number of inputs. */
    int VARIADIC = -1;

    /**
     * Returns the op type, unique in the registry and stable across versions (saved graphs name
     * it).
     *
     * @return e.g. {@code "MatMul"}
     */
    String type();

    /**
     * Returns the number of inputs the op takes.
     *
     * @return the exact input count, or {@link #VARIADIC}
     */
    int arity();

    /**
     * The shape rule: from the inputs' static dtypes and shapes and the attributes, the dtype and
     * static shape of each output. It must accept unknown dimensions and unknown ranks, inferring
     * as much as they allow.
     *
     * @param node the node about to be added
     * @return one spec per output
     * @throws IllegalArgumentException if the inputs or attributes are invalid; the message says
     *     what is wrong and the graph adds the node's name, op type and input shapes
     */
    List<OutputSpec> infer(NodeSpec node);

    /**
     * The kernel: computes the outputs from the input tensors. Inputs must not be modified.
     *
     * @param k the inputs, attributes and outputs of this execution
     * @throws RuntimeException if the inputs are invalid at run time (for example an integer
     *     division by zero); the session reports it with the node's name, op type and input shapes
     */
    void compute(KernelContext k);

    /**
     * Tells whether the kernel reads input {@code i}'s value. False only for an input that names
     * a variable the op writes without reading it (input 0 of {@code Assign}): a run whose only
     * uses of a variable are such inputs may run before the variable has a value. The input still
     * orders the node after the variable's node.
     *
     * @param i the input's position
     * @return true (the default) if the kernel reads the value
     */
    default boolean readsInput(int i) {
        return true;
    }

    /**
     * Returns the op's one-line entry in the op reference ({@code docs/ops.md}, generated from the
     * registry): the facade call and its semantics.
     *
     * @return e.g. {@code "add(x, y): x + y elementwise with NumPy broadcasting; numeric dtypes"},
     *     or an empty string for an op that has not documented itself
     */
    default String summary() {
        return "";
    }

    /**
     * Estimates the work of one execution, in element operations, from the static specs. The
     * executor runs nodes whose estimate is at most a small threshold on the thread that made
     * them ready, without a hop to the pool.
     *
     * @param node the node's name, inputs and attributes
     * @param outputs what {@link #infer} returned for it
     * @return the estimate, or {@link Long#MAX_VALUE} if unknown or too large for a long
     */
    default long cost(NodeSpec node, List<OutputSpec> outputs) {
        long total = 0;
        for (OutputSpec s : node.inputs()) {
            total = addSize(total, s);
        }
        for (OutputSpec s : outputs) {
            total = addSize(total, s);
        }
        return total;
    }

    private static long addSize(long total, OutputSpec s) {
        try {
            long n = s.shape().size();
            return n < 0 ? Long.MAX_VALUE : Math.addExact(total, n);
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }
}
