package dev.flowgraph.examples.mnist;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** The real data sets the tests read, and tiny IDX files the tests write. */
public final class TestData {
    private TestData() {}

    /**
     * The official MNIST test files, committed under {@code src/test/data/mnist} (a copy of the
     * team's {@code shared/datasets/mnist}, so that CI trains on real digits too).
     */
    public static Path mnistTestFiles() {
        return Path.of("src/test/data/mnist");
    }

    /** Fashion-MNIST as the Debian package installs it; the test is skipped without it. */
    public static Path fashionMnist() {
        assumeTrue(Files.isRegularFile(MnistDataset.DEFAULT_DIRECTORY.resolve(MnistDataset.TRAIN_IMAGES)),
                "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist; .ci/run installs it)");
        return MnistDataset.DEFAULT_DIRECTORY;
    }

    /**
     * Skips a picture test where AWT cannot draw text (a headless JDK without fontconfig or any
     * font; .ci/run installs fonts-dejavu-core).
     */
    static void assumeTextRenders() {
        boolean renders;
        try {
            Pictures.headless();
            Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY)
                    .createGraphics();
            renders = g.getFontMetrics(new Font(Font.SANS_SERIF, Font.PLAIN, 12))
                    .stringWidth("7") > 0;
            g.dispose();
        } catch (RuntimeException | Error e) {
            renders = false;
        }
        assumeTrue(renders, "AWT cannot draw text here: no fonts (apt-get install fontconfig fonts-dejavu-core)");
    }

    /** The bytes of an uncompressed IDX file: big-endian magic and sizes, then the values. */
    static byte[] idx(int magic, int[] dims, byte[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + values.length);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        return b.put(values).array();
    }

    static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Path write(Path file, byte[] content) {
        try {
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes gzip-compressed images {@code [count, rows, cols]} whose pixel k is {@code k % 256}. */
    static Path writeImages(Path file, int count, int rows, int cols) {
        byte[] pixels = new byte[count * rows * cols];
        for (int k = 0; k < pixels.length; k++) {
            pixels[k] = (byte) k;
        }
        return write(file, gzip(idx(IdxReader.IMAGES_MAGIC, new int[] {count, rows, cols}, pixels)));
    }

    /** Writes gzip-compressed labels, one byte each. */
    static Path writeLabels(Path file, int... labels) {
        byte[] values = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            values[i] = (byte) labels[i];
        }
        return write(file, gzip(idx(IdxReader.LABELS_MAGIC, new int[] {labels.length}, values)));
    }
}
