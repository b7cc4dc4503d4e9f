package dev.flowgraph.examples.mnist;

import static dev.flowgraph.examples.mnist.MnistDataException.WHERE_TO_GET_THE_DATA;
import static dev.flowgraph.examples.mnist.TestData.gzip;
import static dev.flowgraph.examples.mnist.TestData.idx;
import static dev.flowgraph.examples.mnist.TestData.write;
import static dev.flowgraph.examples.mnist.TestData.writeImages;
import static dev.flowgraph.examples.mnist.TestData.writeLabels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flowgraph.DType;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    private Path images() {
        return dir.resolve("images.gz");
    }

    private Path labels() {
        return dir.resolve("labels.gz");
    }

    private void assertFails(String problem) {
        MnistDataException e = assertThrows(MnistDataException.class, () -> IdxReader.read(images(), labels()));
        assertEquals(problem + " " + WHERE_TO_GET_THE_DATA, e.getMessage());
    }

    @Test
    void readsImagesAndLabels() throws MnistDataException {
        writeImages(images(), 2, 2, 3);
        writeLabels(labels(), 7, 255);
        ImageSet set = IdxReader.read(images(), labels());

        assertEquals(2, set.size());
        assertEquals(2, set.rows());
        assertEquals(3, set.cols());
        assertEquals(6, set.pixelsPerImage());
        // Pixel k of the file is k: image 1, row 1, column 2 is pixel 6 + 3 + 2 = 11.
        assertEquals(11, set.pixel(1, 1, 2));
        assertEquals(255, set.label(1));
        Tensor x = set.images();
        assertEquals(DType.FLOAT32, x.dtype());
        assertEquals(Shape.of(2, 6), x.shape());
        assertArrayEquals(new float[] {0f, 1 / 255f, 2 / 255f, 3 / 255f, 4 / 255f, 5 / 255f,
            6 / 255f, 7 / 255f, 8 / 255f, 9 / 255f, 10 / 255f, 11 / 255f}, x.toFloatArray());
        Tensor y = set.labels();
        assertEquals(DType.INT64, y.dtype());
        assertArrayEquals(new long[] {7, 255}, y.toLongArray());
        assertEquals("ImageSet[2 images of 2x3]", set.toString());
    }

    @Test
    void scalesEveryByteValueToTheUnitInterval() throws MnistDataException {
        writeImages(images(), 1, 16, 16);
        writeLabels(labels(), 0);
        float[] x = IdxReader.read(images(), labels()).images().toFloatArray();
        assertEquals(0f, x[0]);
        assertEquals(1f, x[255]);
        assertEquals(128 / 255f, x[128]);
    }

    @Test
    void missingFile() {
        writeLabels(labels(), 1);
        assertFails(images() + " is missing: expected a gzip-compressed IDX file of magic"
                + " 0x00000803 (unsigned bytes, 3 dimensions, as in an images file).");
    }

    @Test
    void uncompressedFile() {
        write(images(), idx(IdxReader.IMAGES_MAGIC, new int[] {1, 1, 1}, new byte[1]));
        writeLabels(labels(), 1);
        assertFails(images() + ": expected a gzip-compressed file (starting with bytes 1f 8b) but it starts with"
                + " 00 00 08 03 (an uncompressed IDX file? compress it with gzip).");
    }

    @Test
    void fileOfAnotherKind() {
        write(images(), "<html>".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        writeLabels(labels(), 1);
        assertFails(images() + ": expected a gzip-compressed file (starting with bytes 1f 8b) but it starts with"
                + " 3c 68 74 6d.");
    }

    @Test
    void emptyFile() {
        write(images(), new byte[0]);
        assertFails(images() + ": expected a gzip-compressed file (starting with bytes 1f 8b) but it is empty.");
    }

    @Test
    void swappedFiles() {
        writeLabels(images(), 1);
        writeImages(labels(), 1, 1, 1);
        assertFails(images() + ": expected the IDX magic number 0x00000803 (unsigned bytes, 3 dimensions, as in"
                + " an images file) but found 0x00000801 (unsigned bytes, 1 dimension, as in a labels file).");
    }

    @Test
    void otherElementTypeAndNoMagicAtAll() {
        write(images(), gzip(idx(0x00000d03, new int[] {1, 1, 1}, new byte[4])));
        assertFails(images() + ": expected the IDX magic number 0x00000803 (unsigned bytes, 3 dimensions, as in"
                + " an images file) but found 0x00000d03 (32-bit floats, 3 dimensions).");
        write(images(), gzip("GIF89a..........".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertFails(images() + ": expected the IDX magic number 0x00000803 (unsigned bytes, 3 dimensions, as in"
                + " an images file) but found 0x47494638, which is no IDX magic number (those start with two"
                + " zero bytes).");
    }

    @Test
    void countsDisagree() {
        writeImages(images(), 3, 2, 2);
        writeLabels(labels(), 1, 2);
        assertFails(images() + " holds 3 images but " + labels() + " holds 2 labels: expected one label per image.");
    }

    @Test
    void truncatedValues() {
        // 10,000 images of 28x28 declared, 784 bytes present.
        write(images(), gzip(idx(IdxReader.IMAGES_MAGIC, new int[] {10_000, 28, 28}, new byte[784])));
        assertFails(images() + " is truncated: its header declares [10000, 28, 28], 7,840,000 bytes of values,"
                + " but the data ends after 784.");
    }

    @Test
    void truncatedHeader() {
        write(images(), gzip(Arrays.copyOf(idx(IdxReader.IMAGES_MAGIC, new int[] {1, 28, 28}, new byte[0]), 10)));
        assertFails(images() + ": expected an IDX header of 3 dimension sizes after the magic number, but the data"
                + " ends after 6 of its 12 bytes.");
        write(images(), gzip(new byte[] {0, 0, 8}));
        assertFails(images() + ": expected an IDX header starting with the magic number 0x00000803 (unsigned"
                + " bytes, 3 dimensions, as in an images file), but the data ends after 3 bytes.");
    }

    @Test
    void extraData() {
        write(images(), gzip(idx(IdxReader.IMAGES_MAGIC, new int[] {1, 2, 2}, new byte[5])));
        assertFails(images() + " has more data than its header declares: expected 4 bytes of values for [1, 2, 2].");
    }

    @Test
    void cutShortGzipStream() {
        byte[] whole = gzip(idx(IdxReader.IMAGES_MAGIC, new int[] {100, 28, 28}, new byte[78_400]));
        write(images(), Arrays.copyOf(whole, whole.length / 2));
        MnistDataException e = assertThrows(MnistDataException.class, () -> IdxReader.read(images(), labels()));
        assertEquals(images() + ": expected gzip-compressed IDX data, but reading it failed ("
                + e.getCause() + "); the file is corrupt or cut short. " + WHERE_TO_GET_THE_DATA, e.getMessage());
        assertEquals(java.io.EOFException.class, e.getCause().getClass());
    }

    @Test
    void impossibleSizes() {
        write(images(), gzip(idx(IdxReader.IMAGES_MAGIC, new int[] {-1, 28, 28}, new byte[0])));
        assertFails(images() + ": expected dimension sizes below 2^31 in the IDX header, but dimension 0 is"
                + " 4294967295.");
        write(images(), gzip(idx(IdxReader.IMAGES_MAGIC, new int[] {1 << 30, 28, 28}, new byte[0])));
        assertFails(images() + ": its IDX header declares [1073741824, 28, 28], more than the 2,147,483,639"
                + " values one Java array holds.");
    }
}
