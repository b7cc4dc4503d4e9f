package dev.flowgraph.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.GraphBuildException;
import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.TestOps;
import dev.flowgraph.UnknownOpException;
import dev.flowgraph.spi.Attrs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests of {@link GraphIO}: round trips of every attribute kind, the JSON layout, and each refusal. */
class GraphIOTest {
    @TempDir
    Path dir;

    // ---------------------------------------------------------------- helpers

    static byte[] save(Graph g) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GraphIO.save(g, out);
        return out.toByteArray();
    }

    static Graph load(byte[] bytes) throws IOException {
        return GraphIO.load(new ByteArrayInputStream(bytes), TestOps.REGISTRY);
    }

    /** A zip holding the given entries, in order. */
    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
            }
        }
        return out.toByteArray();
    }

    static byte[] zipJson(String json) throws IOException {
        return zip(Map.of(GraphIO.GRAPH_ENTRY, json.getBytes(StandardCharsets.UTF_8)));
    }

    /** graph.json with the given nodes (a JSON array's contents). */
    static String graphJson(String nodes) {
        return "{\"format\": \"flowgraph.graph\", \"version\": 1, \"nodes\": [" + nodes + "]}";
    }

    static String placeholderJson(String name) {
        return "{\"name\": \"" + name + "\", \"op\": \"Placeholder\", \"inputs\": [], \"controlInputs\": [], "
                + "\"attrs\": {\"dtype\": {\"type\": \"dtype\", \"value\": \"float64\"}, "
                + "\"shape\": {\"type\": \"shape\", \"value\": [2]}}, "
                + "\"outputs\": [{\"dtype\": \"float64\", \"shape\": [2]}]}";
    }

    static String addJson(String name, String a, String b) {
        return "{\"name\": \"" + name + "\", \"op\": \"TestAdd\", \"inputs\": [\"" + a + "\", \"" + b + "\"], "
                + "\"controlInputs\": [], \"attrs\": {}, \"outputs\": [{\"dtype\": \"float64\", \"shape\": [2]}]}";
    }

    private static GraphFormatException refused(byte[] bytes, String... parts) {
        GraphFormatException e = assertThrows(GraphFormatException.class, () -> load(bytes));
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message should contain '" + p + "' but was: " + e.getMessage());
        }
        return e;
    }

    /** A graph with every attribute kind, tensors inline and in files, control inputs and two outputs. */
    static Graph everyKind() {
        Graph g = new Graph(TestOps.REGISTRY);
        Output x = TestOps.placeholder(g, "x", DType.FLOAT64, Shape.of(2));
        TestOps.placeholder(g, "anyRank", DType.FLOAT32, Shape.unknown());
        TestOps.placeholder(g, "batch", DType.INT64, Shape.of(-1, 3));
        Output small = TestOps.constant(g, Tensor.vector(1.5, -0.0));
        double[] big = new double[40];
        Arrays.setAll(big, i -> i / 3.0);
        TestOps.constant(g, Tensor.of(big, Shape.of(5, 8)));
        g.nodeBuilder("Const").name("weird")
                .attr("value", Tensor.of(new float[] {Float.NaN, Float.intBitsToFloat(0x7fc0_0001), -0.0f,
                        Float.NEGATIVE_INFINITY, 0.1f, Float.MIN_VALUE}, Shape.of(2, 3))).build();
        g.nodeBuilder("Const").name("ints").attr("value", Tensor.vector(Integer.MIN_VALUE, 7)).build();
        g.nodeBuilder("Const").name("longs").attr("value", Tensor.of(new long[20], Shape.of(4, 5))).build();
        g.nodeBuilder("Const").name("flags").attr("value", Tensor.vector(true, false)).build();
        g.nodeBuilder("Const").name("empty").attr("value", Tensor.zeros(DType.FLOAT32, Shape.of(0, 2))).build();
        Output sum = g.nodeBuilder("TestAdd").name("sum").input(x).input(small).build().output(0);
        Node split = g.nodeBuilder("TestSplit").name("split").input(sum).build();
        Node rec = g.nodeBuilder("TestRecord").name("scope/rec").input(split.output(1))
                .attr("cost", 5L).attr("flag", true).attr("nan", Double.longBitsToDouble(0x7ff0_0000_0000_0abcL))
                .attr("negZero", -0.0).attr("inf", Double.NEGATIVE_INFINITY).attr("third", 1.0 / 3)
                .attr("label", "héllo \"quoted\"\n").attr("axes", new long[] {-1, 0, Long.MAX_VALUE})
                .attr("noAxes", new long[0]).attr("dtype", DType.BOOL).attr("shape", Shape.of(-1, 0, 7))
                .attr("unknownShape", Shape.unknown()).attr("scalarShape", Shape.scalar())
                .controlInput(g.node("weird")).build();
        Node last = g.nodeBuilder("TestMul").name("last").input(rec.output(0)).input(split.output(0)).build();
        // Added after 'last' exists, pointing from an earlier node to a later one: saving must
        // write 'last' before 'first'.
        Node first = g.nodeBuilder("TestRecord").name("first").input(x).build();
        g.addControlInput(first, last);
        return g;
    }

    // ---------------------------------------------------------------- round trips

    @Test
    void roundTripKeepsEveryNodeAndEveryAttributeBitForBit() throws IOException {
        try (Graph g = everyKind()) {
            Path file = dir.resolve("g.fgraph");
            GraphIO.save(g, file);
            try (Graph back = GraphIO.load(file, TestOps.REGISTRY)) {
                assertEquals(g.size(), back.size());
                for (Node n : g.nodes()) {
                    Node m = back.node(n.name());
                    assertEquals(n.opType(), m.opType());
                    assertEquals(names(n.inputs()), names(m.inputs()));
                    assertEquals(n.controlInputs().stream().map(Node::name).toList(),
                            m.controlInputs().stream().map(Node::name).toList());
                    assertEquals(n.outputs().stream().map(Output::spec).toList(),
                            m.outputs().stream().map(Output::spec).toList());
                    assertAttrsBitIdentical(n.attrs(), m.attrs());
                }
                Attrs rec = back.node("scope/rec").attrs();
                assertEquals(0x7ff0_0000_0000_0abcL, Double.doubleToRawLongBits(rec.getDouble("nan")));
                assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(rec.getDouble("negZero")));
                assertEquals(1.0 / 3, rec.getDouble("third"));
                assertEquals("héllo \"quoted\"\n", rec.getString("label"));
                assertArrayEquals(new long[] {-1, 0, Long.MAX_VALUE}, rec.getLongArray("axes"));
                assertEquals(Shape.unknown(), rec.getShape("unknownShape"));
                assertEquals(DType.BOOL, rec.getDType("dtype"));

                try (Session s1 = new Session(g, 1); Session s2 = new Session(back, 1)) {
                    Tensor feed = Tensor.vector(2.0, 3.0);
                    Tensor a = s1.runner().feed("x", feed).fetch("last").fetch("split:1").run().get("last");
                    Tensor b = s2.runner().feed("x", feed).fetch("last").fetch("split:1").run().get("last");
                    // last = 2(x + small) * (x + small) with small = [1.5, -0.0]: [2*3.5*3.5, 2*3*3] = [24.5, 18].
                    assertEquals(Tensor.vector(24.5, 18.0), a);
                    assertEquals(a, b);
                }
            }
        }
    }

    @Test
    void savingALoadedGraphGivesTheSameBytes() throws IOException {
        try (Graph g = everyKind()) {
            byte[] once = save(g);
            assertArrayEquals(once, save(g));
            try (Graph back = load(once)) {
                assertArrayEquals(once, save(back));
            }
        }
    }

    @Test
    void largeTensorsGoToNpyEntriesAndSmallOnesStayInline() throws IOException {
        try (Graph g = everyKind()) {
            Map<String, byte[]> entries = ZipEntries.readAll(new ByteArrayInputStream(save(g)), "test",
                    IllegalStateException::new);
            // The two constants above 16 elements (40 doubles, 20 longs), in node order.
            assertEquals(List.of("graph.json", "constants/0.npy", "constants/1.npy"), List.copyOf(entries.keySet()));
            assertEquals(Tensor.of(new long[20], Shape.of(4, 5)),
                    Npy.read(new ByteArrayInputStream(entries.get("constants/1.npy"))));
        }
    }

    @Test
    void graphJsonIsReadable() throws IOException {
        try (Graph g = new Graph(TestOps.REGISTRY)) {
            Output x = TestOps.placeholder(g, "x", DType.FLOAT64, Shape.of(-1));
            Output two = g.nodeBuilder("Const").name("two").attr("value", Tensor.scalar(2.0)).build().output(0);
            g.nodeBuilder("TestMul").name("y").input(x).input(two).build();
            Map<String, byte[]> entries = ZipEntries.readAll(new ByteArrayInputStream(save(g)), "test",
                    IllegalStateException::new);
            String expected = String.join("\n",
                    "{",
                    "  \"format\" : \"flowgraph.graph\",",
                    "  \"version\" : 1,",
                    "  \"nodes\" : [ {",
                    "    \"name\" : \"x\",",
                    "    \"op\" : \"Placeholder\",",
                    "    \"inputs\" : [ ],",
                    "    \"controlInputs\" : [ ],",
                    "    \"attrs\" : {",
                    "      \"dtype\" : {",
                    "        \"type\" : \"dtype\",",
                    "        \"value\" : \"float64\"",
                    "      },",
                    "      \"shape\" : {",
                    "        \"type\" : \"shape\",",
                    "        \"value\" : [ -1 ]",
                    "      }",
                    "    },",
                    "    \"outputs\" : [ {",
                    "      \"dtype\" : \"float64\",",
                    "      \"shape\" : [ -1 ]",
                    "    } ]",
                    "  }, {",
                    "    \"name\" : \"two\",",
                    "    \"op\" : \"Const\",",
                    "    \"inputs\" : [ ],",
                    "    \"controlInputs\" : [ ],",
                    "    \"attrs\" : {",
                    "      \"value\" : {",
                    "        \"type\" : \"tensor\",",
                    "        \"dtype\" : \"float64\",",
                    "        \"shape\" : [ ],",
                    "        \"values\" : [ 2.0 ]",
                    "      }",
                    "    },",
                    "    \"outputs\" : [ {",
                    "      \"dtype\" : \"float64\",",
                    "      \"shape\" : [ ]",
                    "    } ]",
                    "  }, {",
                    "    \"name\" : \"y\",",
                    "    \"op\" : \"TestMul\",",
                    "    \"inputs\" : [ \"x:0\", \"two:0\" ],",
                    "    \"controlInputs\" : [ ],",
                    "    \"attrs\" : { },",
                    "    \"outputs\" : [ {",
                    "      \"dtype\" : \"float64\",",
                    "      \"shape\" : [ -1 ]",
                    "    } ]",
                    "  } ]",
                    "}");
            assertEquals(expected, new String(entries.get("graph.json"), StandardCharsets.UTF_8));
        }
    }

    @Test
    void handWrittenJsonLoads() throws IOException {
        String json = graphJson(placeholderJson("a") + ", " + placeholderJson("b") + ", " + addJson("c", "a", "b:0"));
        try (Graph g = load(zipJson(json)); Session s = new Session(g, 1)) {
            Tensor c = s.runner().feed("a", Tensor.vector(1.0, 2.0)).feed("b", Tensor.vector(10.0, 20.0))
                    .fetch("c").run().get("c");
            assertEquals(Tensor.vector(11.0, 22.0), c);
        }
    }

    // ---------------------------------------------------------------- refusals: the container

    @Test
    void refusesAFileThatIsNotAZip() throws IOException {
        Path file = dir.resolve("g.fgraph");
        Files.writeString(file, graphJson(""));
        GraphFormatException e = assertThrows(GraphFormatException.class, () -> GraphIO.load(file));
        assertEquals(file + ": not a zip file (expected it to start with the bytes PK\\x03\\x04)", e.getMessage());
    }

    @Test
    void refusesATruncatedFile() throws IOException {
        try (Graph g = everyKind()) {
            byte[] whole = save(g);
            for (int length : new int[] {whole.length - 1, whole.length / 2, 100}) {
                refused(Arrays.copyOf(whole, length), "stream: truncated zip file: "
                        + "its end-of-central-directory record is missing (" + length + " bytes read)");
            }
        }
    }

    @Test
    void refusesACorruptedFile() throws IOException {
        try (Graph g = everyKind()) {
            byte[] bytes = save(g);
            // graph.json is the first entry, deflated; its data starts after a 30-byte header and the name.
            for (int i = 45; i < 60; i++) {
                bytes[i] ^= (byte) 0x5A;
            }
            refused(bytes, "stream: damaged zip file: ");
        }
    }

    @Test
    void refusesAZipWithoutGraphJson() throws IOException {
        refused(zip(Map.of("model.json", new byte[] {'{', '}'})),
                "stream: no graph.json entry (found [model.json]); is this a saved Flowgraph graph?");
    }

    // ---------------------------------------------------------------- refusals: the JSON

    @Test
    void refusesMalformedJsonSayingWhere() throws IOException {
        GraphFormatException e = refused(zipJson("{\"format\": \"flowgraph.graph\",\n \"version\": 1,\n \"nodes\": [}"),
                "stream: graph.json: malformed JSON at line 3, column 12: Unexpected close marker '}'");
        assertInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class, e.getCause());
        refused(zipJson("[1, 2]"), "graph.json: expected a JSON object at the top level, found array [1,2]");
    }

    @Test
    void refusesAnUnknownFormat() throws IOException {
        refused(zipJson("{\"format\": \"tf.graphdef\", \"version\": 1, \"nodes\": []}"),
                "stream: graph.json: unknown format 'tf.graphdef' (expected 'flowgraph.graph')");
    }

    @Test
    void refusesAnUnknownVersionNamingTheSupportedOne() throws IOException {
        refused(zipJson("{\"format\": \"flowgraph.graph\", \"version\": 2, \"nodes\": []}"),
                "stream: graph.json: unsupported version 2 (this build reads version 1)");
    }

    @Test
    void refusesMissingAndUnexpectedFields() throws IOException {
        refused(zipJson("{\"format\": \"flowgraph.graph\", \"nodes\": []}"), "graph.json: missing field 'version'");
        refused(zipJson(graphJson(placeholderJson("a").replace("\"op\": \"Placeholder\", ", ""))),
                "graph.json node #0 'a': missing field 'op'");
        refused(zipJson(graphJson(placeholderJson("a").replace("\"inputs\"", "\"imputs\""))),
                "graph.json node #0 'a': unexpected field 'imputs' (expected [attrs, controlInputs, inputs, name, op, "
                        + "outputs])");
        refused(zipJson(graphJson(placeholderJson("a").replace("\"outputs\": [{\"dtype\": \"float64\", ", "\"outputs\": [{"))),
                "graph.json node #0 'a' (op Placeholder): output: missing field 'dtype'");
    }

    @Test
    void refusesAnUnknownOpTypeWithSuggestions() throws IOException {
        GraphFormatException e = refused(zipJson(graphJson(placeholderJson("a") + ", "
                + addJson("c", "a", "a").replace("TestAdd", "TestAd"))),
                "graph.json node #1 'c' (op TestAd): Unknown op type 'TestAd'. Did you mean 'TestAdd'");
        assertInstanceOf(UnknownOpException.class, e.getCause());
    }

    @Test
    void refusesAnInputNamingNoNodeWithSuggestions() throws IOException {
        refused(zipJson(graphJson(placeholderJson("alpha") + ", " + addJson("c", "alpha", "alpah:0"))),
                "graph.json node #1 'c' (op TestAdd): input 'alpah:0': The graph has no node named 'alpah'. "
                        + "Did you mean 'alpha'?");
        refused(zipJson(graphJson(placeholderJson("a") + ", " + addJson("c", "a", "a:3"))),
                "input 'a:3': Node 'a' (op Placeholder; no inputs) has 1 output; 'a:3' does not exist");
    }

    @Test
    void refusesForwardReferencesAndCycles() throws IOException {
        refused(zipJson(graphJson(placeholderJson("a") + ", " + addJson("c", "a", "b") + ", " + placeholderJson("b"))),
                "graph.json node #1 'c' (op TestAdd): input 'b' refers to node #2 'b', which comes later in the file: "
                        + "every node must come after its inputs (the file has a forward reference or a cycle)");
        // p reads q and q reads p: whichever comes first refers forward.
        refused(zipJson(graphJson(placeholderJson("a") + ", " + addJson("p", "a", "q:0") + ", "
                + addJson("q", "a", "p:0"))), "input 'q:0' refers to node #2 'q', which comes later in the file");
        refused(zipJson(graphJson(placeholderJson("a").replace("\"controlInputs\": []", "\"controlInputs\": [\"b\"]")
                + ", " + placeholderJson("b"))), "control input 'b' refers to node #1 'b', which comes later");
    }

    @Test
    void refusesDuplicateNames() throws IOException {
        refused(zipJson(graphJson(placeholderJson("a") + ", " + placeholderJson("a"))),
                "graph.json node #1 'a': duplicate name: node #0 is also named 'a'");
    }

    @Test
    void refusesAttributesTheOpRefusesWithTheNodeName() throws IOException {
        GraphFormatException e = refused(zipJson(graphJson(placeholderJson("a")
                .replace("{\"type\": \"shape\", \"value\": [2]}", "{\"type\": \"long\", \"value\": 2}"))),
                "graph.json node #0 'a' (op Placeholder): Cannot add 'a' (op Placeholder; no inputs): ",
                "attribute 'shape' is a Long, not a Shape");
        assertInstanceOf(GraphBuildException.class, e.getCause());
        refused(zipJson(graphJson(placeholderJson("a").replace("\"value\": [2]", "\"value\": [2.5]"))),
                "graph.json node #0 'a' (op Placeholder): attribute 'shape' (a shape: an array of dimensions, -1 where "
                        + "unknown, or \"unknown\"): expected an array of integers, found number 2.5 at index 0");
        refused(zipJson(graphJson(placeholderJson("a").replace("\"type\": \"dtype\"", "\"type\": \"enum\""))),
                "attribute 'dtype': unknown type 'enum' (expected one of bool, long, double, string, longs, dtype, "
                        + "shape, tensor)");
        refused(zipJson(graphJson(placeholderJson("a").replace("\"value\": \"float64\"", "\"value\": \"float16\""))),
                "attribute 'dtype': expected a dtype (float32, float64, int32, int64 or bool), found string \"float16\"");
    }

    @Test
    void refusesBadTensorAttributes() throws IOException {
        String constant = "{\"name\": \"k\", \"op\": \"Const\", \"inputs\": [], \"controlInputs\": [], \"attrs\": "
                + "{\"value\": {\"type\": \"tensor\", \"dtype\": \"float32\", \"shape\": [2], %s}}, "
                + "\"outputs\": [{\"dtype\": \"float32\", \"shape\": [2]}]}";
        refused(zipJson(graphJson(String.format(constant, "\"values\": [1.0]"))),
                "graph.json node #0 'k' (op Const): attribute 'value': expected 'values' to be an array of 2 elements "
                        + "for shape [2], found 1 elements");
        refused(zipJson(graphJson(String.format(constant, "\"values\": [1.0, \"one\"]"))),
                "attribute 'value': value 1 is string \"one\", not a float32");
        refused(zipJson(graphJson(String.format(constant, "\"file\": \"constants/0.npy\""))),
                "attribute 'value': the zip has no entry 'constants/0.npy'");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("graph.json", graphJson(String.format(constant, "\"file\": \"constants/0.npy\""))
                .getBytes(StandardCharsets.UTF_8));
        entries.put("constants/0.npy", Npy.toBytes(Tensor.vector(1.0, 2.0)));
        refused(zip(entries), "attribute 'value': the file constants/0.npy holds a float64[2] tensor but graph.json "
                + "says float32[2]");
        entries.put("constants/0.npy", Arrays.copyOf(Npy.toBytes(Tensor.vector(1f, 2f)), 130));
        refused(zip(entries), "attribute 'value': stream entry 'constants/0.npy': .npy data truncated: expected 8 bytes "
                + "for float32[2], found 2");
    }

    @Test
    void refusesRecordedOutputsThatDisagreeWithTheShapeRule() throws IOException {
        refused(zipJson(graphJson(placeholderJson("a") + ", "
                + addJson("c", "a", "a").replace("\"outputs\": [{\"dtype\": \"float64\", \"shape\": [2]}]",
                        "\"outputs\": [{\"dtype\": \"float64\", \"shape\": [3]}]"))),
                "graph.json node #1 'c' (op TestAdd): the file records outputs [float64[3]] but the op's shape rule "
                        + "infers [float64[2]] from the inputs [float64[2], float64[2]]");
        refused(zipJson(graphJson(placeholderJson("a") + ", " + addJson("c", "a", "a").replace(
                "\"outputs\": [{\"dtype\": \"float64\", \"shape\": [2]}]", "\"outputs\": []"))),
                "the file records outputs [] but the op's shape rule infers [float64[2]]");
    }

    // ---------------------------------------------------------------- helpers for comparing

    private static List<String> names(List<Output> outputs) {
        return outputs.stream().map(Output::name).toList();
    }

    /** Attrs.equals compares NaNs by value; a saved graph must keep their bits too. */
    private static void assertAttrsBitIdentical(Attrs a, Attrs b) {
        assertEquals(a, b);
        for (String name : a.names()) {
            Object x = a.asMap().get(name);
            Object y = b.asMap().get(name);
            if (x instanceof Tensor) {
                assertArrayEquals(Npy.toBytes((Tensor) x), Npy.toBytes((Tensor) y), name);
            } else if (x instanceof Double) {
                assertEquals(Double.doubleToRawLongBits((Double) x), Double.doubleToRawLongBits((Double) y), name);
            }
        }
    }
}
