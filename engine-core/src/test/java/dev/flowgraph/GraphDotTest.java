package dev.flowgraph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flowgraph.exec.Plan;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OpRegistry;
import dev.flowgraph.spi.OutputSpec;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.dot.DOTImporter;
import org.jgrapht.util.SupplierUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests of {@link GraphDot}: the DOT text is parsed back with jgrapht-io's {@link DOTImporter}
 * and compared with the graph; rendering runs only where Graphviz's {@code dot} is installed.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GraphDotTest {
    /** An op whose type needs escaping in DOT: one float64 input, passed through. */
    private static final OpDef ODD_TYPE_OP = TestOps.define("Odd\"Type\\", 1, node -> List.of(node.input(0)), k -> {
        throw new UnsupportedOperationException();
    });

    private Graph g;
    private Output a;
    private Output b;
    private Output c;
    private Output three;
    private Output u;
    private Output v;
    private Output j;

    /**
     * J = 3 * (a + b * c) with v and J in scopes: {@code u = b*c}, {@code layer1/v = a + u},
     * {@code layer1/inner/J = 3 * v}, and {@code J} waiting on {@code a} by a control edge.
     */
    @BeforeEach
    void setUp() {
        g = new Graph(TestOps.REGISTRY.with(List.of(ODD_TYPE_OP)));
        a = TestOps.placeholder(g, "a", DType.FLOAT64, Shape.scalar());
        b = TestOps.placeholder(g, "b", DType.FLOAT64, Shape.of(2));
        c = TestOps.placeholder(g, "c", DType.FLOAT64, Shape.of(2));
        three = TestOps.constant(g, Tensor.scalar(3.0));
        u = g.nodeBuilder("TestMul").name("u").input(b).input(c).build().output(0);
        v = g.nodeBuilder("TestAdd").name("layer1/v").input(a).input(u).build().output(0);
        j = g.nodeBuilder("TestMul").name("layer1/inner/J").input(three).input(v).controlInput(a.node()).build()
                .output(0);
    }

    @AfterEach
    void tearDown() {
        g.close();
    }

    /** A DOT file read back by jgrapht-io: vertex ids, their attributes, edges with theirs. */
    private record Parsed(DirectedPseudograph<String, DefaultEdge> graph, Map<String, Map<String, String>> nodes,
            Map<DefaultEdge, Map<String, String>> edges, Map<String, String> graphAttrs) {
        String attr(String node, String key) {
            return nodes.get(node).get(key);
        }

        /** The attributes of the edges from {@code source} to {@code target}, one map per edge. */
        List<Map<String, String>> edges(String source, String target) {
            return graph.getAllEdges(source, target).stream().map(edges::get).collect(Collectors.toList());
        }

        Set<String> classes(String node) {
            return Set.of(attr(node, "class").split(" "));
        }
    }

    private static Parsed parse(String dot) {
        DirectedPseudograph<String, DefaultEdge> graph =
                new DirectedPseudograph<>(null, SupplierUtil.createDefaultEdgeSupplier(), false);
        DOTImporter<String, DefaultEdge> importer = new DOTImporter<>();
        importer.setVertexFactory(id -> id);
        Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
        Map<DefaultEdge, Map<String, String>> edges = new HashMap<>();
        Map<String, String> graphAttrs = new HashMap<>();
        importer.addVertexConsumer(id -> nodes.computeIfAbsent(id, k -> new HashMap<>()));
        importer.addVertexAttributeConsumer((p, attr) ->
                nodes.computeIfAbsent(p.getFirst(), k -> new HashMap<>()).put(p.getSecond(), attr.getValue()));
        importer.addEdgeAttributeConsumer((p, attr) ->
                edges.computeIfAbsent(p.getFirst(), k -> new HashMap<>()).put(p.getSecond(), attr.getValue()));
        importer.addGraphAttributeConsumer((key, attr) -> graphAttrs.put(key, attr.getValue()));
        importer.importGraph(graph, new StringReader(dot));
        return new Parsed(graph, nodes, edges, graphAttrs);
    }

    /** A label as DOTImporter returns it: the lines joined by newlines, escapes undone. */
    private static String importedLabel(String... lines) {
        return String.join("\n", lines);
    }

    private static <T extends Throwable> T assertThrowsWithMessage(Class<T> type, Executable call, String... parts) {
        T e = assertThrows(type, call);
        for (String p : parts) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(p),
                    "message should contain '" + p + "' but was: " + e.getMessage());
        }
        return e;
    }

    @Test
    void wholeGraphParsesBackWithEveryNodeAndEdge() {
        String dot = GraphDot.toDot(g);
        Parsed p = parse(dot);

        assertEquals(g.nodes().stream().map(Node::name).collect(Collectors.toSet()), p.graph().vertexSet());
        // u: 2 data; v: 2 data; J: 2 data + 1 control.
        assertEquals(7, p.graph().edgeSet().size());
        assertEquals(importedLabel("a", "Placeholder", "float64 []"), p.attr("a", "label"));
        assertEquals(importedLabel("u", "TestMul", "float64 [2]"), p.attr("u", "label"));
        assertEquals(importedLabel("layer1/inner/J", "TestMul", "float64 [2]"), p.attr("layer1/inner/J", "label"));
        assertEquals(importedLabel(three.node().name(), "Const", "float64 []"), p.attr(three.node().name(), "label"));
        assertTrue(dot.contains("label=\"u\nTestMul\nfloat64 [2]\""), dot);

        assertEquals(List.of(Map.of("label", "float64 [2]", "class", "data", "fontname", "Helvetica")),
                p.edges("b", "u"));
        assertEquals("float64 []", p.edges("a", "layer1/v").get(0).get("label"));
        // a feeds J through v by data, and directly by a dashed, unlabelled control edge.
        List<Map<String, String>> control = p.edges("a", "layer1/inner/J");
        assertEquals(1, control.size());
        assertEquals("dashed", control.get(0).get("style"));
        assertEquals("control", control.get(0).get("class"));
        assertFalse(control.get(0).containsKey("label"));
        // A plain picture marks no run roles.
        assertFalse(p.nodes().get("u").containsKey("class"));
        assertEquals(null, p.graphAttrs().get("label"));
    }

    @Test
    void edgesOfAMultiOutputNodeNameTheOutputAndParallelEdgesAreKept() {
        Node split = g.nodeBuilder("TestSplit").name("split").input(u).build();
        Node sum = g.nodeBuilder("TestAdd").name("sum").input(split.output(1)).input(split.output(1)).build();
        Parsed p = parse(GraphDot.toDot(g));

        assertEquals(importedLabel("split", "TestSplit", "0: float64 [2]", "1: float64 [2]"), p.attr("split", "label"));
        List<Map<String, String>> twice = p.edges("split", sum.name());
        assertEquals(2, twice.size());
        assertEquals(":1 float64 [2]", twice.get(0).get("label"));
        assertEquals(":1 float64 [2]", twice.get(1).get("label"));
    }

    @Test
    void runPictureMarksFedFetchedAndPrunedNodesAsThePlanRunsThem() {
        List<Output> feeds = List.of(a, u);
        List<Output> fetches = List.of(j);
        Parsed p = parse(GraphDot.toDot(g, feeds, fetches, List.of()));

        assertEquals(g.size(), p.graph().vertexSet().size());
        assertEquals(7, p.graph().edgeSet().size());
        assertEquals(Set.of("fed"), p.classes("a"));
        assertEquals(Set.of("fed"), p.classes("u"));
        assertEquals(Set.of("pruned"), p.classes("b"));
        assertEquals(Set.of("pruned"), p.classes("c"));
        assertEquals(Set.of("run"), p.classes("layer1/v"));
        assertEquals(Set.of("fetched", "run"), p.classes("layer1/inner/J"));

        assertEquals("dashed", p.attr("u", "style"));
        assertEquals("blue", p.attr("u", "color"));
        assertEquals(importedLabel("u", "TestMul", "float64 [2]", "(fed)"), p.attr("u", "label"));
        assertEquals("bold", p.attr("layer1/inner/J", "style"));
        assertEquals("2", p.attr("layer1/inner/J", "penwidth"));
        assertEquals("grey60", p.attr("b", "color"));
        assertEquals(importedLabel("b", "Placeholder", "float64 [2]", "(not run)"), p.attr("b", "label"));
        assertEquals("solid", p.attr("layer1/v", "style"));
        assertEquals("black", p.attr("layer1/v", "color"));

        // Edges into nodes that do not run are grey; edges carrying a fed value are blue.
        assertEquals("data pruned", p.edges("b", "u").get(0).get("class"));
        assertEquals("grey60", p.edges("b", "u").get(0).get("color"));
        assertEquals("data fed", p.edges("u", "layer1/v").get(0).get("class"));
        assertEquals("blue", p.edges("a", "layer1/v").get(0).get("color"));
        assertEquals("data", p.edges(three.node().name(), "layer1/inner/J").get(0).get("class"));
        // The run need not wait for the fed placeholder a.
        assertEquals("control pruned", p.edges("a", "layer1/inner/J").get(0).get("class"));
        assertEquals(importedLabel("run: 3 of 7 nodes", "fed: a:0, u:0", "fetched: layer1/inner/J:0"),
                p.graphAttrs().get("label"));

        // The nodes drawn as run are exactly those the session's plan executes.
        Set<String> planned = Plan.compile(g, feeds, fetches, List.of()).nodes().stream().map(Node::name)
                .collect(Collectors.toSet());
        Set<String> drawnRun = p.nodes().keySet().stream().filter(n -> p.classes(n).contains("run"))
                .collect(Collectors.toSet());
        assertEquals(planned, drawnRun);
    }

    @Test
    void aControlDependencyKeepsAFedNodeRunningAndThePictureShowsWhatItThenNeeds() {
        g.addControlInput(j.node(), u.node());
        List<Output> feeds = List.of(a, u);
        Parsed p = parse(GraphDot.toDot(g, feeds, List.of(j), List.of()));

        // J waits for u itself, so u runs although its value is fed, and then u needs b and c.
        assertEquals(Set.of("fed", "run"), p.classes("u"));
        assertEquals(Set.of("run", "unfed"), p.classes("b"));
        assertEquals(Set.of("run", "unfed"), p.classes("c"));
        assertEquals("control", p.edges("u", "layer1/inner/J").get(0).get("class"));
        // The session refuses that run for the same reason.
        assertThrowsWithMessage(InvalidRunException.class,
                () -> Plan.compile(g, feeds, List.of(j), List.of()), "Placeholder 'b'", "must be fed");
    }

    @Test
    void runPictureShowsTargetsAndPlaceholdersThatTheRunNeedsButNobodyFeeds() {
        Node target = g.nodeBuilder("TestAdd").name("step").input(u).input(u).build();
        Parsed p = parse(GraphDot.toDot(g, List.of(), List.of(), List.of(target)));

        assertEquals(Set.of("target", "run"), p.classes("step"));
        assertEquals("bold", p.attr("step", "style"));
        assertEquals(Set.of("run", "unfed"), p.classes("b"));
        assertEquals("red", p.attr("b", "color"));
        assertEquals(importedLabel("b", "Placeholder", "float64 [2]", "(not fed: the run fails)"), p.attr("b", "label"));
        assertEquals(Set.of("pruned"), p.classes("a"));
        assertEquals(Set.of("pruned"), p.classes("layer1/inner/J"));
        assertEquals(importedLabel("run: 4 of 8 nodes", "fed: none", "fetched: none", "targets: step"),
                p.graphAttrs().get("label"));
    }

    @Test
    void aFetchThatIsAlsoFedIsDrawnFedAndFetchedAndRunsNothing() {
        Parsed p = parse(GraphDot.toDot(g, List.of(v), List.of(v), List.of()));

        assertEquals(Set.of("fed", "fetched"), p.classes("layer1/v"));
        assertEquals("dashed,bold", p.attr("layer1/v", "style"));
        for (String name : List.of("a", "b", "c", "u", "layer1/inner/J")) {
            assertEquals(Set.of("pruned"), p.classes(name), name);
        }
    }

    @Test
    void runPictureRefusesOutputsAndNodesOfAnotherGraph() {
        try (Graph other = new Graph(TestOps.REGISTRY)) {
            Output x = TestOps.placeholder(other, "x", DType.FLOAT64, Shape.scalar());
            assertThrowsWithMessage(IllegalArgumentException.class,
                    () -> GraphDot.toDot(g, List.of(x), List.of(j), List.of()), "feed x:0", "another graph");
            assertThrowsWithMessage(IllegalArgumentException.class,
                    () -> GraphDot.toDot(g, List.of(), List.of(x), List.of()), "fetch x:0", "another graph");
            assertThrowsWithMessage(IllegalArgumentException.class,
                    () -> GraphDot.toDot(g, List.of(), List.of(), List.of(x.node())), "target x", "another graph");
        }
    }

    @Test
    void scopesBecomeNestedClusters() {
        Output w = g.nodeBuilder("TestAdd").name("layer2/w").input(v).input(v).build().output(0);
        String dot = GraphDot.toDot(g);

        int layer1 = dot.indexOf("subgraph \"cluster_layer1\" {");
        int inner = dot.indexOf("subgraph \"cluster_layer1/inner\" {");
        int layer2 = dot.indexOf("subgraph \"cluster_layer2\" {");
        assertTrue(layer1 >= 0 && inner > layer1 && layer2 > inner, dot);
        String layer1Block = dot.substring(layer1, layer2);
        assertTrue(layer1Block.contains("\"layer1/v\";"), layer1Block);
        assertTrue(layer1Block.contains("\"layer1/inner/J\";"), layer1Block);
        assertTrue(dot.substring(inner, layer2).contains("label=\"layer1/inner\";"), dot);
        assertTrue(dot.substring(layer2).contains("\"" + w.node().name() + "\";"), dot);
        assertFalse(dot.contains("cluster_u"), dot);
        // Naming a node again inside a cluster adds no vertex.
        assertEquals(g.size(), parse(dot).graph().vertexSet().size());
    }

    @Test
    void oddNamesAndOpTypesAreEscaped() {
        List<String> names = List.of("node", "graph", "edge", "subgraph", "strict", "digraph", "0.5", "1x",
                "a-b/c.d", "scope.1/x-y_z");
        Output prev = a;
        for (String name : names) {
            prev = g.nodeBuilder("TestAdd").name(name).input(prev).input(a).build().output(0);
        }
        g.nodeBuilder(ODD_TYPE_OP.type()).name("odd").input(prev).build();
        String dot = GraphDot.toDot(g);
        Parsed p = parse(dot);

        for (String name : names) {
            assertTrue(p.graph().containsVertex(name), name);
            assertEquals(importedLabel(name, "TestAdd", "float64 []"), p.attr(name, "label"));
        }
        assertTrue(dot.contains("\"a-b/c.d\""), dot);
        assertTrue(dot.contains("\"cluster_a-b\""), dot);
        assertTrue(dot.contains("label=\"odd\nOdd\\\"Type\\\\\nfloat64 []\""), dot);
        assertEquals(importedLabel("odd", "Odd\"Type\\", "float64 []"), p.attr("odd", "label"));
        assertEquals(g.size(), p.graph().vertexSet().size());
    }

    @Test
    void quoteEscapesQuotesBackslashesAndLineBreaks() {
        assertEquals("\"plain\"", GraphDot.quote("plain"));
        assertEquals("\"say \\\"hi\\\"\"", GraphDot.quote("say \"hi\""));
        assertEquals("\"a\\\\b\"", GraphDot.quote("a\\b"));
        assertEquals("\"one\ntwo\"", GraphDot.quote("one\r\ntwo"));
    }

    @Test
    void rendersAPng(@TempDir Path dir) throws IOException {
        assumeTrue(GraphDot.isDotInstalled(), "Graphviz 'dot' is not installed");
        Path png = dir.resolve("pictures/graph.png");
        String dot = GraphDot.toDot(g, List.of(a, u), List.of(j), List.of());

        assertEquals(png, GraphDot.render(dot, png));
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 100, "PNG of " + bytes.length + " bytes");
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        assertArrayEquals(signature, Arrays.copyOf(bytes, 8));
    }

    @Test
    void rendersAnSvgThatKeepsNamesClustersAndRoles(@TempDir Path dir) throws IOException {
        assumeTrue(GraphDot.isDotInstalled(), "Graphviz 'dot' is not installed");
        g.nodeBuilder("TestAdd").name("node").input(a).input(a).build();
        g.nodeBuilder("TestAdd").name("0.5").input(a).input(a).build();
        Path svg = dir.resolve("graph.SVG");

        GraphDot.render(GraphDot.toDot(g, List.of(a, u), List.of(j), List.of()), svg);
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(text.contains("<svg"), text);
        // Graphviz writes each node's and cluster's name as its SVG title.
        for (String title : List.of("node", "0.5", "layer1/v", "layer1/inner/J", "cluster_layer1",
                "cluster_layer1/inner")) {
            assertTrue(text.contains("<title>" + title + "</title>"), title + " in\n" + text);
        }
        assertTrue(text.contains("class=\"node fed\""), text);
        assertTrue(text.contains("class=\"node pruned\""), text);
        assertTrue(text.contains("class=\"cluster scope\""), text);
    }

    @Test
    void renderSaysWhatDotRefuses(@TempDir Path dir) {
        assumeTrue(GraphDot.isDotInstalled(), "Graphviz 'dot' is not installed");
        assertThrowsWithMessage(IllegalArgumentException.class,
                () -> GraphDot.render("digraph { a -> }", dir.resolve("bad.png")), "refused the DOT text", "syntax");
    }

    @Test
    void renderWithoutDotSaysToInstallGraphviz(@TempDir Path dir) {
        Path out = dir.resolve("graph.png");
        assertFalse(GraphDot.isInstalled("flowgraph-no-such-dot-program"));
        assertThrowsWithMessage(IllegalStateException.class,
                () -> GraphDot.render(GraphDot.toDot(g), out, Duration.ofSeconds(10), "flowgraph-no-such-dot-program"),
                "flowgraph-no-such-dot-program", "install graphviz (apt-get install graphviz)");
        assertFalse(Files.exists(out));
    }

    @Test
    void renderKillsDotThatRunsPastItsTimeout(@TempDir Path dir) throws IOException {
        Path slow = dir.resolve("slow-dot.sh");
        Files.writeString(slow, "#!/bin/sh\nexec sleep 30\n");
        assumeTrue(slow.toFile().setExecutable(true) && Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        long start = System.nanoTime();
        assertThrowsWithMessage(IllegalStateException.class,
                () -> GraphDot.render("digraph {}", dir.resolve("g.png"), Duration.ofMillis(300), slow.toString()),
                "did not finish within 300 ms");
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20), "waited for the whole sleep");
    }

    @Test
    void renderRefusesOtherFormatsAndBadArguments(@TempDir Path dir) {
        String dot = GraphDot.toDot(g);
        assertThrowsWithMessage(IllegalArgumentException.class,
                () -> GraphDot.render(dot, dir.resolve("graph.pdf")), "graph.pdf", "must end in .png or .svg");
        assertThrowsWithMessage(IllegalArgumentException.class,
                () -> GraphDot.render(dot, dir.resolve("g.png"), Duration.ZERO), "timeout must be positive");
        assertThrows(NullPointerException.class, () -> GraphDot.render(null, dir.resolve("g.png")));
    }

    @Test
    void aLargerGraphKeepsItsSizeThroughTheRoundTrip() {
        Output x = a;
        Set<String> expected = new HashSet<>(g.nodes().stream().map(Node::name).toList());
        for (int i = 0; i < 200; i++) {
            x = g.nodeBuilder("TestAdd").name("chain/step_" + i).input(x).input(a).build().output(0);
            expected.add("chain/step_" + i);
        }
        Parsed p = parse(GraphDot.toDot(g));
        assertEquals(expected, p.graph().vertexSet());
        assertEquals(7 + 400, p.graph().edgeSet().size());
    }
}
