package dev.flowgraph;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.flowgraph.builtin.Placeholder;
import dev.flowgraph.builtin.Variable;
import dev.flowgraph.spi.Attrs;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OpRegistry;
import dev.flowgraph.spi.OutputSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.jgrapht.graph.EdgeReversedGraph;
import org.jgrapht.graph.MaskSubgraph;
import org.jgrapht.traverse.BreadthFirstIterator;

/**
 * An append-only dataflow graph of {@link Node}s.
 *
 * <p>Every node enters through one door, {@link #addNode} (or a {@link NodeBuilder}), which looks
 * up the op, checks the name, the inputs and their count, runs the op's shape rule, and only then
 * adds the node; a refusal throws {@link GraphBuildException} and leaves the graph unchanged.
 * Names are unique: automatic names are the op type, then {@code _1}, {@code _2}, ...; scopes are
 * joined with {@code /}. The structure is a jgrapht {@link DirectedAcyclicGraph}, which refuses
 * cycles and gives the topological order and ancestor sets that sessions prune with.
 *
 * <p>Thread-safe; usually built by one thread, then run by many sessions.
 *
 * <pre>{@code
 * try (Graph g = new Graph()) {
 *     Ops tf = Ops.on(g);
 *     Output x = tf.placeholder("x", DType.FLOAT32, Shape.of(-1, 3));
 *     tf.withName("y").mul(x, tf.constant(2f));
 *     g.output("y").shape();      // [-1, 3]
 *     g.node("y").opType();       // "Mul"
 * }
 * }</pre>
 */
public final class Graph implements AutoCloseable {
    /** TensorFlow's rule for node names; scopes make the {@code /}-separated parts. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9.][A-Za-z0-9_.\\-/]*");
    /** An output index: decimal digits without a sign or leading zeros. */
    private static final Pattern OUTPUT_INDEX = Pattern.compile("0|[1-9][0-9]*");

    private final OpRegistry registry;
    private final DirectedAcyclicGraph<Node, GraphEdge> dag =
            new DirectedAcyclicGraph<>(null, null, false, true);
    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Node> byName = new HashMap<>();
    private final Map<String, Integer> nextSuffix = new HashMap<>();
    private volatile int structureVersion;
    private volatile boolean closed;

    /** Creates an empty graph whose ops come from {@link OpRegistry#global()}. */
    public Graph() {
        this(OpRegistry.global());
    }

    /**
     * Creates an empty graph whose ops come from {@code registry}.
     *
     * @param registry the op types this graph may hold
     */
    public Graph(OpRegistry registry) {
        this.registry = checkNotNull(registry, "registry");
    }

    /**
     * Returns the registry this graph looks ops up in.
     *
     * @return the registry
     */
    public OpRegistry registry() {
        return registry;
    }

    /**
     * Starts building a node of the given op type.
     *
     * @param opType the op type
     * @return a builder whose {@link NodeBuilder#build()} adds the node
     */
    public NodeBuilder nodeBuilder(String opType) {
        return new NodeBuilder(this, opType);
    }

    /**
     * Adds a node named after its op type ({@code Add}, {@code Add_1}, ...).
     *
     * @param opType the op type
     * @param inputs the node's inputs, outputs of nodes of this graph
     * @param attrs the node's attributes
     * @return the new node
     * @throws GraphBuildException if the op is unknown, an input is from another graph, the input
     *     count is wrong, the shape rule refuses the dtypes, shapes or attributes, or the graph is
     *     closed; the message names the node, the op and the inputs' dtypes and shapes
     */
    public Node addNode(String opType, List<Output> inputs, Attrs attrs) {
        return nodeBuilder(opType).inputs(inputs).attrs(attrs).build();
    }

    synchronized Node add(String opType, String requestedName, boolean makeUnique, List<Output> inputs,
            List<Node> controlInputs, Attrs attrs) {
        if (closed) {
            throw new GraphBuildException("Cannot add a " + opType + " node: the graph is closed");
        }
        OpDef op = registry.lookup(opType);
        String name = makeUnique ? uniqueName(requestedName) : requestedName;
        List<OutputSpec> inputSpecs = new ArrayList<>(inputs.size());
        for (Output in : inputs) {
            inputSpecs.add(in.spec());
        }
        NodeSpec spec = new NodeSpec(name, opType, inputSpecs, attrs);
        checkName(spec, makeUnique);
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).node().graph() != this) {
                throw new GraphBuildException("Cannot add " + spec + ": input " + i + " (" + inputs.get(i).name()
                        + ") belongs to another graph");
            }
        }
        for (Node dep : controlInputs) {
            if (dep.graph() != this) {
                throw new GraphBuildException("Cannot add " + spec + ": control input '" + dep.name()
                        + "' belongs to another graph");
            }
        }
        if (op.arity() != OpDef.VARIADIC && op.arity() != inputs.size()) {
            throw new GraphBuildException("Cannot add " + spec + ": " + opType + " takes " + op.arity()
                    + (op.arity() == 1 ? " input" : " inputs") + " but " + inputs.size()
                    + (inputs.size() == 1 ? " was given" : " were given"));
        }
        List<OutputSpec> outputs;
        long cost;
        try {
            outputs = ImmutableList.copyOf(op.infer(spec));
            cost = op.cost(spec, outputs);
        } catch (RuntimeException e) {
            throw new GraphBuildException("Cannot add " + spec + ": " + e.getMessage(), e);
        }
        List<Node> distinctControls = controlInputs.stream().distinct().collect(Collectors.toList());
        Node node = new Node(this, nodes.size(), name, op, inputs, distinctControls, attrs, outputs, cost);
        // A new node's edges all point into it from existing nodes, so they cannot close a cycle.
        dag.addVertex(node);
        for (int i = 0; i < inputs.size(); i++) {
            dag.addEdge(inputs.get(i).node(), node, GraphEdge.data(inputs.get(i), i));
        }
        for (Node dep : distinctControls) {
            dag.addEdge(dep, node, GraphEdge.control());
        }
        nodes.add(node);
        byName.put(name, node);
        if (makeUnique) {
            nextSuffix.put(requestedName, name.equals(requestedName) ? 1
                    : Integer.parseInt(name.substring(requestedName.length() + 1)) + 1);
        }
        return node;
    }

    private void checkName(NodeSpec spec, boolean generated) {
        if (!NAME.matcher(spec.name()).matches() || spec.name().contains("//") || spec.name().endsWith("/")) {
            throw new GraphBuildException("Cannot add " + spec + ": '" + spec.name()
                    + "' is not a valid node name (letters, digits, '.', '_', '-', '/'-separated scopes; "
                    + "not starting with '_', '-' or '/')");
        }
        if (!generated && byName.containsKey(spec.name())) {
            throw new GraphBuildException("Cannot add " + spec + ": a node named '" + spec.name()
                    + "' already exists: " + byName.get(spec.name()));
        }
    }

    /**
     * Returns {@code base} if it was never used, else {@code base_N} with the smallest free N
     * above the last one given out; {@link #add} records the choice once the node exists.
     */
    private String uniqueName(String base) {
        if (!byName.containsKey(base) && !nextSuffix.containsKey(base)) {
            return base;
        }
        int n = nextSuffix.getOrDefault(base, 1);
        while (byName.containsKey(base + "_" + n)) {
            n++;
        }
        return base + "_" + n;
    }

    /**
     * Makes {@code node} wait for {@code dependency} to run first, as if it were a control input
     * given when the node was built.
     *
     * Adding a dependency the node already has changes nothing.
     *
     * @param node the node that must wait
     * @param dependency the node that must run first
     * @throws GraphBuildException if either node is from another graph, or the dependency already
     *     depends on {@code node} (the edge would close a cycle, which the message spells out)
     */
    public synchronized void addControlInput(Node node, Node dependency) {
        checkNotNull(node, "node");
        checkNotNull(dependency, "dependency");
        if (closed) {
            throw new GraphBuildException("Cannot add a control input to '" + node.name() + "': the graph is closed");
        }
        if (node.graph() != this || dependency.graph() != this) {
            throw new GraphBuildException("Cannot add control input '" + dependency.name() + "' to '" + node.name()
                    + "': both nodes must belong to this graph");
        }
        if (node.controlInputs().contains(dependency)) {
            return;
        }
        GraphPath<Node, GraphEdge> path = node == dependency ? null : BFSShortestPath.findPathBetween(dag, node, dependency);
        if (node == dependency || path != null) {
            String cycle = node == dependency ? node.name() + " -> " + node.name()
                    : path.getVertexList().stream().map(Node::name).collect(Collectors.joining(" -> "))
                            + " -> " + node.name();
            throw new GraphBuildException("Cannot add control input '" + dependency.name() + "' to '" + node.name()
                    + "': it would close the cycle " + cycle);
        }
        dag.addEdge(dependency, node, GraphEdge.control());
        node.addControlInput(dependency);
        structureVersion++;
    }

    /**
     * Returns a counter that changes whenever existing nodes gain dependencies, so that cached
     * execution plans know when to recompile. Appending nodes does not change it.
     *
     * @return the structure version
     */
    public int structureVersion() {
        return structureVersion;
    }

    /**
     * Returns the nodes that must run to compute {@code roots} when the outputs in {@code fed}
     * are given: the roots and their ancestors, where a fed output cuts off its producer (unless
     * the producer is needed otherwise). Control inputs are always followed.
     *
     * @param roots the nodes whose execution is requested
     * @param fed outputs whose values are given, not computed
     * @return the needed nodes in a topological order (every node after its inputs)
     */
    public synchronized List<Node> executionOrder(Collection<Node> roots, Set<Output> fed) {
        for (Node r : roots) {
            checkNotNull(r, "root");
            if (r.graph() != this) {
                throw new IllegalArgumentException("node '" + r.name() + "' belongs to another graph");
            }
        }
        if (roots.isEmpty()) {
            return List.of();
        }
        MaskSubgraph<Node, GraphEdge> cut = new MaskSubgraph<>(dag, v -> false,
                e -> !e.isControl() && fed.contains(e.source()));
        Set<Node> needed = new HashSet<>();
        new BreadthFirstIterator<>(new EdgeReversedGraph<>(cut), roots).forEachRemaining(needed::add);
        List<Node> order = new ArrayList<>(needed.size());
        for (Node n : dag) {
            if (needed.contains(n)) {
                order.add(n);
            }
        }
        return order;
    }

    /**
     * Applies {@code reader} to a read-only view of the DAG while holding the graph's lock, so that
     * no node or edge appears halfway through (used by {@link GraphDot}).
     */
    synchronized <R> R readDag(Function<org.jgrapht.Graph<Node, GraphEdge>, R> reader) {
        return reader.apply(new AsUnmodifiableGraph<>(dag));
    }

    /**
     * Returns the nodes a run executes: what the unfed fetches and the targets need, where fed
     * outputs cut off their producers, and where a fed placeholder (a target) has nothing to do.
     * A placeholder left in the list is one the run needs but nobody feeds.
     *
     * @param feeds the fed outputs
     * @param fetches the fetched outputs
     * @param targets the nodes to run for their effects
     * @return the nodes, in a topological order
     */
    public List<Node> runOrder(Collection<Output> feeds, Collection<Output> fetches, Collection<Node> targets) {
        Set<Output> fed = new HashSet<>(feeds);
        List<Node> roots = new ArrayList<>();
        for (Output f : fetches) {
            if (!fed.contains(f)) {
                roots.add(f.node());
            }
        }
        roots.addAll(targets);
        List<Node> order = new ArrayList<>(executionOrder(roots, fed));
        order.removeIf(n -> n.opType().equals(Placeholder.TYPE) && fed.contains(n.output(0)));
        return order;
    }

    /**
     * Returns the node with the given name.
     *
     * @param name the node's full name
     * @return the node
     * @throws UnknownNameException naming the nearest existing names if there is none
     */
    public synchronized Node node(String name) {
        Node n = byName.get(checkNotNull(name, "name"));
        if (n == null) {
            throw new UnknownNameException(describeUnknown(name));
        }
        return n;
    }

    /**
     * Tells whether a node has the given name.
     *
     * @param name a node name
     * @return true if the graph holds such a node
     */
    public synchronized boolean hasNode(String name) {
        return byName.containsKey(name);
    }

    /**
     * Returns the output with the given address: {@code "name:index"}, or {@code "name"} for
     * {@code "name:0"}.
     *
     * @param name the output's address
     * @return the output
     * @throws UnknownNameException if there is no such node or the node has no such output
     */
    public Output output(String name) {
        checkNotNull(name, "name");
        int colon = name.lastIndexOf(':');
        String nodeName = name;
        int index = 0;
        if (colon >= 0) {
            nodeName = name.substring(0, colon);
            String digits = name.substring(colon + 1);
            try {
                index = OUTPUT_INDEX.matcher(digits).matches() ? Integer.parseInt(digits) : -1;
            } catch (NumberFormatException tooLarge) {
                index = -1;
            }
            if (index < 0) {
                throw new UnknownNameException("'" + name + "' is not an output address: write 'node:index' "
                        + "with a non-negative index, or just 'node' for 'node:0'");
            }
        }
        Node n = node(nodeName);
        if (index >= n.outputCount()) {
            throw new UnknownNameException("Node " + n + " has " + n.outputCount()
                    + (n.outputCount() == 1 ? " output" : " outputs") + "; '" + nodeName + ":" + index
                    + "' does not exist");
        }
        return n.output(index);
    }

    /** Says that a name is unknown, with the nearest existing names. */
    synchronized String describeUnknown(String name) {
        return "The graph has no node named '" + name + "'" + Suggestions.didYouMean(name, byName.keySet());
    }

    /**
     * Returns all nodes in the order they were added.
     *
     * @return a snapshot of the nodes
     */
    public synchronized List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /**
     * Returns the variable nodes (op type {@code Variable}), whose values live in each session.
     *
     * @return a snapshot, in the order they were added
     */
    public synchronized List<Node> variables() {
        return nodes.stream().filter(n -> n.opType().equals(Variable.TYPE)).collect(Collectors.toUnmodifiableList());
    }

    /**
     * Returns the number of nodes.
     *
     * @return the node count
     */
    public synchronized int size() {
        return nodes.size();
    }

    /**
     * Tells whether {@link #close()} has been called.
     *
     * @return true once closed
     */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes the graph: no node can be added, no session can be opened on it, and sessions
     * already open refuse new runs ({@link InvalidRunException}). Idempotent.
     */
    @Override
    public void close() {
        closed = true;
    }
}
