package dev.flowgraph.examples;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.Graph;
import dev.flowgraph.GraphDot;
import dev.flowgraph.Session;
import dev.flowgraph.examples.mnist.LossChart;
import dev.flowgraph.examples.mnist.MiniBatches;
import dev.flowgraph.examples.mnist.MisclassifiedGrid;
import dev.flowgraph.examples.mnist.MnistDataException;
import dev.flowgraph.examples.mnist.MnistDataset;
import dev.flowgraph.examples.mnist.MnistModel;
import dev.flowgraph.examples.mnist.MnistModel.Architecture;
import dev.flowgraph.examples.mnist.ProgressBar;
import dev.flowgraph.io.Checkpoint;
import dev.flowgraph.ops.Ops;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Learns to read images from scratch: a softmax regression, then a 784-128-10 MLP trained with
 * Adam (learning rate 1e-3, batches of 128), on MNIST digits or Fashion-MNIST, which share the
 * IDX format and file names. It prints a progress bar per epoch with the loss and steps per
 * second, the test accuracy of both models, saves the MLP's variables to a checkpoint, restores
 * them in a fresh session and prints the same accuracy again; it writes the loss curve, a grid of
 * misclassified test images and the graph's picture.
 *
 * <p>Data: the directory given as the first argument, by default
 * {@code /usr/share/datasets/fashion-mnist} ({@code apt-get install dataset-fashion-mnist}).
 * Nothing is downloaded. With only the test files present (as in {@code ../shared/datasets/mnist}),
 * it trains on the first 8,000 test images and evaluates on the last 2,000, and says so. Epochs:
 * 5 on a full training set, 10 on the 8,000-image split, unless {@code --epochs N} says otherwise.
 * Output files go to {@code target/} unless {@code --out DIR} names another directory;
 * {@code --threads N} sets the session's pool.
 *
 * <pre>{@code
 * mvn -q -pl engine-examples -am compile exec:java -Dexample=Mnist
 * mvn -q -pl engine-examples -am compile exec:java -Dexample=Mnist -Dexec.args="../shared/datasets/mnist --epochs 10"
 * }</pre>
 */
public final class Mnist {
    /** Adam's learning rate for both models. */
    public static final double LEARNING_RATE = 1e-3;
    /** Images per training step. */
    public static final int BATCH_SIZE = 128;
    /** The seed of the initial weights and of the batches' shuffle. */
    public static final long SEED = 42;

    private Mnist() {}

    /**
     * What to train on and where to write.
     *
     * @param dataDirectory the directory of the IDX files
     * @param epochs the epochs of each model, or 0 for the default (5, or 10 on the test-file split)
     * @param outputDirectory where the checkpoint and pictures go
     * @param threads the session's pool size
     */
    public record Options(Path dataDirectory, int epochs, Path outputDirectory, int threads) {
        /** Checks the values. */
        public Options {
            checkArgument(epochs >= 0, "epochs must be at least 0, not %s", epochs);
            checkArgument(threads >= 1, "threads must be at least 1, not %s", threads);
        }

        /**
         * Reads the command line: {@code [data-directory] [--epochs N] [--out DIR] [--threads N]}.
         *
         * @param args the arguments
         * @return the options
         * @throws IllegalArgumentException if an argument is not understood
         */
        public static Options parse(String... args) {
            Path data = MnistDataset.DEFAULT_DIRECTORY;
            int epochs = 0;
            Path out = Path.of("target");
            int threads = Runtime.getRuntime().availableProcessors();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.startsWith("--")) {
                    checkArgument(i + 1 < args.length, "%s needs a value", arg);
                    String value = args[++i];
                    switch (arg) {
                        case "--epochs" -> epochs = Integer.parseInt(value);
                        case "--out" -> out = Path.of(value);
                        case "--threads" -> threads = Integer.parseInt(value);
                        default -> throw new IllegalArgumentException(
                                "unknown option " + arg + "; the options are --epochs N, --out DIR and --threads N");
                    }
                } else {
                    data = Path.of(arg);
                }
            }
            return new Options(data, epochs, out, threads);
        }
    }

    /**
     * What a run learned and wrote.
     *
     * @param softmaxAccuracy the softmax regression's test accuracy
     * @param mlpAccuracy the MLP's test accuracy
     * @param restoredAccuracy the MLP's test accuracy in a fresh session restored from the checkpoint
     * @param mlpLosses the MLP's loss at each training step
     * @param checkpoint the MLP's checkpoint
     * @param lossChart the PNG of the MLP's loss curve
     * @param misclassified the PNG of misclassified test images
     */
    public record Report(double softmaxAccuracy, double mlpAccuracy, double restoredAccuracy, double[] mlpLosses,
            Path checkpoint, Path lossChart, Path misclassified) {}

    /**
     * Runs the example, printing to standard output; a missing or malformed data file is reported
     * on standard error, with where to get the data, and ends the program with status 1.
     *
     * @param args {@code [data-directory] [--epochs N] [--out DIR] [--threads N]}
     */
    public static void main(String[] args) {
        try {
            run(System.out, Options.parse(args));
        } catch (MnistDataException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Trains both models and writes the checkpoint and pictures.
     *
     * @param out where to print
     * @param options what to train on and where to write
     * @return the accuracies, losses and files
     * @throws MnistDataException if a data file is missing or malformed
     * @throws UncheckedIOException if an output file cannot be written
     */
    public static Report run(PrintStream out, Options options) throws MnistDataException {
        MnistDataset data = MnistDataset.load(options.dataDirectory());
        out.println(data.description());
        int epochs = options.epochs() > 0 ? options.epochs() : data.splitFromTestFiles() ? 10 : 5;
        ProgressBar bar = out == System.out ? ProgressBar.onStandardOutput()
                : new ProgressBar(out, false, System::nanoTime);
        try {
            Files.createDirectories(options.outputDirectory());
            double softmax;
            try (Graph g = new Graph()) {
                out.println("Softmax regression, " + epochs + " epochs:");
                MnistModel model = MnistModel.build(Ops.on(g), Architecture.SOFTMAX_REGRESSION, LEARNING_RATE, SEED);
                try (Session s = new Session(g, options.threads())) {
                    model.initialize(s);
                    train(model, s, data, epochs, bar, null);
                    softmax = data.test().accuracy(model.predict(s, data.test().images()));
                }
                out.printf("Softmax regression: test accuracy %.2f%%%n", 100 * softmax);
            }
            try (Graph g = new Graph()) {
                out.println("MLP 784-128-10, " + epochs + " epochs:");
                MnistModel model = MnistModel.build(Ops.on(g), Architecture.MLP, LEARNING_RATE, SEED);
                GraphPictures.write(out, "Graph picture", GraphDot.toDot(g), options.outputDirectory().resolve("Mnist"));
                Path checkpoint = options.outputDirectory().resolve("mnist-mlp.npz");
                LossChart chart = new LossChart(data.train().batches(BATCH_SIZE, SEED).steps());
                long[] predicted;
                double mlp;
                try (Session s = new Session(g, options.threads())) {
                    model.initialize(s);
                    train(model, s, data, epochs, bar, chart);
                    predicted = model.predict(s, data.test().images());
                    mlp = data.test().accuracy(predicted);
                    Checkpoint.save(s, checkpoint);
                }
                out.printf("MLP: test accuracy %.2f%%; variables saved to %s%n", 100 * mlp, checkpoint);
                double restored;
                try (Session fresh = new Session(g, options.threads())) {
                    Checkpoint.restore(fresh, checkpoint);
                    restored = data.test().accuracy(model.predict(fresh, data.test().images()));
                }
                out.printf("MLP restored from the checkpoint in a fresh session: test accuracy %.2f%%%n", 100 * restored);
                Path lossChart = options.outputDirectory().resolve("mnist-loss.png");
                chart.writePng(lossChart);
                out.println("Loss curve: " + lossChart);
                Path grid = options.outputDirectory().resolve("mnist-misclassified.png");
                int drawn = MisclassifiedGrid.writePng(grid, data.test(), predicted);
                out.println("Misclassified test images (" + drawn + " shown): " + grid);
                return new Report(softmax, mlp, restored, chart.losses(), checkpoint, lossChart, grid);
            }
        } catch (MnistDataException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to " + options.outputDirectory() + ": " + e.getMessage(), e);
        }
    }

    /** Trains for some epochs over seeded shuffles of the training set, drawing a progress bar. */
    private static void train(MnistModel model, Session session, MnistDataset data, int epochs, ProgressBar bar,
            LossChart chart) {
        MiniBatches batches = data.train().batches(BATCH_SIZE, SEED);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            bar.startEpoch(epoch, epochs, batches.steps());
            for (MiniBatches.Batch batch : batches.epoch(epoch - 1)) {
                double loss = model.trainStep(session, batch);
                bar.step(loss);
                if (chart != null) {
                    chart.add(loss);
                }
            }
            bar.finishEpoch();
        }
    }
}
