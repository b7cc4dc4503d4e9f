package dev.flowgraph.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.examples.mnist.MnistDataException;
import dev.flowgraph.examples.mnist.TestData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7's accuracy targets, reached by the Mnist example with its default settings: at least
 * 95% on the 2,000 held-out MNIST digits after 10 epochs on the other 8,000, and at least 86.5%
 * on the Fashion-MNIST test set after 5 epochs (skipped where Fashion-MNIST is not installed;
 * .ci/run installs it). Training is deterministic, so these are the accuracies docs/training.md
 * reports.
 */
@Timeout(600)
class MnistTargetsTest {
    @TempDir
    Path out;

    private Mnist.Report train(Path data) throws MnistDataException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        // 0 epochs means the example's default: 10 on the test-file split, 5 on a full training set.
        return Mnist.run(new PrintStream(printed, true, StandardCharsets.UTF_8), new Mnist.Options(data, 0, out, 2));
    }

    @Test
    void mnistDigitsReach95PercentAfter10Epochs() throws MnistDataException {
        Mnist.Report report = train(TestData.mnistTestFiles());
        assertEquals(10 * 63, report.mlpLosses().length, "10 epochs of 63 batches");
        assertTrue(report.mlpAccuracy() >= 0.95, "MLP accuracy " + report.mlpAccuracy());
    }

    @Test
    void fashionMnistReaches86Point5PercentAfter5Epochs() throws MnistDataException {
        Mnist.Report report = train(TestData.fashionMnist());
        assertEquals(5 * 469, report.mlpLosses().length, "5 epochs of 469 batches");
        assertTrue(report.mlpAccuracy() >= 0.865, "MLP accuracy " + report.mlpAccuracy());
    }
}
