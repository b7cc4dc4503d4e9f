package dev.flowgraph;

import dev.flowgraph.spi.OutputSpec;

/**
 * One output of a node, addressed as {@code "name:index"} ({@code "matmul_1:0"}); the handle that
 * ops take as input and that a session feeds and fetches.
 *
 * <pre>{@code
 * Output y = tf.matMul(w, x);
 * y.name();     // "MatMul:0"
 * y.shape();    // [-1, 10]: static, -1 where unknown until run time
 * y.dtype();    // FLOAT32
 * }</pre>
 */
public final class Output {
    private final Node node;
    private final int index;
    private final OutputSpec spec;

    Output(Node node, int index, OutputSpec spec) {
        this.node = node;
        this.index = index;
        this.spec = spec;
    }

    /**
     * Returns the node this is an output of.
     *
     * @return the producing node
     */
    public Node node() {
        return node;
    }

    /**
     * Returns this output's position among its node's outputs.
     *
     * @return the index, from 0
     */
    public int index() {
        return index;
    }

    /**
     * Returns the dtype, fixed when the node was added.
     *
     * @return the dtype
     */
    public DType dtype() {
        return spec.dtype();
    }

    /**
     * Returns the static shape inferred when the node was added.
     *
     * @return the shape, possibly with unknown dimensions or rank
     */
    public Shape shape() {
        return spec.shape();
    }

    /**
     * Returns the static dtype and shape together.
     *
     * @return the spec
     */
    public OutputSpec spec() {
        return spec;
    }

    /**
     * Returns the address of this output.
     *
     * @return {@code "nodeName:index"}
     */
    public String name() {
        return node.name() + ":" + index;
    }

    /**
     * Returns the address, dtype and static shape, e.g. {@code J:0 float64[]}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return name() + " " + spec;
    }
}
