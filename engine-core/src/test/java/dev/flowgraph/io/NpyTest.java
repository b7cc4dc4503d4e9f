package dev.flowgraph.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.DType;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests of {@link Npy}. The golden files under {@code src/test/resources/io} come from
 * {@code make_npy.py} (numpy 2.4); each test spells the values that script wrote out again.
 */
class NpyTest {
    @TempDir
    Path dir;

    static byte[] resource(String name) throws IOException {
        try (InputStream in = NpyTest.class.getResourceAsStream("/io/" + name)) {
            return in.readAllBytes();
        }
    }

    static Tensor golden(String name) throws IOException {
        return Npy.read(new ByteArrayInputStream(resource(name)), name);
    }

    /** A version 1.0 file with the given header dict (padded to 64 bytes) and data. */
    static byte[] npy(String dict, byte[] data) {
        int headerLength = 64 - 10;
        String padded = dict + " ".repeat(Math.max(0, headerLength - dict.length() - 1)) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0,
                (byte) padded.length(), (byte) (padded.length() >> 8)});
        out.writeBytes(padded.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        return out.toByteArray();
    }

    private static TensorFormatException refused(byte[] bytes, String... parts) {
        TensorFormatException e = assertThrows(TensorFormatException.class,
                () -> Npy.read(new ByteArrayInputStream(bytes), "bad.npy"));
        assertTrue(e.getMessage().startsWith("bad.npy: "), e.getMessage());
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message should contain '" + p + "' but was: " + e.getMessage());
        }
        return e;
    }

    // ---------------------------------------------------------------- golden files

    @Test
    void readsEveryDtypeWrittenByNumpy() throws IOException {
        Tensor f4 = golden("f4.npy");
        assertEquals(Shape.of(2, 3), f4.shape());
        // 1e-45 as float32 is the smallest subnormal, bits 0x00000001.
        assertArrayEquals(new int[] {0x3f800000, 0xc0200000, 0x40500000, 0, 0x80000000, 1},
                bits(f4.toFloatArray()));

        Tensor f8 = golden("f8.npy");
        assertEquals(DType.FLOAT64, f8.dtype());
        assertArrayEquals(new double[] {0.1, -1e300, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN},
                f8.toDoubleArray());

        Tensor i4 = golden("i4.npy");
        assertEquals(Tensor.of(new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, 7}, Shape.of(3, 1)), i4);

        Tensor i8 = golden("i8.npy");
        assertEquals(Tensor.vector(Long.MIN_VALUE, Long.MAX_VALUE, 42L), i8);

        Tensor b1 = golden("b1.npy");
        assertEquals(Tensor.of(new boolean[] {true, false, false, true}, Shape.of(2, 2)), b1);
    }

    @Test
    void readsScalarsAndEmptyArrays() throws IOException {
        assertEquals(Tensor.scalar(1.5), golden("scalar_f8.npy"));
        assertEquals(Tensor.scalar(true), golden("scalar_b1.npy"));
        Tensor empty = golden("empty_f4.npy");
        assertEquals(DType.FLOAT32, empty.dtype());
        assertEquals(Shape.of(0, 3), empty.shape());
        assertEquals(0, empty.size());
    }

    @Test
    void readsBigEndianData() throws IOException {
        assertEquals(Tensor.vector(1.5, -2.0, 3.0), golden("big_endian_f8.npy"));
        assertEquals(Tensor.matrix(new int[][] {{1, -2}, {3, 40000}}), golden("big_endian_i4.npy"));
    }

    @Test
    void readsVersionTwoHeaders() throws IOException {
        byte[] bytes = resource("v2_i4.npy");
        assertEquals(2, bytes[6]);
        assertEquals(Tensor.vector(1, 2, 3), golden("v2_i4.npy"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ref_matrix_f4.npy", "ref_vector_i8.npy", "ref_scalar_f8.npy", "ref_vector_b1.npy"})
    void writesTheBytesNumpySaveWrites(String name) throws IOException {
        byte[] numpy = resource(name);
        assertArrayEquals(numpy, Npy.toBytes(Npy.read(new ByteArrayInputStream(numpy))));
    }

    @Test
    void writesTheExactHeaderOfASmallMatrix() throws IOException {
        byte[] written = Npy.toBytes(Tensor.matrix(new float[][] {{1, 2, 3}, {4, 5, 6}}));
        // 10 bytes of prefix + 118 of header = 128, a multiple of 64; then 6 floats of 4 bytes.
        assertEquals(128 + 24, written.length);
        String header = new String(written, 10, 118, StandardCharsets.ISO_8859_1);
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }" + " ".repeat(58) + "\n", header);
        assertArrayEquals(resource("ref_matrix_f4.npy"), written);
    }

    // ---------------------------------------------------------------- round trips

    @Test
    void roundTripsEveryDtypeBitForBit() throws IOException {
        float weirdNaN = Float.intBitsToFloat(0x7fc0_1234);
        double weirdNaN64 = Double.longBitsToDouble(0x7ff0_0000_0000_0abcL);
        Tensor[] tensors = {
            Tensor.of(new float[] {1.5f, -0.0f, weirdNaN, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, 3e38f},
                    Shape.of(3, 2)),
            Tensor.of(new double[] {-0.0, weirdNaN64, Double.MAX_VALUE}, Shape.of(1, 3, 1)),
            Tensor.vector(Integer.MIN_VALUE, 0, Integer.MAX_VALUE),
            Tensor.scalar(Long.MIN_VALUE),
            Tensor.of(new boolean[] {true, false, true}, Shape.of(3)),
            Tensor.zeros(DType.INT64, Shape.of(2, 0, 5)),
        };
        for (Tensor t : tensors) {
            Path file = dir.resolve("t.npy");
            Npy.write(t, file);
            Tensor back = Npy.read(file);
            assertEquals(t, back);
            if (t.dtype() == DType.FLOAT32) {
                assertArrayEquals(bits(t.toFloatArray()), bits(back.toFloatArray()));
            }
            if (t.dtype() == DType.FLOAT64) {
                assertArrayEquals(bits(t.toDoubleArray()), bits(back.toDoubleArray()));
            }
        }
    }

    @Test
    void dataLargerThanOneChunkRoundTrips() throws IOException {
        // 40,000 doubles are 320,000 bytes: several 64 KiB conversion chunks and a partial one.
        double[] values = new double[40_000];
        Arrays.setAll(values, i -> i * 0.25 - 7);
        Tensor t = Tensor.of(values, Shape.of(200, 200));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(t, out);
        assertEquals(t, Npy.read(new ByteArrayInputStream(out.toByteArray())));
    }

    @Test
    void readLeavesTheStreamAfterTheData() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(Tensor.vector(1, 2), out);
        Npy.write(Tensor.scalar(false), out);
        InputStream in = new ByteArrayInputStream(out.toByteArray());
        assertEquals(Tensor.vector(1, 2), Npy.read(in));
        assertEquals(Tensor.scalar(false), Npy.read(in));
        assertEquals(-1, in.read());
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void refusesBadMagic() {
        byte[] bytes = Npy.toBytes(Tensor.scalar(1.0));
        bytes[1] = 'X';
        refused(bytes, "not a .npy file: expected the magic string \\x93NUMPY, found \\x93XUMPY");
    }

    @Test
    void refusesUnsupportedVersion() {
        byte[] bytes = Npy.toBytes(Tensor.scalar(1.0));
        bytes[6] = 4;
        refused(bytes, "unsupported .npy format version 4.0 (supported: 1.0, 2.0, 3.0)");
    }

    @Test
    void refusesUnsupportedDtypeNamingIt() throws IOException {
        TensorFormatException e = assertThrows(TensorFormatException.class, () -> golden("f2.npy"));
        assertEquals("f2.npy: unsupported dtype '<f2' (supported: '<f4', '<f8', '<i4', '<i8', '|b1', "
                + "and '>f4', '>f8', '>i4', '>i8')", e.getMessage());
    }

    @Test
    void refusesFortranOrder() {
        TensorFormatException e = assertThrows(TensorFormatException.class, () -> golden("fortran_f4.npy"));
        assertTrue(e.getMessage().startsWith("fortran_f4.npy: the array is in Fortran order (fortran_order: True); "
                + "only C order is supported"), e.getMessage());
    }

    @Test
    void refusesMalformedHeaders() {
        refused(npy("{'descr': '<f4', 'shape': (2,), }", new byte[8]),
                "malformed .npy header", "expected exactly the keys [descr, fortran_order, shape]");
        refused(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2 3), }", new byte[8]),
                "malformed .npy header", "expected ',' or ')' at position 53, found '3'");
        refused(npy("{'descr': '<f4', 'fortran_order': Maybe, 'shape': (2,), }", new byte[8]),
                "expected a string, True, False or a tuple at position 34, found 'M'");
        refused(npy("{'descr': 4, 'fortran_order': False, 'shape': (2,), }", new byte[8]),
                "expected a string, True, False or a tuple at position 10, found '4'");
        refused(npy("{'descr': '<f4', 'fortran_order': False, 'shape': 2, }", new byte[8]),
                "at position 50");
    }

    @Test
    void refusesTruncatedData() throws IOException {
        byte[] whole = resource("f8.npy");
        refused(Arrays.copyOf(whole, whole.length - 3),
                ".npy data truncated: expected 40 bytes for float64[5], found 37");
        refused(Arrays.copyOf(whole, 20), ".npy file truncated: expected the header (118 bytes), found 10 bytes");
        refused(Arrays.copyOf(whole, 4), ".npy file truncated: expected the magic string and version (8 bytes)");
    }

    @Test
    void refusesShapesWithTooManyElements() {
        refused(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (100000, 100000), }", new byte[0]),
                "shape (100000, 100000) has more than 2147483639 elements, the most a tensor holds");
        refused(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,), }", new byte[0]),
                "dimension 99999999999999999999 is too large");
    }

    private static int[] bits(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToRawIntBits(values[i]);
        }
        return out;
    }

    private static long[] bits(double[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.doubleToRawLongBits(values[i]);
        }
        return out;
    }
}
