package dev.flowgraph;

import com.google.common.collect.ImmutableList;
import dev.flowgraph.spi.Attrs;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OutputSpec;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One operation instance in a {@link Graph}: a name, an op type, its inputs, control inputs and
 * attributes, and the static dtype and shape of each output.
 *
 * <p>Nodes are made only by {@link Graph#addNode} (or a {@link NodeBuilder}), which checks them
 * first; apart from control inputs added later with {@link Graph#addControlInput}, a node never
 * changes.
 *
 * <pre>{@code
 * Node n = g.node("J");
 * n.opType();            // "Mul"
 * n.input(1).name();     // "Add:0"
 * n.output(0).shape();   // []
 * }</pre>
 */
public final class Node {
    private final Graph graph;
    private final int id;
    private final String name;
    private final OpDef op;
    private final ImmutableList<Output> inputs;
    private final List<Node> controlInputs;
    private final Attrs attrs;
    private final ImmutableList<Output> outputs;
    private final long cost;

    Node(Graph graph, int id, String name, OpDef op, List<Output> inputs, List<Node> controlInputs, Attrs attrs,
            List<OutputSpec> outputSpecs, long cost) {
        this.graph = graph;
        this.id = id;
        this.name = name;
        this.op = op;
        this.inputs = ImmutableList.copyOf(inputs);
        this.controlInputs = new CopyOnWriteArrayList<>(controlInputs);
        this.attrs = attrs;
        ImmutableList.Builder<Output> outs = ImmutableList.builder();
        for (int i = 0; i < outputSpecs.size(); i++) {
            outs.add(new Output(this, i, outputSpecs.get(i)));
        }
        this.outputs = outs.build();
        this.cost = cost;
    }

    /**
     * Returns the graph this node belongs to.
     *
     * @return the graph
     */
    public Graph graph() {
        return graph;
    }

    /**
     * Returns the node's position in its graph, in the order nodes were added.
     *
     * @return the id, from 0
     */
    public int id() {
        return id;
    }

    /**
     * Returns the node's unique name, scopes included ({@code "layer1/MatMul"}).
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the op type.
     *
     * @return e.g. {@code "Mul"}
     */
    public String opType() {
        return op.type();
    }

    /**
     * Returns the op definition: the shape rule and kernel.
     *
     * @return the definition
     */
    public OpDef op() {
        return op;
    }

    /**
     * Returns the inputs, in order.
     *
     * @return the outputs of other nodes this node reads
     */
    public List<Output> inputs() {
        return inputs;
    }

    /**
     * Returns one input.
     *
     * @param i the input's position
     * @return the output this node reads there
     */
    public Output input(int i) {
        return inputs.get(i);
    }

    /**
     * Returns the number of inputs.
     *
     * @return the input count
     */
    public int inputCount() {
        return inputs.size();
    }

    /**
     * Returns the nodes that must run before this one although it reads none of their outputs.
     *
     * @return an unmodifiable snapshot of the control inputs
     */
    public List<Node> controlInputs() {
        return List.copyOf(controlInputs);
    }

    void addControlInput(Node dependency) {
        controlInputs.add(dependency);
    }

    /**
     * Returns the attributes.
     *
     * @return the attributes
     */
    public Attrs attrs() {
        return attrs;
    }

    /**
     * Returns the outputs.
     *
     * @return one handle per output, in order
     */
    public List<Output> outputs() {
        return outputs;
    }

    /**
     * Returns one output.
     *
     * @param i the output's position
     * @return its handle
     * @throws IndexOutOfBoundsException if the node has no such output
     */
    public Output output(int i) {
        return outputs.get(i);
    }

    /**
     * Returns the number of outputs.
     *
     * @return the output count
     */
    public int outputCount() {
        return outputs.size();
    }

    /**
     * Returns the op's estimate of the work of one execution ({@link OpDef#cost}).
     *
     * @return element operations, or {@link Long#MAX_VALUE} if unknown
     */
    public long cost() {
        return cost;
    }

    /**
     * Describes the node for messages, e.g. {@code 'J' (op Mul; inputs float64[], float64[])}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("'").append(name).append("' (op ").append(op.type());
        sb.append(inputs.isEmpty() ? "; no inputs" : "; inputs ");
        for (int i = 0; i < inputs.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(inputs.get(i).spec());
        }
        return sb.append(')').toString();
    }
}
