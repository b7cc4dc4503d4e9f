package dev.flowgraph.examples.mnist;

import static dev.flowgraph.examples.mnist.TestData.writeImages;
import static dev.flowgraph.examples.mnist.TestData.writeLabels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flowgraph.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MiniBatchesTest {
    private ImageSet set;

    /** 300 images of 1x1 pixel, image i labelled i % 256 and its pixel i % 256 too. */
    @BeforeEach
    void threeHundredImages(@TempDir Path dir) throws MnistDataException {
        set = IdxReader.read(writeImages(dir.resolve("i.gz"), 300, 1, 1),
                writeLabels(dir.resolve("l.gz"), IntStream.range(0, 300).toArray()));
    }

    @Test
    void anEpochVisitsEveryImageOnceInBatchesOfTheGivenSize() {
        MiniBatches batches = set.batches(128, 42);
        assertEquals(128, batches.batchSize());
        // ceil(300 / 128) = 3 batches: 128, 128 and 44.
        assertEquals(3, batches.steps());
        List<MiniBatches.Batch> epoch = new ArrayList<>();
        batches.epoch(0).forEach(epoch::add);
        assertEquals(List.of(Shape.of(128, 1), Shape.of(128, 1), Shape.of(44, 1)),
                epoch.stream().map(b -> b.images().shape()).toList());

        long[] seen = epoch.stream().flatMapToLong(b -> Arrays.stream(b.labels().toLongArray())).toArray();
        long[] expected = Arrays.stream(batches.order(0)).mapToLong(i -> i % 256).toArray();
        assertArrayEquals(expected, seen);
        // Each image's pixel equals its label, so rows stay with their labels.
        for (MiniBatches.Batch b : epoch) {
            float[] x = b.images().toFloatArray();
            long[] y = b.labels().toLongArray();
            for (int i = 0; i < y.length; i++) {
                assertEquals(y[i] / 255f, x[i]);
            }
        }
        int[] sorted = batches.order(0).clone();
        Arrays.sort(sorted);
        assertArrayEquals(IntStream.range(0, 300).toArray(), sorted);
    }

    @Test
    void theOrderDependsOnlyOnSeedAndEpoch() {
        int[] epoch3 = set.batches(128, 42).order(3);
        assertArrayEquals(epoch3, set.batches(10, 42).order(3));
        assertFalse(Arrays.equals(epoch3, set.batches(128, 42).order(2)));
        assertFalse(Arrays.equals(epoch3, set.batches(128, 43).order(3)));
        assertFalse(Arrays.equals(epoch3, IntStream.range(0, 300).toArray()));
    }

    @Test
    void badArgumentsAndAnExhaustedEpoch() {
        assertEquals("batchSize must be at least 1 but is 0",
                assertThrows(IllegalArgumentException.class, () -> set.batches(0, 1)).getMessage());
        assertEquals("epoch must be at least 0 but is -1",
                assertThrows(IllegalArgumentException.class, () -> set.batches(1, 1).order(-1)).getMessage());
        Iterator<MiniBatches.Batch> it = set.batches(300, 1).epoch(0).iterator();
        it.next();
        assertEquals("the epoch's 1 batches are used up",
                assertThrows(NoSuchElementException.class, it::next).getMessage());
        assertEquals(0, set.slice(0, 0).batches(128, 1).steps());
    }
}
