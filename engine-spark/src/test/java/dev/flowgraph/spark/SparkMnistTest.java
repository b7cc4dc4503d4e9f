package dev.flowgraph.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.examples.mnist.MnistDataException;
import dev.flowgraph.spark.examples.SparkMnist;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** SparkMnist on the committed MNIST test digits (8,000 to train, 2,000 to test), for one epoch. */
class SparkMnistTest {
    @Test
    void learnsDigitsDataParallelOverFourPartitions() throws MnistDataException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SparkMnist.Report report = SparkMnist.run(new PrintStream(printed, true, StandardCharsets.UTF_8),
                LocalSpark.session(), Path.of("../engine-examples/src/test/data/mnist"), 1);
        String text = printed.toString(StandardCharsets.UTF_8);

        // 8,000 images in 4 partitions of 2,000; 32 per partition per step: ceil(2000 / 32) = 63 steps
        assertEquals(63, report.steps(), text);
        // Chance is 10%; one epoch of the single-machine example reaches about 90%.
        assertTrue(report.accuracy() >= 0.85, "accuracy " + report.accuracy() + "\n" + text);
        assertTrue(text.contains("training on 8,000 images over 4 partitions, testing on 2,000"), text);
        assertTrue(text.contains(String.format(Locale.ROOT, "test accuracy %.2f%%", 100 * report.accuracy())), text);
    }
}
