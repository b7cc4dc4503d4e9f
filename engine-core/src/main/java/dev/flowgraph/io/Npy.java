package dev.flowgraph.io;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.flowgraph.DType;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.spi.TensorBuffers;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes one {@link Tensor} in NumPy's {@code .npy} format, so that
 * {@code numpy.load} reads what Flowgraph writes and the other way round.
 *
 * <p>Written: format version 1.0 (2.0 only if the header would pass 65,535 bytes), C order,
 * little-endian {@code '<f4'}, {@code '<f8'}, {@code '<i4'}, {@code '<i8'} and {@code '|b1'},
 * with the header laid out byte for byte as {@code numpy.save} lays it out. Read: versions 1.0,
 * 2.0 and 3.0, those dtypes in either byte order, C order only. Anything else is refused with a
 * {@link TensorFormatException} that names the file, what was expected and what was found.
 *
 * <pre>{@code
 * Npy.write(Tensor.matrix(new double[][] {{1, 2}, {3, 4}}), Path.of("m.npy"));
 * Tensor m = Npy.read(Path.of("m.npy"));          // float64 [2, 2]
 * // In Python: numpy.load("m.npy") -> array([[1., 2.], [3., 4.]])
 * }</pre>
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy.lib.format.ARRAY_ALIGN: the data starts at a multiple of 64 bytes. */
    private static final int ALIGN = 64;
    /** numpy.lib.format.GROWTH_AXIS_MAX_DIGITS: spare header room so a file can grow in place. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    private static final int V1_MAX_HEADER = 0xFFFF;
    /** Bytes converted at a time; a multiple of every element size. */
    private static final int CHUNK = 1 << 16;

    private Npy() {}

    /**
     * Writes a tensor as {@code .npy} to a stream, which stays open.
     *
     * @param tensor the tensor
     * @param out where the bytes go
     * @throws IOException if writing fails
     */
    public static void write(Tensor tensor, OutputStream out) throws IOException {
        checkNotNull(tensor, "tensor");
        checkNotNull(out, "out");
        out.write(header(tensor));
        writeData(tensor, out);
    }

    /**
     * Writes a tensor as a {@code .npy} file, replacing any file there.
     *
     * @param tensor the tensor
     * @param path the file
     * @throws IOException if writing fails
     */
    public static void write(Tensor tensor, Path path) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path))) {
            write(tensor, out);
        }
    }

    /**
     * Returns a tensor's {@code .npy} bytes.
     *
     * @param tensor the tensor
     * @return the bytes {@link #write(Tensor, OutputStream)} writes
     */
    public static byte[] toBytes(Tensor tensor) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(tensor, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Reads a {@code .npy} tensor from a stream, leaving it just after the tensor's data.
     *
     * @param in the stream
     * @return the tensor
     * @throws TensorFormatException if the bytes are not a supported {@code .npy} tensor
     * @throws IOException if reading fails
     */
    public static Tensor read(InputStream in) throws IOException {
        return read(in, "stream");
    }

    /**
     * Reads a {@code .npy} file.
     *
     * @param path the file
     * @return the tensor
     * @throws TensorFormatException naming the file if it is not a supported {@code .npy} tensor
     * @throws IOException if reading fails
     */
    public static Tensor read(Path path) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            return read(in, path.toString());
        }
    }

    /**
     * Reads a {@code .npy} tensor; {@code source} names the file or zip entry in messages.
     */
    static Tensor read(InputStream in, String source) throws IOException {
        checkNotNull(in, "in");
        byte[] prefix = readFully(in, MAGIC.length + 2, source, "the magic string and version");
        for (int i = 0; i < MAGIC.length; i++) {
            if (prefix[i] != MAGIC[i]) {
                throw new TensorFormatException(source + ": not a .npy file: expected the magic string "
                        + "\\x93NUMPY, found " + printable(prefix, MAGIC.length));
            }
        }
        int major = prefix[6] & 0xFF;
        int minor = prefix[7] & 0xFF;
        if (major < 1 || major > 3 || minor != 0) {
            throw new TensorFormatException(source + ": unsupported .npy format version " + major + "." + minor
                    + " (supported: 1.0, 2.0, 3.0)");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        ByteBuffer len = ByteBuffer.wrap(readFully(in, lengthBytes, source, "the header length"))
                .order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = major == 1 ? len.getShort() & 0xFFFF : len.getInt() & 0xFFFFFFFFL;
        if (headerLength > Integer.MAX_VALUE - 8) {
            throw new TensorFormatException(source + ": .npy header length " + headerLength + " is too large");
        }
        byte[] headerBytes = readFully(in, (int) headerLength, source, "the header");
        String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        NpyHeader h = NpyHeader.parse(header, source);
        return readData(in, h, source);
    }

    // ---- writing ---------------------------------------------------------------------------

    /** The header numpy.save writes: magic, version, length, dict, spaces, newline. */
    static byte[] header(Tensor t) {
        StringBuilder dict = new StringBuilder("{'descr': '").append(descr(t.dtype()))
                .append("', 'fortran_order': False, 'shape': ").append(tuple(t.shape().dims())).append(", }");
        if (t.rank() > 0) {
            dict.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Long.toString(t.shape().dim(0)).length()));
        }
        int version = 1;
        int padded = padded(dict.length(), 2);
        if (padded > V1_MAX_HEADER) {
            version = 2;
            padded = padded(dict.length(), 4);
        }
        int lengthBytes = version == 1 ? 2 : 4;
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 2 + lengthBytes + padded).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) version).put((byte) 0);
        if (version == 1) {
            b.putShort((short) padded);
        } else {
            b.putInt(padded);
        }
        b.put(dict.toString().getBytes(StandardCharsets.ISO_8859_1));
        while (b.remaining() > 1) {
            b.put((byte) ' ');
        }
        b.put((byte) '\n');
        return b.array();
    }

    /** The header length after padding, so that the data starts at a multiple of {@link #ALIGN}. */
    private static int padded(int dictLength, int lengthBytes) {
        int withNewline = dictLength + 1;
        int pad = ALIGN - (MAGIC.length + 2 + lengthBytes + withNewline) % ALIGN;
        return withNewline + pad;
    }

    /** Python's repr of a tuple of ints: {@code ()}, {@code (3,)}, {@code (2, 3)}. */
    private static String tuple(long[] dims) {
        if (dims.length == 1) {
            return "(" + dims[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(dims[i]);
        }
        return sb.append(')').toString();
    }

    static String descr(DType dtype) {
        switch (dtype) {
            case FLOAT32: return "<f4";
            case FLOAT64: return "<f8";
            case INT32: return "<i4";
            case INT64: return "<i8";
            default: return "|b1";
        }
    }

    private static void writeData(Tensor t, OutputStream out) throws IOException {
        int size = t.size();
        int elem = t.dtype().byteSize();
        int perChunk = CHUNK / elem;
        ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        Object data = TensorBuffers.array(t);
        for (int start = 0; start < size; start += perChunk) {
            int n = Math.min(perChunk, size - start);
            buf.clear();
            switch (t.dtype()) {
                case FLOAT32: buf.asFloatBuffer().put((float[]) data, start, n); break;
                case FLOAT64: buf.asDoubleBuffer().put((double[]) data, start, n); break;
                case INT32: buf.asIntBuffer().put((int[]) data, start, n); break;
                case INT64: buf.asLongBuffer().put((long[]) data, start, n); break;
                default:
                    boolean[] bools = (boolean[]) data;
                    for (int i = 0; i < n; i++) {
                        buf.put(i, bools[start + i] ? (byte) 1 : (byte) 0);
                    }
                    break;
            }
            out.write(buf.array(), 0, n * elem);
        }
    }

    // ---- reading ---------------------------------------------------------------------------

    private static Tensor readData(InputStream in, NpyHeader h, String source) throws IOException {
        int size = h.size();
        int elem = h.dtype().byteSize();
        int perChunk = CHUNK / elem;
        Object data = TensorBuffers.newArray(h.dtype(), size);
        byte[] chunk = new byte[CHUNK];
        long expected = (long) size * elem;
        for (int start = 0; start < size; start += perChunk) {
            int n = Math.min(perChunk, size - start);
            int got = in.readNBytes(chunk, 0, n * elem);
            if (got < n * elem) {
                throw new TensorFormatException(source + ": .npy data truncated: expected " + expected
                        + " bytes for " + h.dtype() + h.shape() + ", found " + ((long) start * elem + got));
            }
            ByteBuffer buf = ByteBuffer.wrap(chunk, 0, n * elem).order(h.order());
            switch (h.dtype()) {
                case FLOAT32: buf.asFloatBuffer().get((float[]) data, start, n); break;
                case FLOAT64: buf.asDoubleBuffer().get((double[]) data, start, n); break;
                case INT32: buf.asIntBuffer().get((int[]) data, start, n); break;
                case INT64: buf.asLongBuffer().get((long[]) data, start, n); break;
                default:
                    boolean[] bools = (boolean[]) data;
                    for (int i = 0; i < n; i++) {
                        bools[start + i] = chunk[i] != 0;
                    }
                    break;
            }
        }
        return TensorBuffers.wrap(h.dtype(), h.shape(), data);
    }

    private static byte[] readFully(InputStream in, int n, String source, String what) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new TensorFormatException(source + ": .npy file truncated: expected " + what + " (" + n
                    + " bytes), found " + b.length + " bytes");
        }
        return b;
    }

    private static String printable(byte[] bytes, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int c = bytes[i] & 0xFF;
            sb.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return sb.toString();
    }

    /** The three keys of a {@code .npy} header, checked. */
    record NpyHeader(DType dtype, ByteOrder order, Shape shape, int size) {
        private static final List<String> KEYS = List.of("descr", "fortran_order", "shape");

        static NpyHeader parse(String header, String source) {
            HeaderParser p = new HeaderParser(header, source);
            Map<String, Object> dict = p.dict();
            if (!dict.keySet().equals(new HashSet<>(KEYS))) {
                throw p.malformed("expected exactly the keys " + KEYS + ", found " + dict.keySet());
            }
            if (!(dict.get("descr") instanceof String)) {
                throw p.malformed("expected 'descr' to be a string such as '<f4'");
            }
            if (!(dict.get("fortran_order") instanceof Boolean)) {
                throw p.malformed("expected 'fortran_order' to be True or False");
            }
            if (!(dict.get("shape") instanceof List)) {
                throw p.malformed("expected 'shape' to be a tuple of integers");
            }
            String descr = (String) dict.get("descr");
            DType dtype = dtypeOf(descr);
            if (dtype == null) {
                throw new TensorFormatException(source + ": unsupported dtype '" + descr + "' (supported: '<f4', "
                        + "'<f8', '<i4', '<i8', '|b1', and '>f4', '>f8', '>i4', '>i8')");
            }
            if ((Boolean) dict.get("fortran_order")) {
                throw new TensorFormatException(source + ": the array is in Fortran order (fortran_order: True); "
                        + "only C order is supported: save numpy.ascontiguousarray(a) instead");
            }
            @SuppressWarnings("unchecked")
            List<Long> dimList = (List<Long>) dict.get("shape");
            long[] dims = new long[dimList.size()];
            long size = 1;
            for (int i = 0; i < dims.length; i++) {
                dims[i] = dimList.get(i);
                size = dims[i] == 0 || size == 0 ? 0 : size * dims[i];
                if (size > Tensor.MAX_SIZE || dims[i] > Tensor.MAX_SIZE) {
                    throw new TensorFormatException(source + ": shape " + tuple(dimList.stream()
                            .mapToLong(Long::longValue).toArray()) + " has more than " + Tensor.MAX_SIZE
                            + " elements, the most a tensor holds");
                }
            }
            ByteOrder order = descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN
                    : descr.charAt(0) == '=' ? ByteOrder.nativeOrder() : ByteOrder.LITTLE_ENDIAN;
            return new NpyHeader(dtype, order, Shape.of(dims), (int) size);
        }

        private static DType dtypeOf(String descr) {
            if (descr.length() != 3) {
                return null;
            }
            char order = descr.charAt(0);
            String kind = descr.substring(1);
            if (kind.equals("b1")) {
                return order == '|' || order == '<' || order == '>' || order == '=' ? DType.BOOL : null;
            }
            if (order != '<' && order != '>' && order != '=') {
                return null;
            }
            switch (kind) {
                case "f4": return DType.FLOAT32;
                case "f8": return DType.FLOAT64;
                case "i4": return DType.INT32;
                case "i8": return DType.INT64;
                default: return null;
            }
        }
    }

    /** Parses the Python dict literal of a header: string keys; string, bool or int-tuple values. */
    private static final class HeaderParser {
        private final String text;
        private final String source;
        private int pos;

        HeaderParser(String text, String source) {
            this.text = text;
            this.source = source;
        }

        TensorFormatException malformed(String what) {
            return new TensorFormatException(source + ": malformed .npy header " + quoted() + ": " + what);
        }

        private String quoted() {
            return "\"" + text.strip().replace("\n", "\\n") + "\"";
        }

        private TensorFormatException expected(String what) {
            return malformed("expected " + what + " at position " + pos + ", found "
                    + (pos < text.length() ? "'" + text.charAt(pos) + "'" : "the end"));
        }

        Map<String, Object> dict() {
            Map<String, Object> map = new LinkedHashMap<>();
            skip();
            expect('{');
            skip();
            while (!peek('}')) {
                String key = string();
                skip();
                expect(':');
                skip();
                if (map.put(key, value()) != null) {
                    throw malformed("key '" + key + "' appears twice");
                }
                skip();
                if (peek(',')) {
                    pos++;
                    skip();
                } else if (!peek('}')) {
                    throw expected("',' or '}'");
                }
            }
            pos++;
            skip();
            if (pos != text.length()) {
                throw expected("the end of the header");
            }
            return map;
        }

        private Object value() {
            if (peek('\'') || peek('"')) {
                return string();
            }
            if (text.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            if (peek('(')) {
                return tupleValue();
            }
            throw expected("a string, True, False or a tuple");
        }

        private List<Long> tupleValue() {
            pos++;
            List<Long> dims = new ArrayList<>();
            skip();
            while (!peek(')')) {
                dims.add(integer());
                skip();
                if (peek(',')) {
                    pos++;
                    skip();
                } else if (!peek(')')) {
                    throw expected("',' or ')'");
                }
            }
            pos++;
            return dims;
        }

        private long integer() {
            int start = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw expected("a non-negative integer");
            }
            try {
                long v = Long.parseLong(text.substring(start, pos));
                if (peek('L')) {
                    pos++;
                }
                return v;
            } catch (NumberFormatException e) {
                throw malformed("dimension " + text.substring(start, pos) + " is too large");
            }
        }

        private String string() {
            if (!peek('\'') && !peek('"')) {
                throw expected("a quoted string");
            }
            char quote = text.charAt(pos++);
            int end = text.indexOf(quote, pos);
            if (end < 0) {
                throw malformed("a string starting at position " + (pos - 1) + " is not closed");
            }
            String s = text.substring(pos, end);
            pos = end + 1;
            return s;
        }

        private boolean peek(char c) {
            return pos < text.length() && text.charAt(pos) == c;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw expected("'" + c + "'");
            }
            pos++;
        }

        private void skip() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }
    }
}
