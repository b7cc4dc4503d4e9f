package dev.flowgraph.examples.mnist;

import static dev.flowgraph.examples.mnist.LossChartTest.readPng;
import static dev.flowgraph.examples.mnist.MisclassifiedGrid.CAPTION_HEIGHT;
import static dev.flowgraph.examples.mnist.MisclassifiedGrid.PADDING;
import static dev.flowgraph.examples.mnist.MisclassifiedGrid.SCALE;
import static dev.flowgraph.examples.mnist.TestData.writeImages;
import static dev.flowgraph.examples.mnist.TestData.writeLabels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class MisclassifiedGridTest {
    /** One cell of a 28x28 grid: 28 * 3 + 2 * 4 = 92 wide, 28 * 3 + 16 + 2 * 4 = 108 high. */
    private static final int CELL_WIDTH = 92;
    private static final int CELL_HEIGHT = 108;

    @TempDir
    Path dir;
    private ImageSet forty;

    /** 40 images of 28x28 whose file pixel k is k % 256, labelled i % 10. */
    @BeforeEach
    void fortyImages() throws MnistDataException {
        TestData.assumeTextRenders();
        forty = IdxReader.read(writeImages(dir.resolve("i.gz"), 40, 28, 28),
                writeLabels(dir.resolve("l.gz"), IntStream.range(0, 40).map(i -> i % 10).toArray()));
    }

    private static int grey(BufferedImage png, int x, int y) {
        return png.getRaster().getSample(x, y, 0);
    }

    /** Asserts that the 3x3 block of pixel (row, col) in cell k has the grey {@code expected}. */
    private static void assertBlock(BufferedImage png, int k, int row, int col, int expected) {
        int x = (k % 6) * CELL_WIDTH + PADDING + col * SCALE;
        int y = (k / 6) * CELL_HEIGHT + PADDING + row * SCALE;
        for (int dy = 0; dy < SCALE; dy++) {
            for (int dx = 0; dx < SCALE; dx++) {
                assertEquals(expected, grey(png, x + dx, y + dy), "cell " + k + " pixel " + row + "," + col);
            }
        }
    }

    @Test
    void showsTheFirstThirtySixMisclassifiedImages() throws IOException {
        // Every image but 1 and 3 is misclassified: predicted (label + 1) % 10.
        long[] predicted = IntStream.range(0, 40).mapToLong(i -> i == 1 || i == 3 ? i % 10 : (i + 1) % 10).toArray();
        Path file = dir.resolve("grid/misclassified.png");
        assertEquals(36, MisclassifiedGrid.writePng(file, forty, predicted));

        BufferedImage png = readPng(file);
        assertEquals(6 * CELL_WIDTH, png.getWidth());
        assertEquals(6 * CELL_HEIGHT, png.getHeight());
        assertEquals(CELL_WIDTH, 28 * SCALE + 2 * PADDING);
        assertEquals(CELL_HEIGHT, 28 * SCALE + CAPTION_HEIGHT + 2 * PADDING);
        // Cells 0, 1, 2 hold images 0, 2, 4 (1 and 3 are right); cell 7 holds image 9.
        // Image 2, row 5, column 9 is file pixel 2 * 784 + 5 * 28 + 9 = 1717, and 1717 % 256 = 181.
        assertBlock(png, 1, 5, 9, 181);
        // Image 9, row 0, column 0: 9 * 784 = 7056, 7056 % 256 = 144.
        assertBlock(png, 7, 0, 0, 144);
        // Image 0, row 27, column 27: 783 % 256 = 15.
        assertBlock(png, 0, 27, 27, 15);
        assertEquals(0, grey(png, 0, 0), "black border");
        // The caption under cell 0 has white text in it.
        int top = PADDING + 28 * SCALE;
        boolean text = false;
        for (int y = top; y < top + CAPTION_HEIGHT; y++) {
            for (int x = 0; x < CELL_WIDTH; x++) {
                text |= grey(png, x, y) > 200;
            }
        }
        assertTrue(text, "caption drawn");
    }

    @Test
    void aFewMisclassifiedImagesMakeOneShortRow() throws IOException {
        long[] predicted = IntStream.range(0, 40).mapToLong(i -> i % 10).toArray();
        predicted[12] = 0;
        predicted[30] = 7;
        Path file = dir.resolve("two.png");
        assertEquals(2, MisclassifiedGrid.writePng(file, forty, predicted));
        BufferedImage png = readPng(file);
        assertEquals(2 * CELL_WIDTH, png.getWidth());
        assertEquals(CELL_HEIGHT, png.getHeight());
        // Cell 1 is image 30: row 1, column 2 is file pixel 30 * 784 + 28 + 2 = 23550, 23550 % 256 = 254.
        assertBlock(png, 1, 1, 2, 254);
    }

    @Test
    void noMisclassifiedImagesMakesOneLineOfText() throws IOException {
        long[] predicted = IntStream.range(0, 40).mapToLong(i -> i % 10).toArray();
        Path file = dir.resolve("none.png");
        assertEquals(0, MisclassifiedGrid.writePng(file, forty, predicted));
        BufferedImage png = readPng(file);
        assertEquals(6 * CELL_WIDTH, png.getWidth());
        assertEquals(CAPTION_HEIGHT + 2 * PADDING, png.getHeight());
    }

    @Test
    void aRealMnistDigit() throws IOException {
        ImageSet test = MnistDataset.load(TestData.mnistTestFiles()).train();
        long[] predicted = new long[test.size()];
        Arrays.fill(predicted, 1);
        Path file = dir.resolve("mnist.png");
        MisclassifiedGrid.writePng(file, test, predicted);
        // The first MNIST test image is a 7 (predicted 1: wrong), its pixel at row 7, column 6 is 84 (NumPy:
        // x[0].reshape(28, 28)[7, 6]), and its first row is blank.
        BufferedImage png = readPng(file);
        assertBlock(png, 0, 7, 6, 84);
        assertBlock(png, 0, 0, 0, 0);
    }

    @Test
    void onePredictionPerImage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MisclassifiedGrid.writePng(dir.resolve("x.png"), forty, new long[39]));
        assertEquals("expected one prediction per image, 40, but got 39", e.getMessage());
    }
}
