package dev.flowgraph.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.Graph;
import dev.flowgraph.Session;
import dev.flowgraph.Tensor;
import dev.flowgraph.examples.mnist.MiniBatches;
import dev.flowgraph.examples.mnist.MnistDataException;
import dev.flowgraph.examples.mnist.MnistDataset;
import dev.flowgraph.examples.mnist.MnistModel;
import dev.flowgraph.examples.mnist.TestData;
import dev.flowgraph.io.Npy;
import dev.flowgraph.ops.Ops;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Mnist example on the real MNIST test digits (trained on the first 8,000, evaluated on the
 * last 2,000), for a few hundred steps: it learns, its checkpoint restores the same model, it
 * writes its pictures, and its training is bit-identical at any pool size.
 */
class MnistTest {
    @TempDir
    Path out;

    @Test
    void learnsDigitsAndRestoresTheSameModelFromItsCheckpoint() throws MnistDataException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        // 4 epochs of 63 batches: 252 Adam steps per model
        Mnist.Report report = Mnist.run(new PrintStream(printed, true, StandardCharsets.UTF_8),
                new Mnist.Options(TestData.mnistTestFiles(), 4, out, 2));
        String text = printed.toString(StandardCharsets.UTF_8);

        assertTrue(report.mlpAccuracy() >= 0.90, "MLP accuracy " + report.mlpAccuracy() + "\n" + text);
        assertTrue(report.softmaxAccuracy() >= 0.85, "softmax accuracy " + report.softmaxAccuracy() + "\n" + text);
        assertEquals(report.mlpAccuracy(), report.restoredAccuracy(), "the restored model predicts otherwise");
        double[] losses = report.mlpLosses();
        assertEquals(4 * 63, losses.length);
        assertTrue(mean(losses, losses.length - 20, losses.length) < mean(losses, 0, 20) / 4,
                "the loss did not fall to a quarter: " + mean(losses, 0, 20) + " -> "
                        + mean(losses, losses.length - 20, losses.length));
        assertTrue(text.contains("training on the first 8,000 of their 10,000 images"), text);
        assertTrue(text.contains(String.format("MLP: test accuracy %.2f%%", 100 * report.mlpAccuracy())), text);
        assertTrue(text.contains(String.format("fresh session: test accuracy %.2f%%", 100 * report.restoredAccuracy())),
                text);
        for (Path png : List.of(report.lossChart(), report.misclassified())) {
            assertTrue(isPng(png), png + " is not a PNG");
        }
        assertTrue(Files.isRegularFile(out.resolve("Mnist.dot")));
        assertTrue(Files.isRegularFile(report.checkpoint()));
    }

    /**
     * Issue 6's determinism clause: the same seed gives the same losses and weights at any pool
     * size (1, 2 and 8 threads) and when the training is repeated.
     */
    @Test
    void trainingIsBitIdenticalAtAnyPoolSizeAndWhenRepeated() throws MnistDataException {
        MnistDataset data = MnistDataset.load(TestData.mnistTestFiles());
        Trained reference = train(data, 1);
        for (int threads : new int[] {1, 2, 8}) {
            Trained other = train(data, threads);
            assertArrayEquals(reference.losses(), other.losses(), "losses with " + threads + " threads");
            assertEquals(reference.variables().keySet(), other.variables().keySet());
            for (String name : reference.variables().keySet()) {
                assertArrayEquals(Npy.toBytes(reference.variables().get(name)), Npy.toBytes(other.variables().get(name)),
                        name + " differs between pools of 1 and " + threads + " threads");
            }
        }
    }

    @Test
    void aMissingDataDirectorySaysWhereToGetTheData() {
        MnistDataException e = assertThrows(MnistDataException.class,
                () -> Mnist.run(System.out, new Mnist.Options(out.resolve("nowhere"), 1, out, 1)));
        assertTrue(e.getMessage().contains("nowhere") && e.getMessage().contains("apt-get install dataset-fashion-mnist"),
                e.getMessage());
    }

    @Test
    void readsItsCommandLine() {
        Mnist.Options o = Mnist.Options.parse("/data", "--epochs", "3", "--out", "/tmp/o", "--threads", "2");
        assertEquals(new Mnist.Options(Path.of("/data"), 3, Path.of("/tmp/o"), 2), o);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Mnist.Options.parse("--epoch", "3"));
        assertTrue(e.getMessage().contains("unknown option --epoch"), e.getMessage());
    }

    private record Trained(double[] losses, Map<String, Tensor> variables) {}

    /** 20 Adam steps of the MLP on the first batches of epoch 0. */
    private static Trained train(MnistDataset data, int threads) {
        try (Graph g = new Graph()) {
            MnistModel model = MnistModel.build(Ops.on(g), MnistModel.Architecture.MLP, Mnist.LEARNING_RATE, Mnist.SEED);
            try (Session s = new Session(g, threads)) {
                model.initialize(s);
                List<Double> losses = new ArrayList<>();
                for (MiniBatches.Batch b : data.train().batches(Mnist.BATCH_SIZE, Mnist.SEED).epoch(0)) {
                    losses.add(model.trainStep(s, b));
                    if (losses.size() == 20) {
                        break;
                    }
                }
                return new Trained(losses.stream().mapToDouble(Double::doubleValue).toArray(), s.variableValues());
            }
        }
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }

    private static boolean isPng(Path file) {
        try {
            byte[] head = Files.readAllBytes(file);
            return head.length > 8 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G';
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
