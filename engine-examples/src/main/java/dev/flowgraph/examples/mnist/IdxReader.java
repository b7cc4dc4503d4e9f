package dev.flowgraph.examples.mnist;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Reads gzip-compressed IDX files, the format of MNIST and Fashion-MNIST. An IDX file is a
 * big-endian header (a 4-byte magic number {@code 0x0000TTRR}, where {@code TT} is the element
 * type, {@code 0x08} for unsigned bytes, and {@code RR} the number of dimensions; then one 4-byte
 * size per dimension) followed by the values in row-major order. Images are
 * {@code 0x00000803} ({@code [count, rows, columns]} unsigned bytes), labels
 * {@code 0x00000801} ({@code [count]} unsigned bytes).
 *
 * <p>Every problem, from a missing file to a header that promises more values than the file
 * holds, is a {@link MnistDataException} naming the file, what was expected and what was found.
 *
 * <pre>{@code
 * Path dir = Path.of("/usr/share/datasets/fashion-mnist");
 * ImageSet test = IdxReader.read(dir.resolve("t10k-images-idx3-ubyte.gz"),
 *                                dir.resolve("t10k-labels-idx1-ubyte.gz"));
 * test.size();   // 10000
 * }</pre>
 */
public final class IdxReader {
    /** The magic number of an IDX file of unsigned-byte images: 3 dimensions, count × rows × columns. */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** The magic number of an IDX file of unsigned-byte labels: 1 dimension, the count. */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int GZIP_BUFFER = 1 << 16;

    private IdxReader() {}

    /**
     * Reads an images file and its labels file into one set of labelled images.
     *
     * @param imagesFile a gzip-compressed IDX file of magic {@code 0x00000803}
     * @param labelsFile a gzip-compressed IDX file of magic {@code 0x00000801} with one
     *     label per image
     * @return the images with their labels, in file order
     * @throws MnistDataException if a file is missing, not gzip, not the expected IDX kind,
     *     truncated or followed by extra data, or if the two files disagree on the count
     */
    public static ImageSet read(Path imagesFile, Path labelsFile) throws MnistDataException {
        Idx images = read(imagesFile, IMAGES_MAGIC);
        Idx labels = read(labelsFile, LABELS_MAGIC);
        if (images.dims[0] != labels.dims[0]) {
            throw new MnistDataException(String.format(Locale.ROOT,
                    "%s holds %,d images but %s holds %,d labels: expected one label per image.",
                    imagesFile, images.dims[0], labelsFile, labels.dims[0]));
        }
        return new ImageSet(images.values, labels.values, images.dims[0], images.dims[1], images.dims[2]);
    }

    /** The sizes and values of one IDX file. */
    private record Idx(int[] dims, byte[] values) {}

    private static Idx read(Path file, int magic) throws MnistDataException {
        if (!Files.isRegularFile(file)) {
            throw new MnistDataException(file + " is missing: expected a gzip-compressed IDX file of magic "
                    + describe(magic) + ".");
        }
        try (InputStream in = openGzip(file)) {
            int rank = magic & 0xff;
            ByteBuffer header = ByteBuffer.wrap(in.readNBytes(4 + 4 * rank));
            if (header.remaining() < 4) {
                throw new MnistDataException(String.format(Locale.ROOT,
                        "%s: expected an IDX header starting with the magic number %s, but the data ends after %d bytes.",
                        file, describe(magic), header.remaining()));
            }
            int found = header.getInt();
            if (found != magic) {
                throw new MnistDataException(file + ": expected the IDX magic number " + describe(magic)
                        + " but found " + describe(found) + ".");
            }
            int[] dims = dims(file, header, rank);
            int length = length(file, dims);
            byte[] values = in.readNBytes(length);
            if (values.length < length) {
                throw new MnistDataException(String.format(Locale.ROOT,
                        "%s is truncated: its header declares %s, %,d bytes of values, but the data ends after %,d.",
                        file, Arrays.toString(dims), length, values.length));
            }
            if (in.read() != -1) {
                throw new MnistDataException(String.format(Locale.ROOT,
                        "%s has more data than its header declares: expected %,d bytes of values for %s.",
                        file, length, Arrays.toString(dims)));
            }
            return new Idx(dims, values);
        } catch (MnistDataException e) {
            throw e;
        } catch (IOException e) {
            throw new MnistDataException(file + ": expected gzip-compressed IDX data, but reading it failed ("
                    + e + "); the file is corrupt or cut short.", e);
        }
    }

    /** Opens the file's decompressed content, after checking that it starts as gzip does. */
    private static InputStream openGzip(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        try {
            raw.mark(4);
            byte[] start = raw.readNBytes(4);
            raw.reset();
            checkGzip(file, start);
            return new GZIPInputStream(raw, GZIP_BUFFER);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static void checkGzip(Path file, byte[] start) throws MnistDataException {
        if (start.length >= 2 && (start[0] & 0xff) == 0x1f && (start[1] & 0xff) == 0x8b) {
            return;
        }
        StringBuilder found = new StringBuilder();
        for (byte b : start) {
            found.append(String.format(Locale.ROOT, " %02x", b & 0xff));
        }
        String plainIdx = start.length == 4 && (start[0] | start[1]) == 0
                ? " (an uncompressed IDX file? compress it with gzip)" : "";
        throw new MnistDataException(file + ": expected a gzip-compressed file (starting with bytes 1f 8b) but it"
                + (start.length == 0 ? " is empty" : " starts with" + found + plainIdx) + ".");
    }

    private static int[] dims(Path file, ByteBuffer header, int rank) throws MnistDataException {
        if (header.remaining() < 4 * rank) {
            throw new MnistDataException(String.format(Locale.ROOT,
                    "%s: expected an IDX header of %d dimension sizes after the magic number, but the data ends"
                            + " after %d of its %d bytes.", file, rank, header.remaining(), 4 * rank));
        }
        int[] dims = new int[rank];
        for (int i = 0; i < rank; i++) {
            dims[i] = header.getInt();
            if (dims[i] < 0) {
                throw new MnistDataException(String.format(Locale.ROOT,
                        "%s: expected dimension sizes below 2^31 in the IDX header, but dimension %d is %s.",
                        file, i, Integer.toUnsignedString(dims[i])));
            }
        }
        return dims;
    }

    private static int length(Path file, int[] dims) throws MnistDataException {
        long length = 1;
        for (int d : dims) {
            length *= d;
            if (length > ImageSet.MAX_VALUES) {
                throw new MnistDataException(String.format(Locale.ROOT,
                        "%s: its IDX header declares %s, more than the %,d values one Java array holds.",
                        file, Arrays.toString(dims), ImageSet.MAX_VALUES));
            }
        }
        return (int) length;
    }

    /** Describes a magic number: its value, element type and number of dimensions. */
    static String describe(int magic) {
        String hex = String.format(Locale.ROOT, "0x%08x", magic);
        if ((magic >>> 16) != 0) {
            return hex + ", which is no IDX magic number (those start with two zero bytes)";
        }
        int type = (magic >>> 8) & 0xff;
        int rank = magic & 0xff;
        String element = switch (type) {
            case 0x08 -> "unsigned bytes";
            case 0x09 -> "signed bytes";
            case 0x0b -> "16-bit integers";
            case 0x0c -> "32-bit integers";
            case 0x0d -> "32-bit floats";
            case 0x0e -> "64-bit floats";
            default -> String.format(Locale.ROOT, "unknown element type 0x%02x", type);
        };
        String kind = magic == IMAGES_MAGIC ? ", as in an images file"
                : magic == LABELS_MAGIC ? ", as in a labels file" : "";
        return String.format(Locale.ROOT, "%s (%s, %d dimension%s%s)", hex, element, rank, rank == 1 ? "" : "s", kind);
    }
}
