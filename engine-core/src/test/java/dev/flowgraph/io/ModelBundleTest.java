package dev.flowgraph.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flowgraph.DType;
import dev.flowgraph.FlowgraphException;
import dev.flowgraph.Graph;
import dev.flowgraph.InvalidRunException;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests of {@link ModelBundle} and {@link Signature} on a graph of builtin nodes: a placeholder
 * {@code x}, a variable {@code w} and a 20-element constant {@code table} (large enough to go to a
 * {@code constants/} entry). engine-examples' SavedModelTest runs a real model in a fresh JVM.
 */
class ModelBundleTest {
    @TempDir
    Path dir;

    private Graph graph;
    private Session session;
    private static final Tensor W = Tensor.of(new double[] {Double.longBitsToDouble(0x7ff0000000000abcL), -0.0},
            Shape.of(2));
    private static final Signature SERVE = new Signature("serve", Map.of("x", "x"),
            new LinkedHashMap<>(Map.of("w", "w")));

    @BeforeEach
    void setUp() {
        graph = new Graph();
        graph.nodeBuilder("Placeholder").name("x").attr("dtype", DType.FLOAT64).attr("shape", Shape.of(-1)).build();
        graph.nodeBuilder("Variable").name("w").attr("dtype", DType.FLOAT64).attr("shape", Shape.of(2)).build();
        graph.nodeBuilder("Const").name("table").attr("value", Tensor.of(new double[20], Shape.of(20))).build();
        session = new Session(graph, 1);
        session.restoreVariables(Map.of("w", W));
    }

    @AfterEach
    void tearDown() {
        session.close();
        graph.close();
    }

    private static Signature echo() {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("weights", "w:0");
        outputs.put("same", "x");
        return new Signature("echo", Map.of("input", "x:0"), outputs);
    }

    private byte[] bundle() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelBundle.save(out, session, SERVE, echo());
        return out.toByteArray();
    }

    /** The bundle with one entry replaced ({@code edit} returns null to drop it). */
    private byte[] edited(String entry, UnaryOperator<byte[]> edit) throws IOException {
        Map<String, byte[]> entries = ZipEntries.readAll(new ByteArrayInputStream(bundle()), "test",
                IllegalStateException::new);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                byte[] bytes = e.getKey().equals(entry) ? edit.apply(e.getValue()) : e.getValue();
                if (bytes != null) {
                    ZipEntries.putStored(zip, e.getKey(), bytes);
                }
            }
        }
        return out.toByteArray();
    }

    private static UnaryOperator<byte[]> replacing(String from, String to) {
        return b -> {
            String text = new String(b, StandardCharsets.UTF_8);
            assertFalse(text.equals(text.replace(from, to)), "the edit must change the entry");
            return text.replace(from, to).getBytes(StandardCharsets.UTF_8);
        };
    }

    private static byte[] npz(Map<String, Tensor> tensors) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Npz.write(tensors, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String refused(byte[] bytes) {
        return assertThrows(GraphFormatException.class, () -> ModelBundle.load(new ByteArrayInputStream(bytes)))
                .getMessage();
    }

    @Test
    void roundTripRunsEachSignatureBitExactly() throws IOException {
        Path file = dir.resolve("model.fgbundle");
        ModelBundle.save(file, session, SERVE, echo());
        try (ModelBundle b = ModelBundle.load(file)) {
            assertEquals(List.of("serve", "echo"), List.copyOf(b.signatures().keySet()));
            assertEquals(Map.of("input", "x:0"), b.signatures().get("echo").inputs());
            assertEquals(List.of("weights", "same"), List.copyOf(b.signatures().get("echo").outputs().keySet()));
            assertEquals(List.of("w:0", "x:0"), List.copyOf(b.signatures().get("echo").outputs().values()));
            Map<String, Tensor> out = b.run("echo", Map.of("input", Tensor.vector(1.5, 2.5)));
            assertEquals(List.of("weights", "same"), List.copyOf(out.keySet()));
            assertArrayEquals(Npy.toBytes(W), Npy.toBytes(out.get("weights")));
            assertEquals(Tensor.vector(1.5, 2.5), out.get("same"));
            assertEquals(3, b.graph().size());
            assertEquals(List.of(), b.session().uninitializedVariables());
        }
    }

    @Test
    void theFileHoldsTheDocumentedEntries() throws IOException {
        Map<String, byte[]> entries = ZipEntries.readAll(new ByteArrayInputStream(bundle()), "test",
                IllegalStateException::new);
        assertEquals(List.of("manifest.json", "graph.json", "constants/0.npy", "variables.npz", "signatures.json"),
                List.copyOf(entries.keySet()));
        assertEquals("{\n  \"format\" : \"flowgraph.bundle\",\n  \"version\" : 1\n}",
                new String(entries.get("manifest.json"), StandardCharsets.UTF_8));
        assertEquals("{\n  \"serve\" : {\n    \"inputs\" : {\n      \"x\" : \"x:0\"\n    },\n    \"outputs\" : {\n"
                + "      \"w\" : \"w:0\"\n    }\n  },\n  \"echo\" : {\n    \"inputs\" : {\n      \"input\" : \"x:0\"\n"
                + "    },\n    \"outputs\" : {\n      \"weights\" : \"w:0\",\n      \"same\" : \"x:0\"\n    }\n  }\n}",
                new String(entries.get("signatures.json"), StandardCharsets.UTF_8));
        assertArrayEquals(Npy.toBytes(W), Npy.toBytes(Npz.read(new ByteArrayInputStream(entries.get("variables.npz")))
                .get("w")));
        // Saving twice gives the same bytes.
        assertArrayEquals(bundle(), bundle());
    }

    @Test
    void saveRefusesAnInputThatIsNotAPlaceholderAndWritesNothing() {
        Path file = dir.resolve("model.fgbundle");
        FlowgraphException e = assertThrows(FlowgraphException.class, () -> ModelBundle.save(file, session,
                new Signature("serve", Map.of("x", "w"), Map.of("y", "x"))));
        assertEquals("Cannot save the model bundle: signature 'serve' input 'x': 'w:0' is the output of a Variable"
                + " node, not of a placeholder", e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void saveRefusesAnUnknownNodeWithSuggestions() {
        FlowgraphException e = assertThrows(FlowgraphException.class, () -> ModelBundle.save(
                new ByteArrayOutputStream(), session, new Signature("serve", Map.of(), Map.of("y", "tabel"))));
        assertEquals("Cannot save the model bundle: signature 'serve' output 'y': The graph has no node named"
                + " 'tabel'. Did you mean 'table'?", e.getMessage());
    }

    @Test
    void saveRefusesTwoSignaturesOfOneName() {
        FlowgraphException e = assertThrows(FlowgraphException.class, () -> ModelBundle.save(
                new ByteArrayOutputStream(), session, SERVE, SERVE));
        assertEquals("Cannot save the model bundle: two signatures are named 'serve'", e.getMessage());
    }

    @Test
    void saveRefusesUninitialisedVariables() {
        graph.nodeBuilder("Variable").name("v").attr("dtype", DType.INT32).attr("shape", Shape.scalar()).build();
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> ModelBundle.save(new ByteArrayOutputStream(), session, SERVE));
        assertEquals("Cannot save a checkpoint: 'v' has no value in this session; run the initializers"
                + " (e.g. tf.initAllVariables()) or restore a checkpoint first; nothing was written", e.getMessage());
    }

    @Test
    void signaturesRefuseEmptyNamesAndNoOutputs() {
        assertEquals("signature 'serve' has no outputs", assertThrows(IllegalArgumentException.class,
                () -> new Signature("serve", Map.of(), Map.of())).getMessage());
        assertEquals("a signature needs a non-empty name", assertThrows(IllegalArgumentException.class,
                () -> new Signature("", Map.of(), Map.of("y", "x"))).getMessage());
    }

    @Test
    void loadRefusesAnUnknownFormatOrVersion() throws IOException {
        assertEquals("stream: manifest.json: unknown format 'flowgraph.graph' (expected 'flowgraph.bundle')",
                refused(edited("manifest.json", replacing("flowgraph.bundle", "flowgraph.graph"))));
        assertEquals("stream: manifest.json: unsupported version 2 (this build reads version 1)",
                refused(edited("manifest.json", replacing("1", "2"))));
        assertEquals("stream: manifest.json: expected an object with exactly the fields 'format' and 'version',"
                + " found {\"format\":\"flowgraph.bundle\",\"versoin\":1}",
                refused(edited("manifest.json", replacing("version", "versoin"))));
    }

    @Test
    void loadRefusesMissingEntries() throws IOException {
        ByteArrayOutputStream graphOnly = new ByteArrayOutputStream();
        GraphIO.save(graph, graphOnly);
        assertEquals("stream: no manifest.json entry (found [graph.json, constants/0.npy]); is this a Flowgraph model"
                + " bundle? (a graph saved alone loads with GraphIO.load)", refused(graphOnly.toByteArray()));
        assertEquals("stream: no variables.npz entry (found [manifest.json, graph.json, constants/0.npy,"
                + " signatures.json])", refused(edited("variables.npz", b -> null)));
        assertEquals("stream: no signatures.json entry (found [manifest.json, graph.json, constants/0.npy,"
                + " variables.npz])", refused(edited("signatures.json", b -> null)));
        assertEquals("stream: graph.json node #2 'table' (op Const): attribute 'value': the zip has no entry"
                + " 'constants/0.npy'", refused(edited("constants/0.npy", b -> null)));
    }

    @Test
    void loadRefusesSignaturesThatDoNotFitTheGraph() throws IOException {
        assertEquals("stream: signatures.json: signature 'serve' input 'x': The graph has no node named 'xx'."
                + " Did you mean 'x'?", refused(edited("signatures.json", replacing("\"x:0\"", "\"xx:0\""))));
        assertEquals("stream: signatures.json: signature 'echo' input 'input': 'table:0' is the output of a Const"
                + " node, not of a placeholder",
                refused(edited("signatures.json", replacing("\"input\" : \"x:0\"", "\"input\" : \"table:0\""))));
        assertEquals("stream: signatures.json: signature 'serve': expected an object of names to \"node:index\""
                + " addresses, found {\"w\":1}", refused(edited("signatures.json", replacing("\"w:0\"", "1"))));
        assertEquals("stream: signatures.json: signature 'serve': signature 'serve' has no outputs",
                refused(edited("signatures.json", replacing("\"w\" : \"w:0\"", ""))));
    }

    @Test
    void loadRefusesVariablesThatDoNotFitTheGraph() throws IOException {
        assertEquals("stream entry 'variables.npz': Cannot restore variables: variable 'w' is float64[2] but the value"
                + " given is float64[3]; nothing was changed",
                refused(edited("variables.npz", b -> npz(Map.of("w", Tensor.vector(1.0, 2.0, 3.0))))));
        assertEquals("stream entry 'variables.npz': the checkpoint has no value for 'w' (it holds no variables);"
                + " nothing was changed", refused(edited("variables.npz", b -> npz(Map.of()))));
        assertEquals("stream entry 'variables.npz': truncated zip file: its end-of-central-directory record is"
                + " missing (100 bytes read)", refused(edited("variables.npz", b -> Arrays.copyOf(b, 100))));
    }

    @Test
    void loadRefusesATruncatedFileOrOneThatIsNotAZip() throws IOException {
        byte[] whole = bundle();
        assertEquals("stream: truncated zip file: its end-of-central-directory record is missing ("
                + (whole.length - 10) + " bytes read)", refused(Arrays.copyOf(whole, whole.length - 10)));
        assertEquals("stream: not a zip file (expected it to start with the bytes PK\\x03\\x04)",
                refused("{}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void runRefusesUnknownSignaturesAndMissingOrUnknownInputs() throws IOException {
        try (ModelBundle b = ModelBundle.load(new ByteArrayInputStream(bundle()))) {
            assertEquals("The bundle has no signature 'serv' (it has [serve, echo])", assertThrows(
                    InvalidRunException.class, () -> b.run("serv", Map.of())).getMessage());
            assertEquals("Signature 'serve' needs the input 'x', which was not given (its inputs: [x])", assertThrows(
                    InvalidRunException.class, () -> b.run("serve", Map.of())).getMessage());
            assertEquals("Signature 'serve' has no input 'y' (its inputs: [x])", assertThrows(
                    InvalidRunException.class, () -> b.run("serve", Map.of("y", Tensor.vector(1.0)))).getMessage());
            // serve fetches only w, but still takes its declared input.
            assertArrayEquals(Npy.toBytes(W), Npy.toBytes(b.run("serve", Map.of("x", Tensor.vector(1.0))).get("w")));
        }
    }
}
