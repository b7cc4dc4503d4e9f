package dev.flowgraph.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.Tensor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests of {@link Npz}. {@code stored.npz} and {@code deflated.npz} come from {@code make_npy.py}
 * ({@code numpy.savez} and {@code numpy.savez_compressed} of the same three arrays).
 */
class NpzTest {
    @TempDir
    Path dir;

    private static TensorFormatException refused(byte[] bytes, String... parts) {
        TensorFormatException e = assertThrows(TensorFormatException.class,
                () -> Npz.read(new ByteArrayInputStream(bytes)));
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message should contain '" + p + "' but was: " + e.getMessage());
        }
        return e;
    }

    @ParameterizedTest
    @ValueSource(strings = {"stored.npz", "deflated.npz"})
    void readsWhatNumpyWrites(String name) throws IOException {
        Map<String, Tensor> m = Npz.read(new ByteArrayInputStream(NpyTest.resource(name)));
        assertEquals(List.of("w", "b", "step"), List.copyOf(m.keySet()));
        assertEquals(Tensor.matrix(new float[][] {{1, 2}, {3, 4}}), m.get("w"));
        assertEquals(Tensor.vector(0.5), m.get("b"));
        assertEquals(Tensor.scalar(7L), m.get("step"));
    }

    @Test
    void roundTripsInInsertionOrder() throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("z", Tensor.vector(true, false));
        tensors.put("layer1/w", Tensor.matrix(new double[][] {{1, -0.0}, {Double.NaN, 4}}));
        tensors.put("a", Tensor.scalar(3));
        Path file = dir.resolve("t.npz");
        Npz.write(tensors, file);
        Map<String, Tensor> back = Npz.read(file);
        assertEquals(List.copyOf(tensors.keySet()), List.copyOf(back.keySet()));
        assertEquals(tensors, back);
    }

    @Test
    void writingTheSameTensorsTwiceGivesTheSameBytes() throws IOException {
        Map<String, Tensor> tensors = Map.of("x", Tensor.vector(1f, 2f));
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Npz.write(tensors, a);
        Npz.write(tensors, b);
        assertEquals(Arrays.toString(a.toByteArray()), Arrays.toString(b.toByteArray()));
    }

    @Test
    void refusesAFileThatIsNotAZip() throws IOException {
        refused(NpyTest.resource("f4.npy"), "stream: not a zip file (expected it to start with the bytes PK\\x03\\x04)");
        refused(new byte[0], "not a zip file", "found an empty file");
    }

    @Test
    void refusesATruncatedZip() throws IOException {
        byte[] whole = NpyTest.resource("stored.npz");
        refused(Arrays.copyOf(whole, whole.length - 10), "truncated zip file: its end-of-central-directory record is missing");
        refused(Arrays.copyOf(whole, 200), "truncated zip file");
    }

    @Test
    void refusesADamagedEntry() throws IOException {
        byte[] bytes = NpyTest.resource("deflated.npz").clone();
        // Inside the first entry's deflated data, just after its 30-byte local header and name.
        bytes[60] ^= (byte) 0xFF;
        bytes[61] ^= (byte) 0xFF;
        refused(bytes, "stream: damaged zip file: ");
    }

    @Test
    void refusesAnEntryThatIsNotAnArrayNamingIt() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("w.npy"));
            zip.write(Npy.toBytes(Tensor.scalar(1.0)));
            zip.putNextEntry(new ZipEntry("b.npy"));
            zip.write("hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        refused(out.toByteArray(), "stream entry 'b.npy': .npy file truncated");
        Path file = dir.resolve("bad.npz");
        Files.write(file, out.toByteArray());
        TensorFormatException e = assertThrows(TensorFormatException.class, () -> Npz.read(file));
        assertTrue(e.getMessage().startsWith(file + " entry 'b.npy': "), e.getMessage());
    }
}
