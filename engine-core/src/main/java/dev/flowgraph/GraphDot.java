package dev.flowgraph;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.flowgraph.builtin.Placeholder;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;

/**
 * Graphviz DOT pictures of a {@link Graph} and of one run's plan, and a helper that renders them
 * to PNG or SVG with Graphviz's {@code dot} program.
 *
 * <p>Every node is a box labelled with its name, its op type and the dtype and shape of each
 * output ({@code 0: float32 [-1, 10]} when it has several). A data edge is labelled with the
 * dtype and shape of the tensor it carries ({@code :1 } first when the producer has several
 * outputs); a control edge is dashed and unlabelled. Name scopes become nested Graphviz clusters:
 * {@code layer1/MatMul} is drawn inside a box titled {@code layer1}. Names and labels are written
 * as quoted DOT strings with {@code "} and {@code \} escaped, so any name is safe (even
 * {@code node}, {@code 0.5} or {@code a-b/c.d}); a label's lines are separated by newline
 * characters, so the text parses with jgrapht-io's {@code DOTImporter} as well as with Graphviz.
 *
 * <p>The picture of a run ({@link #toDot(Graph, List, List, List)}) shows what a
 * {@code Session} would do with the same feeds, fetches and targets, and marks each node by its
 * role with a style, a line in its label and a Graphviz {@code class} (which SVG output keeps):
 *
 * <table>
 *   <caption>Roles of nodes in a run's picture</caption>
 *   <tr><th>class</th><th>meaning</th><th>drawn</th></tr>
 *   <tr><td>{@code run}</td><td>the run executes it</td><td>black</td></tr>
 *   <tr><td>{@code fed}</td><td>one of its outputs is fed</td><td>dashed, blue</td></tr>
 *   <tr><td>{@code fetched}</td><td>one of its outputs is fetched</td><td>bold</td></tr>
 *   <tr><td>{@code target}</td><td>requested as a target</td><td>bold</td></tr>
 *   <tr><td>{@code pruned}</td><td>neither run nor fed</td><td>grey</td></tr>
 *   <tr><td>{@code unfed}</td><td>a placeholder the run needs but nobody feeds (the run would
 *       fail)</td><td>red</td></tr>
 * </table>
 *
 * <p>Edges into nodes that do not run are grey (class {@code pruned}); edges carrying a fed
 * value are blue (class {@code fed}).
 *
 * <p>The DOT text comes from jgrapht-io's {@link DOTExporter} over the graph's own jgrapht DAG,
 * with node, edge and graph attributes from attribute providers. The exporter writes no
 * subgraphs, so the scope clusters are appended before the final closing brace as
 * {@code subgraph "cluster_<scope>" { ... }} blocks that list their nodes by id: Graphviz puts
 * a node declared earlier into every cluster that names it again.
 *
 * <p>Rendering is not a graph or run operation, so its failures are the JDK's exceptions, not
 * {@link FlowgraphException}s: {@link IllegalStateException} when {@code dot} is missing (the
 * message says to install graphviz) or does not finish in time, {@link IllegalArgumentException}
 * when it refuses the DOT text or the file extension is neither {@code .png} nor {@code .svg}.
 *
 * <pre>{@code
 * String dot = GraphDot.toDot(graph);                          // the whole graph
 * String plan = GraphDot.toDot(graph, List.of(graph.output("a"), graph.output("u")),
 *         List.of(graph.output("J")), List.of());             // a run that feeds a and u
 * Files.writeString(Path.of("target/graph.dot"), dot);
 * if (GraphDot.isDotInstalled()) {
 *     GraphDot.render(dot, Path.of("target/graph.png"));
 * }
 * }</pre>
 */
public final class GraphDot {
    /** How long {@link #render(String, Path)} lets {@code dot} run. */
    public static final Duration DEFAULT_RENDER_TIMEOUT = Duration.ofSeconds(60);

    /** The Graphviz program that lays out and draws directed graphs. */
    static final String DOT_PROGRAM = "dot";

    private static final String INSTALL_HINT = "install graphviz (apt-get install graphviz)";
    private static final String PRUNED_COLOR = "grey60";
    private static final String FED_COLOR = "blue";
    private static final String UNFED_COLOR = "red";
    private static final String CONTROL_COLOR = "grey40";

    private GraphDot() {}

    /**
     * Returns the whole graph as Graphviz DOT text.
     *
     * @param graph the graph
     * @return a {@code digraph} with one node per graph node and one edge per data or control
     *     edge
     */
    public static String toDot(Graph graph) {
        checkNotNull(graph, "graph");
        return export(graph, null);
    }

    /**
     * Returns the whole graph as Graphviz DOT text, with the nodes of a run marked by their role:
     * fed, fetched, target, run, pruned (not run), or unfed (a placeholder the run needs but that
     * is not fed). The run is the one a session would compile for the same request: the fetched
     * nodes (unless fed) and the targets, with their ancestors, where a fed output cuts off its
     * producer; see {@link Graph#executionOrder}.
     *
     * @param graph the graph
     * @param feeds the outputs the run feeds
     * @param fetches the outputs the run fetches
     * @param targets the nodes the run executes for their effects
     * @return the DOT text
     * @throws IllegalArgumentException if an output or node belongs to another graph
     */
    public static String toDot(Graph graph, List<Output> feeds, List<Output> fetches, List<Node> targets) {
        checkNotNull(graph, "graph");
        checkNotNull(feeds, "feeds");
        checkNotNull(fetches, "fetches");
        checkNotNull(targets, "targets");
        for (Output o : feeds) {
            checkSameGraph(graph, checkNotNull(o, "feed").node(), "feed " + o.name());
        }
        for (Output o : fetches) {
            checkSameGraph(graph, checkNotNull(o, "fetch").node(), "fetch " + o.name());
        }
        for (Node n : targets) {
            checkSameGraph(graph, checkNotNull(n, "target"), "target " + n.name());
        }
        Set<Output> fed = new HashSet<>(feeds);
        Set<Node> run = new HashSet<>(graph.runOrder(feeds, fetches, targets));
        return export(graph, new RunView(fed, new HashSet<>(fetches), new HashSet<>(targets), run, feeds, fetches,
                targets));
    }

    private static void checkSameGraph(Graph graph, Node node, String what) {
        checkArgument(node.graph() == graph, "%s belongs to another graph", what);
    }

    /** What a run does with each node; null in {@link #export} for a plain picture of the graph. */
    private record RunView(Set<Output> fed, Set<Output> fetched, Set<Node> targets, Set<Node> run,
            List<Output> feedList, List<Output> fetchList, List<Node> targetList) {
        boolean isFed(Node n) {
            return n.outputs().stream().anyMatch(fed::contains);
        }

        boolean isFetched(Node n) {
            return n.outputs().stream().anyMatch(fetched::contains);
        }

        /** The node's Graphviz classes, most specific role first. */
        List<String> roles(Node n) {
            List<String> roles = new ArrayList<>();
            if (isFed(n)) {
                roles.add("fed");
            }
            if (isFetched(n)) {
                roles.add("fetched");
            }
            if (targets.contains(n)) {
                roles.add("target");
            }
            if (run.contains(n)) {
                roles.add("run");
                if (n.opType().equals(Placeholder.TYPE)) {
                    roles.add("unfed");
                }
            } else if (!isFed(n)) {
                roles.add("pruned");
            }
            return roles;
        }
    }

    private static String export(Graph graph, RunView view) {
        DOTExporter<Node, GraphEdge> exporter = new DOTExporter<>(n -> quote(n.name()));
        exporter.setGraphIdProvider(() -> "flowgraph");
        exporter.setGraphAttributeProvider(() -> graphAttributes(graph, view));
        exporter.setVertexAttributeProvider(n -> nodeAttributes(n, view));
        StringWriter text = new StringWriter();
        List<Node> nodes = graph.readDag(dag -> {
            exporter.setEdgeAttributeProvider(e -> edgeAttributes(e, dag.getEdgeSource(e), dag.getEdgeTarget(e), view));
            exporter.exportGraph(dag, text);
            return List.copyOf(dag.vertexSet());
        });
        String dot = text.toString();
        int end = dot.lastIndexOf('}');
        return dot.substring(0, end) + clusters(nodes) + dot.substring(end);
    }

    private static Map<String, Attribute> graphAttributes(Graph graph, RunView view) {
        Map<String, Attribute> attrs = new LinkedHashMap<>();
        attrs.put("rankdir", verbatim(quote("TB")));
        attrs.put("fontname", verbatim(quote("Helvetica")));
        if (view != null) {
            List<String> lines = new ArrayList<>();
            lines.add("run: " + view.run().size() + " of " + graph.size() + " nodes");
            lines.add("fed: " + names(view.feedList().stream().map(Output::name).toList()));
            lines.add("fetched: " + names(view.fetchList().stream().map(Output::name).toList()));
            if (!view.targetList().isEmpty()) {
                lines.add("targets: " + names(view.targetList().stream().map(Node::name).toList()));
            }
            attrs.put("label", verbatim(quoteLines(lines)));
            attrs.put("labelloc", verbatim(quote("t")));
        }
        return attrs;
    }

    private static String names(Collection<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static Map<String, Attribute> nodeAttributes(Node n, RunView view) {
        List<String> lines = new ArrayList<>();
        lines.add(n.name());
        lines.add(n.opType());
        for (Output o : n.outputs()) {
            String spec = o.dtype() + " " + o.shape();
            lines.add(n.outputCount() == 1 ? spec : o.index() + ": " + spec);
        }
        Map<String, Attribute> attrs = new LinkedHashMap<>();
        attrs.put("shape", verbatim(quote("box")));
        attrs.put("fontname", verbatim(quote("Helvetica")));
        if (view == null) {
            attrs.put("label", verbatim(quoteLines(lines)));
            return attrs;
        }
        List<String> roles = view.roles(n);
        List<String> shown = new ArrayList<>(roles);
        shown.remove("run");
        if (shown.remove("pruned")) {
            shown.add("not run");
        }
        if (shown.remove("unfed")) {
            shown.add("not fed: the run fails");
        }
        if (!shown.isEmpty()) {
            lines.add("(" + String.join(", ", shown) + ")");
        }
        attrs.put("label", verbatim(quoteLines(lines)));
        attrs.put("class", verbatim(quote(String.join(" ", roles))));
        List<String> style = new ArrayList<>();
        if (roles.contains("fed")) {
            style.add("dashed");
        }
        boolean requested = roles.contains("fetched") || roles.contains("target");
        if (requested) {
            style.add("bold");
            attrs.put("penwidth", verbatim(quote("2")));
        }
        attrs.put("style", verbatim(quote(style.isEmpty() ? "solid" : String.join(",", style))));
        String color = roles.contains("unfed") ? UNFED_COLOR
                : roles.contains("fed") ? FED_COLOR
                : roles.contains("pruned") ? PRUNED_COLOR
                : "black";
        attrs.put("color", verbatim(quote(color)));
        attrs.put("fontcolor", verbatim(quote(color)));
        return attrs;
    }

    private static Map<String, Attribute> edgeAttributes(GraphEdge e, Node source, Node target, RunView view) {
        Map<String, Attribute> attrs = new LinkedHashMap<>();
        attrs.put("fontname", verbatim(quote("Helvetica")));
        List<String> classes = new ArrayList<>();
        String color = null;
        if (e.isControl()) {
            classes.add("control");
            attrs.put("style", verbatim(quote("dashed")));
            color = CONTROL_COLOR;
        } else {
            classes.add("data");
            Output o = e.source();
            String spec = o.dtype() + " " + o.shape();
            attrs.put("label", verbatim(quote(source.outputCount() == 1 ? spec : ":" + o.index() + " " + spec)));
        }
        if (view != null) {
            if (!view.run().contains(target)) {
                classes.add("pruned");
                color = PRUNED_COLOR;
            } else if (!e.isControl() && view.fed().contains(e.source())) {
                classes.add("fed");
                color = FED_COLOR;
            } else if (!view.run().contains(source)) {
                // A control dependency on a fed placeholder: the run has nothing to wait for.
                classes.add("pruned");
                color = PRUNED_COLOR;
            }
        }
        attrs.put("class", verbatim(quote(String.join(" ", classes))));
        if (color != null) {
            attrs.put("color", verbatim(quote(color)));
            attrs.put("fontcolor", verbatim(quote(color)));
        }
        return attrs;
    }

    /**
     * Writes one {@code subgraph "cluster_<scope>"} per name scope, nested as the scopes are, each
     * listing the ids of the nodes directly inside it.
     */
    private static String clusters(List<Node> nodes) {
        // Sorted, so that a scope comes right before the scopes nested in it.
        TreeMap<String, List<Node>> members = new TreeMap<>();
        for (Node n : nodes) {
            int slash = n.name().lastIndexOf('/');
            if (slash < 0) {
                continue;
            }
            String scope = n.name().substring(0, slash);
            members.computeIfAbsent(scope, s -> new ArrayList<>()).add(n);
            for (int i = scope.indexOf('/'); i >= 0; i = scope.indexOf('/', i + 1)) {
                members.computeIfAbsent(scope.substring(0, i), s -> new ArrayList<>());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String scope : members.keySet()) {
            if (scope.indexOf('/') < 0) {
                writeCluster(sb, scope, members, "  ");
            }
        }
        return sb.toString();
    }

    private static void writeCluster(StringBuilder sb, String scope, TreeMap<String, List<Node>> members,
            String indent) {
        sb.append(indent).append("subgraph ").append(quote("cluster_" + scope)).append(" {\n");
        String inner = indent + "  ";
        sb.append(inner).append("label=").append(quote(scope)).append(";\n");
        sb.append(inner).append("class=").append(quote("scope")).append(";\n");
        sb.append(inner).append("style=").append(quote("rounded")).append(";\n");
        sb.append(inner).append("color=").append(quote("grey50")).append(";\n");
        sb.append(inner).append("fontname=").append(quote("Helvetica")).append(";\n");
        for (Node n : members.get(scope)) {
            sb.append(inner).append(quote(n.name())).append(";\n");
        }
        String prefix = scope + "/";
        for (String sub : members.tailMap(prefix).keySet()) {
            if (!sub.startsWith(prefix)) {
                break;
            }
            if (sub.indexOf('/', prefix.length()) < 0) {
                writeCluster(sb, sub, members, inner);
            }
        }
        sb.append(indent).append("}\n");
    }

    private static Attribute verbatim(String dotText) {
        return new DefaultAttribute<>(dotText, AttributeType.IDENTIFIER);
    }

    /**
     * Returns {@code text} as a double-quoted DOT string with backslashes and quotes escaped.
     * Line breaks stay literal newlines, which Graphviz draws as centred line breaks; its own
     * {@code \n} escape would be refused by jgrapht-io's DOT parser, which knows only
     * {@code \\} and {@code \"}.
     */
    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "") + "\"";
    }

    /** Returns the lines as one quoted DOT string, one line of the label each. */
    private static String quoteLines(List<String> lines) {
        return quote(String.join("\n", lines));
    }

    /**
     * Tells whether Graphviz's {@code dot} program can be run.
     *
     * @return true if {@code dot -V} runs and exits with 0 within ten seconds
     */
    public static boolean isDotInstalled() {
        return isInstalled(DOT_PROGRAM);
    }

    /** {@link #isDotInstalled()} for another program name, so that tests can name a missing one. */
    static boolean isInstalled(String program) {
        try {
            Process p = new ProcessBuilder(program, "-V").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Renders DOT text to a PNG or SVG file with Graphviz's {@code dot} program, waiting at most
     * {@link #DEFAULT_RENDER_TIMEOUT}.
     *
     * @param dot the DOT text, e.g. from {@link #toDot(Graph)}
     * @param out the file to write; its extension, {@code .png} or {@code .svg} (any case), picks
     *     the format; missing parent directories are created
     * @return {@code out}
     * @throws IllegalStateException if {@code dot} cannot be run (the message says to install
     *     graphviz) or does not finish in time
     * @throws IllegalArgumentException if the extension is neither {@code .png} nor {@code .svg},
     *     or {@code dot} refuses the text (the message quotes its error output)
     * @throws UncheckedIOException if the files cannot be written
     */
    public static Path render(String dot, Path out) {
        return render(dot, out, DEFAULT_RENDER_TIMEOUT);
    }

    /**
     * Renders DOT text to a PNG or SVG file with Graphviz's {@code dot} program.
     *
     * @param dot the DOT text, e.g. from {@link #toDot(Graph)}
     * @param out the file to write; its extension, {@code .png} or {@code .svg} (any case), picks
     *     the format; missing parent directories are created
     * @param timeout how long {@code dot} may run before it is killed
     * @return {@code out}
     * @throws IllegalStateException if {@code dot} cannot be run (the message says to install
     *     graphviz) or does not finish within {@code timeout}
     * @throws IllegalArgumentException if the extension is neither {@code .png} nor {@code .svg},
     *     or {@code dot} refuses the text (the message quotes its error output)
     * @throws UncheckedIOException if the files cannot be written
     */
    public static Path render(String dot, Path out, Duration timeout) {
        return render(dot, out, timeout, DOT_PROGRAM);
    }

    /** {@link #render(String, Path, Duration)} with another program, so that tests can name a missing one. */
    static Path render(String dot, Path out, Duration timeout, String program) {
        checkNotNull(dot, "dot");
        checkNotNull(out, "out");
        checkNotNull(timeout, "timeout");
        checkArgument(!timeout.isNegative() && !timeout.isZero(), "timeout must be positive, got %s", timeout);
        String format = formatOf(out);
        Path input = null;
        Path errors = null;
        Process process = null;
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            // Files rather than pipes: nothing can fill up and block while dot runs.
            input = Files.createTempFile("flowgraph-", ".dot");
            errors = Files.createTempFile("flowgraph-dot-", ".log");
            Files.writeString(input, dot, StandardCharsets.UTF_8);
            try {
                process = new ProcessBuilder(program, "-T" + format, "-o", out.toString(), input.toString())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(errors.toFile())
                        .start();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot render " + out + ": the Graphviz program '" + program
                        + "' cannot be run (" + e.getMessage() + "); " + INSTALL_HINT
                        + ", or render the DOT text elsewhere", e);
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("Cannot render " + out + ": Graphviz '" + program
                        + "' did not finish within " + timeout.toMillis() + " ms");
            }
            if (process.exitValue() != 0) {
                throw new IllegalArgumentException("Cannot render " + out + ": Graphviz '" + program
                        + "' refused the DOT text (exit " + process.exitValue() + "): "
                        + Files.readString(errors, StandardCharsets.UTF_8).strip());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render " + out + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while Graphviz rendered " + out, e);
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            deleteQuietly(input);
            deleteQuietly(errors);
        }
    }

    private static String formatOf(Path out) {
        Path file = out.getFileName();
        String name = file == null ? "" : file.toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return "png";
        }
        if (name.endsWith(".svg")) {
            return "svg";
        }
        throw new IllegalArgumentException("Cannot render " + out + ": the file name must end in .png or .svg");
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover temporary file is harmless; the render's own outcome matters more.
            file.toFile().deleteOnExit();
        }
    }
}
