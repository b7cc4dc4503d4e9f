package dev.flowgraph.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.UnknownNameException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests of {@link Checkpoint}: bit-exact round trips, a checkpoint written by NumPy
 * ({@code checkpoint/make_checkpoint.py}), and every refusal, each of which must leave the
 * session's variables as they were.
 */
class CheckpointTest {
    @TempDir
    Path dir;

    private Graph graph;
    private Session session;

    /** Values with bits that a lossy round trip would change: a NaN payload, -0.0, the smallest subnormal. */
    private static final Tensor W = Tensor.of(new float[] {
        Float.intBitsToFloat(0x7fc00abc), -0.0f, Float.MIN_VALUE, 1.1f}, Shape.of(2, 2));
    private static final Tensor B = Tensor.vector(0.1, -1e300);
    private static final Tensor STEP = Tensor.scalar(7L);
    private static final Tensor MASK = Tensor.vector(true, false, true);

    @BeforeEach
    void setUp() {
        graph = new Graph();
        addVariables(graph);
        session = new Session(graph, 1);
        session.restoreVariables(values());
    }

    @AfterEach
    void tearDown() {
        session.close();
        graph.close();
    }

    private static void addVariables(Graph g) {
        variable(g, "layer1/w", DType.FLOAT32, Shape.of(2, 2));
        variable(g, "layer1/b", DType.FLOAT64, Shape.of(2));
        variable(g, "step", DType.INT64, Shape.scalar());
        variable(g, "mask", DType.BOOL, Shape.of(3));
    }

    private static void variable(Graph g, String name, DType dtype, Shape shape) {
        g.nodeBuilder("Variable").name(name).attr("dtype", dtype).attr("shape", shape).build();
    }

    private static Map<String, Tensor> values() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("layer1/w", W);
        m.put("layer1/b", B);
        m.put("step", STEP);
        m.put("mask", MASK);
        return m;
    }

    /** Each variable's value as {@code .npy} bytes, which differ whenever a bit differs. */
    private static Map<String, List<Byte>> bits(Session s) {
        Map<String, List<Byte>> m = new LinkedHashMap<>();
        s.variableValues().forEach((k, v) -> {
            byte[] b = Npy.toBytes(v);
            Byte[] boxed = new Byte[b.length];
            Arrays.setAll(boxed, i -> b[i]);
            m.put(k, List.of(boxed));
        });
        return m;
    }

    private Path saved() throws IOException {
        Path file = dir.resolve("model.npz");
        Checkpoint.save(session, file);
        return file;
    }

    private static byte[] npz(Map<String, Tensor> tensors) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npz.write(tensors, out);
        return out.toByteArray();
    }

    /** Runs a refused restore and checks that no variable changed. */
    private <T extends Throwable> T refusedUnchanged(Class<T> type, Executable restore) {
        Map<String, List<Byte>> before = bits(session);
        T e = assertThrows(type, restore);
        assertEquals(before, bits(session), "the variables changed although the restore was refused");
        return e;
    }

    private void restoreBytes(byte[] bytes) throws IOException {
        Checkpoint.restore(session, new ByteArrayInputStream(bytes));
    }

    @Test
    void roundTripIntoAFreshSessionIsBitExact() throws IOException {
        Path file = saved();
        try (Session fresh = new Session(graph, 3)) {
            assertEquals(List.of("layer1/w", "layer1/b", "step", "mask"), fresh.uninitializedVariables());
            Checkpoint.restore(fresh, file);
            assertEquals(bits(session), bits(fresh));
            assertEquals(List.of(), fresh.uninitializedVariables());
        }
        // The file is a plain .npz named by variable, in the graph's order.
        Map<String, Tensor> onDisk = Npz.read(file);
        assertEquals(List.of("layer1/w", "layer1/b", "step", "mask"), List.copyOf(onDisk.keySet()));
        assertEquals(0x7fc00abc, Float.floatToRawIntBits(onDisk.get("layer1/w").toFloatArray()[0]));
    }

    @Test
    void restoresIntoASessionOfAGraphLoadedByGraphIo() throws IOException {
        Path ckpt = saved();
        Path graphFile = dir.resolve("model.fgraph");
        GraphIO.save(graph, graphFile);
        try (Graph loaded = GraphIO.load(graphFile); Session s = new Session(loaded, 2)) {
            Checkpoint.restore(s, ckpt);
            assertEquals(bits(session), bits(s));
        }
    }

    @Test
    void streamsRoundTripToo() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Checkpoint.save(session, out);
        try (Session fresh = new Session(graph, 1)) {
            Checkpoint.restore(fresh, new ByteArrayInputStream(out.toByteArray()));
            assertEquals(bits(session), bits(fresh));
        }
    }

    @Test
    void restoresACheckpointWrittenByNumpy() throws IOException {
        try (Graph g = new Graph()) {
            variable(g, "layer1/w", DType.FLOAT32, Shape.of(2, 2));
            variable(g, "layer1/b", DType.FLOAT32, Shape.of(2));
            variable(g, "step", DType.INT64, Shape.scalar());
            try (Session s = new Session(g, 1)) {
                Path file = dir.resolve("numpy.npz");
                Files.write(file, NpyTest.resource("checkpoint/numpy_checkpoint.npz"));
                Checkpoint.restore(s, file);
                Map<String, Tensor> v = s.variableValues();
                assertEquals(Tensor.matrix(new float[][] {{0.5f, -1.25f}, {3.0f, -0.0f}}), v.get("layer1/w"));
                assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(v.get("layer1/w").toFloatArray()[3]));
                assertArrayEquals(new float[] {Float.MIN_VALUE, Float.POSITIVE_INFINITY}, v.get("layer1/b").toFloatArray());
                assertEquals(Tensor.scalar(42L), v.get("step"));
            }
        }
    }

    @Test
    void saveReplacesAnExistingFile() throws IOException {
        Path file = dir.resolve("model.npz");
        Files.write(file, new byte[] {1, 2, 3});
        Checkpoint.save(session, file);
        assertEquals(values().keySet(), Npz.read(file).keySet());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void saveRefusesUninitialisedVariablesNamingThemAndWritesNothing() throws IOException {
        variable(graph, "late", DType.FLOAT64, Shape.scalar());
        variable(graph, "later", DType.FLOAT64, Shape.scalar());
        Path file = dir.resolve("model.npz");
        CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.save(session, file));
        assertEquals("Cannot save a checkpoint: 'late', 'later' have no value in this session; run the initializers"
                + " (e.g. tf.initAllVariables()) or restore a checkpoint first; nothing was written", e.getMessage());
        assertFalse(Files.exists(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void restoreRefusesAMissingVariableNamingIt() throws IOException {
        Map<String, Tensor> partial = values();
        partial.remove("step");
        partial.replaceAll((k, v) -> k.equals("mask") ? Tensor.vector(false, false, false) : v);
        byte[] bytes = npz(partial);
        CheckpointException e = refusedUnchanged(CheckpointException.class, () -> restoreBytes(bytes));
        assertEquals("stream: the checkpoint has no value for 'step' (it holds 'layer1/w', 'layer1/b', 'mask');"
                + " Checkpoint.restorePartial leaves missing variables unchanged; nothing was changed", e.getMessage());
    }

    @Test
    void restorePartialLeavesMissingVariablesUnchanged() throws IOException {
        Path file = dir.resolve("partial.npz");
        Npz.write(Map.of("mask", Tensor.vector(false, false, false)), file);
        List<String> missing = Checkpoint.restorePartial(session, file);
        assertEquals(List.of("layer1/w", "layer1/b", "step"), missing);
        assertEquals(Tensor.vector(false, false, false), session.variableValues().get("mask"));
        assertEquals(STEP, session.variableValues().get("step"));
    }

    @Test
    void restoreRefusesAnEntryThatIsNotAVariableWithSuggestions() throws IOException {
        Map<String, Tensor> extra = values();
        extra.put("layer1/ww", Tensor.vector(1.0));
        byte[] bytes = npz(extra);
        CheckpointException e = refusedUnchanged(CheckpointException.class, () -> restoreBytes(bytes));
        assertEquals("stream: Cannot restore variables: the graph has no variable named 'layer1/ww'. Did you mean"
                + " 'layer1/w' or 'layer1/b'?; nothing was changed", e.getMessage());
        assertInstanceOf(UnknownNameException.class, e.getCause());
        // restorePartial refuses it too: it only tolerates what is missing.
        Path file = dir.resolve("extra.npz");
        Files.write(file, bytes);
        refusedUnchanged(CheckpointException.class, () -> Checkpoint.restorePartial(session, file));
    }

    @Test
    void restoreRefusesAWrongShape() throws IOException {
        Map<String, Tensor> wrong = values();
        wrong.put("step", Tensor.vector(1L, 2L));
        wrong.put("mask", Tensor.vector(false, false, false));
        byte[] bytes = npz(wrong);
        CheckpointException e = refusedUnchanged(CheckpointException.class, () -> restoreBytes(bytes));
        assertEquals("stream: Cannot restore variables: variable 'step' is int64[] but the value given is int64[2];"
                + " nothing was changed", e.getMessage());
    }

    @Test
    void restoreRefusesAWrongDtype() throws IOException {
        Map<String, Tensor> wrong = values();
        wrong.put("layer1/b", Tensor.vector(0.1f, 2f));
        byte[] bytes = npz(wrong);
        CheckpointException e = refusedUnchanged(CheckpointException.class, () -> restoreBytes(bytes));
        assertEquals("stream: Cannot restore variables: variable 'layer1/b' is float64[2] but the value given is"
                + " float32[2]; nothing was changed", e.getMessage());
    }

    @Test
    void restoreRefusesATruncatedFile() throws IOException {
        Path file = saved();
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length - 30));
        TensorFormatException e = refusedUnchanged(TensorFormatException.class, () -> Checkpoint.restore(session, file));
        assertEquals(file + ": truncated zip file: its end-of-central-directory record is missing ("
                + (whole.length - 30) + " bytes read)", e.getMessage());
    }

    @Test
    void restoreRefusesAFileThatIsNotAZip() throws IOException {
        Path file = dir.resolve("model.npz");
        Files.write(file, Npy.toBytes(W));
        TensorFormatException e = refusedUnchanged(TensorFormatException.class, () -> Checkpoint.restore(session, file));
        assertEquals(file + ": not a zip file (expected it to start with the bytes PK\\x03\\x04)", e.getMessage());
    }

    @Test
    void restoreRefusesACorruptEntry() throws IOException {
        // A stored entry whose .npy data lost its last byte: the zip is whole, the tensor is not.
        byte[] cut = Npy.toBytes(STEP);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            for (Map.Entry<String, Tensor> e : values().entrySet()) {
                byte[] npy = Npy.toBytes(e.getValue());
                ZipEntries.putStored(zip, e.getKey() + ".npy", e.getKey().equals("step") ? Arrays.copyOf(cut, cut.length - 1) : npy);
            }
        }
        TensorFormatException e = refusedUnchanged(TensorFormatException.class, () -> restoreBytes(out.toByteArray()));
        assertEquals("stream entry 'step.npy': .npy data truncated: expected 8 bytes for int64[], found 7", e.getMessage());
    }
}
