package dev.flowgraph;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.flowgraph.spi.Attrs;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects a node's op type, name, inputs, control inputs and attributes, then adds it to the
 * graph with {@link #build()}, which runs every build-time check.
 *
 * <pre>{@code
 * Node sum = g.nodeBuilder("Add").name("sum").input(x).input(y).build();
 * Node mm = g.nodeBuilder("MatMul").uniqueName("layer1/MatMul")     // "layer1/MatMul_1" if taken
 *            .input(a).input(b).attr("transposeB", true).build();
 * }</pre>
 */
public final class NodeBuilder {
    private final Graph graph;
    private final String opType;
    private String name;
    private boolean makeUnique = true;
    private final List<Output> inputs = new ArrayList<>();
    private final List<Node> controlInputs = new ArrayList<>();
    private final Attrs.Builder attrs = Attrs.builder();

    NodeBuilder(Graph graph, String opType) {
        this.graph = graph;
        this.opType = checkNotNull(opType, "opType");
        this.name = opType;
    }

    /**
     * Gives the node exactly this name; {@link #build()} fails if it is taken.
     *
     * @param exactName the full name, scopes included
     * @return this builder
     */
    public NodeBuilder name(String exactName) {
        this.name = checkNotNull(exactName, "name");
        this.makeUnique = false;
        return this;
    }

    /**
     * Names the node {@code baseName}, or {@code baseName_N} with the smallest free N if taken.
     * Without a call to {@code name} or {@code uniqueName}, the base name is the op type.
     *
     * @param baseName the name to start from, scopes included
     * @return this builder
     */
    public NodeBuilder uniqueName(String baseName) {
        this.name = checkNotNull(baseName, "baseName");
        this.makeUnique = true;
        return this;
    }

    /**
     * Appends an input.
     *
     * @param input an output of a node in the same graph
     * @return this builder
     */
    public NodeBuilder input(Output input) {
        inputs.add(checkNotNull(input, "input %s", inputs.size()));
        return this;
    }

    /**
     * Appends inputs.
     *
     * @param more outputs of nodes in the same graph
     * @return this builder
     */
    public NodeBuilder inputs(List<Output> more) {
        more.forEach(this::input);
        return this;
    }

    /**
     * Adds a node that must run before this one.
     *
     * @param dependency a node of the same graph
     * @return this builder
     */
    public NodeBuilder controlInput(Node dependency) {
        controlInputs.add(checkNotNull(dependency, "control input"));
        return this;
    }

    /**
     * Sets an attribute.
     *
     * @param attrName the attribute's name
     * @param value a value of a type {@link Attrs} supports
     * @return this builder
     */
    public NodeBuilder attr(String attrName, Object value) {
        attrs.put(attrName, value);
        return this;
    }

    /**
     * Sets all attributes of {@code all}.
     *
     * @param all attributes to copy
     * @return this builder
     */
    public NodeBuilder attrs(Attrs all) {
        all.asMap().forEach(attrs::put);
        return this;
    }

    /**
     * Checks the node and adds it to the graph.
     *
     * @return the new node
     * @throws GraphBuildException if the op is unknown, the name is invalid or taken, an input
     *     is from another graph, the input count is wrong, the shape rule refuses the inputs, or
     *     the graph is closed
     */
    public Node build() {
        return graph.add(opType, name, makeUnique, inputs, controlInputs, attrs.build());
    }
}
