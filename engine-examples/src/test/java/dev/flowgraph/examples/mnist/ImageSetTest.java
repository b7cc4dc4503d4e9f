package dev.flowgraph.examples.mnist;

import static dev.flowgraph.examples.mnist.TestData.writeImages;
import static dev.flowgraph.examples.mnist.TestData.writeLabels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSetTest {
    private ImageSet set;

    /** Four 1x2 images whose pixels are 0 1 | 2 3 | 4 5 | 6 7, labelled 3 1 4 1. */
    @BeforeEach
    void fourImages(@TempDir Path dir) throws MnistDataException {
        set = IdxReader.read(writeImages(dir.resolve("i.gz"), 4, 1, 2), writeLabels(dir.resolve("l.gz"), 3, 1, 4, 1));
    }

    @Test
    void gathersChosenImagesInTheOrderGiven() {
        Tensor x = set.images(new int[] {2, 0, 2});
        assertEquals(Shape.of(3, 2), x.shape());
        assertArrayEquals(new float[] {4 / 255f, 5 / 255f, 0f, 1 / 255f, 4 / 255f, 5 / 255f}, x.toFloatArray());
        assertArrayEquals(new long[] {4, 3, 4}, set.labels(new int[] {2, 0, 2}).toLongArray());
        assertThrows(IndexOutOfBoundsException.class, () -> set.images(new int[] {4}));
    }

    @Test
    void slicesShareTheDataAndCountFromZero() {
        ImageSet middle = set.slice(1, 3);
        assertEquals(2, middle.size());
        assertArrayEquals(new long[] {1, 4}, middle.labels().toLongArray());
        assertArrayEquals(new float[] {2 / 255f, 3 / 255f, 4 / 255f, 5 / 255f}, middle.images().toFloatArray());
        assertEquals(5, middle.pixel(1, 0, 1));
        assertEquals(4, middle.slice(1, 2).label(0));
        assertEquals(0, set.slice(4, 4).size());
        assertThrows(IndexOutOfBoundsException.class, () -> middle.label(2));
        assertThrows(IndexOutOfBoundsException.class, () -> set.slice(3, 5));
        assertThrows(IndexOutOfBoundsException.class, () -> set.pixel(0, 1, 0));
    }

    @Test
    void accuracyIsTheFractionOfCorrectPredictions() {
        // labels 3 1 4 1; predictions 3 1 0 0: 2 of 4 right.
        assertEquals(0.5, set.accuracy(new long[] {3, 1, 0, 0}));
        assertEquals(1.0, set.accuracy(new long[] {3, 1, 4, 1}));
        assertEquals(0.0, set.slice(0, 0).accuracy(new long[0]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> set.accuracy(new long[] {3, 1}));
        assertEquals("expected one prediction per image, 4, but got 2", e.getMessage());
    }
}
