package dev.flowgraph.io;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.flowgraph.Tensor;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes named tensors in NumPy's {@code .npz} format: a zip holding one {@code .npy}
 * entry per tensor, named {@code <name>.npy}, as {@code numpy.savez} writes it.
 *
 * <p>Written entries are stored uncompressed, in the map's iteration order. Read: stored and
 * deflated entries (what {@code numpy.savez} and {@code numpy.savez_compressed} write), in file
 * order; a {@code .npy} suffix is dropped from each entry's name to give the tensor's name. A
 * file that is not a zip, is truncated or damaged, or holds an entry that is not a supported
 * {@code .npy} tensor is refused with a {@link TensorFormatException} naming the file and entry.
 *
 * <pre>{@code
 * Map<String, Tensor> weights = new LinkedHashMap<>();
 * weights.put("w", Tensor.matrix(new float[][] {{1f, 2f}}));
 * weights.put("b", Tensor.vector(0.5f));
 * Npz.write(weights, Path.of("weights.npz"));
 * Npz.read(Path.of("weights.npz")).get("w");     // float32 [1, 2]
 * // In Python: numpy.load("weights.npz")["w"]
 * }</pre>
 */
public final class Npz {
    private static final String SUFFIX = ".npy";

    private Npz() {}

    /**
     * Writes named tensors as {@code .npz} to a stream, which stays open.
     *
     * @param tensors the tensors by name, written in iteration order
     * @param out where the bytes go
     * @throws IllegalArgumentException if a name is empty
     * @throws IOException if writing fails
     */
    public static void write(Map<String, Tensor> tensors, OutputStream out) throws IOException {
        checkNotNull(tensors, "tensors");
        checkNotNull(out, "out");
        // finish(), not close(): the caller owns the stream.
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            checkArgument(e.getKey() != null && !e.getKey().isEmpty(), "a tensor name is empty");
            ZipEntries.putStored(zip, e.getKey() + SUFFIX, Npy.toBytes(checkNotNull(e.getValue(),
                    "tensor '%s'", e.getKey())));
        }
        zip.finish();
    }

    /**
     * Writes named tensors as a {@code .npz} file, replacing any file there.
     *
     * @param tensors the tensors by name, written in iteration order
     * @param path the file
     * @throws IOException if writing fails
     */
    public static void write(Map<String, Tensor> tensors, Path path) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path))) {
            write(tensors, out);
        }
    }

    /**
     * Reads named tensors from a {@code .npz} stream, to its end.
     *
     * @param in the stream
     * @return the tensors by name, in the file's order (unmodifiable)
     * @throws TensorFormatException if the bytes are not a {@code .npz} of supported tensors
     * @throws IOException if reading fails
     */
    public static Map<String, Tensor> read(InputStream in) throws IOException {
        return read(in, "stream");
    }

    /**
     * Reads a {@code .npz} file.
     *
     * @param path the file
     * @return the tensors by name, in the file's order (unmodifiable)
     * @throws TensorFormatException naming the file and entry if it is not a {@code .npz} of
     *     supported tensors
     * @throws IOException if reading fails
     */
    public static Map<String, Tensor> read(Path path) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            return read(in, path.toString());
        }
    }

    /** Reads a {@code .npz} stream, naming it {@code source} in messages. */
    static Map<String, Tensor> read(InputStream in, String source) throws IOException {
        checkNotNull(in, "in");
        Map<String, byte[]> entries = ZipEntries.readAll(in, source, TensorFormatException::new);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            String name = e.getKey().endsWith(SUFFIX)
                    ? e.getKey().substring(0, e.getKey().length() - SUFFIX.length()) : e.getKey();
            if (tensors.containsKey(name)) {
                throw new TensorFormatException(source + ": two entries give the tensor name '" + name + "'");
            }
            tensors.put(name, Npy.read(ZipEntries.open(e.getValue()), source + " entry '" + e.getKey() + "'"));
        }
        return Collections.unmodifiableMap(tensors);
    }
}
