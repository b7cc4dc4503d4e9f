package dev.flowgraph.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.Graph;
import dev.flowgraph.Output;
import dev.flowgraph.Runner;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.examples.mnist.MiniBatches;
import dev.flowgraph.examples.mnist.MnistDataException;
import dev.flowgraph.examples.mnist.MnistDataset;
import dev.flowgraph.examples.mnist.MnistModel;
import dev.flowgraph.examples.mnist.TestData;
import dev.flowgraph.io.GraphIO;
import dev.flowgraph.io.Npy;
import dev.flowgraph.ops.Ops;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example's graph saved with {@link GraphIO} and loaded again computes bit-identical results,
 * in this JVM and in a fresh one.
 */
@Timeout(120)
class SavedExamplesTest {
    @TempDir
    Path dir;

    /** Builds a graph with {@code build}, saves it, and returns the file. */
    private Path saved(String name, Function<Ops, Output> build) throws IOException {
        Path file = dir.resolve(name + ".fgraph");
        try (Graph g = new Graph()) {
            build.apply(Ops.on(g));
            GraphIO.save(g, file);
        }
        return file;
    }

    /** Computes {@code fetch} of a freshly built graph. */
    private static Tensor direct(Function<Ops, Output> build, String fetch, Map<String, Tensor> feeds) {
        try (Graph g = new Graph(); Session s = new Session(g, 1)) {
            build.apply(Ops.on(g));
            Runner r = s.runner();
            feeds.forEach(r::feed);
            return r.fetch(fetch).run().get(0);
        }
    }

    private void assertRoundTrip(String name, Function<Ops, Output> build, String fetch, Map<String, Tensor> feeds)
            throws IOException {
        Tensor expected = direct(build, fetch, feeds);
        Tensor loaded = LoadAndRun.run(saved(name, build), fetch, feeds);
        assertArrayEquals(Npy.toBytes(expected), Npy.toBytes(loaded), name);
    }

    private static final Map<String, Tensor> ABC =
            Map.of("a", Tensor.scalar(5.0), "b", Tensor.scalar(3.0), "c", Tensor.scalar(2.0));

    @Test
    void scalarExpression() throws IOException {
        assertRoundTrip("ScalarExpression", ScalarExpression::build, "J", ABC);
        // 3 * (5 + 3 * 2) = 33
        assertEquals(33.0, LoadAndRun.run(dir.resolve("ScalarExpression.fgraph"), "J", ABC).getDouble());
    }

    @Test
    void matrixVector() throws IOException {
        assertRoundTrip("MatrixVectorSmall", MatrixVector::buildSmall, "y", Map.of());
        Random random = new Random(3);
        double[] m = new double[MatrixVector.N * MatrixVector.N];
        double[] v = new double[MatrixVector.N];
        for (int i = 0; i < m.length; i++) {
            m[i] = random.nextGaussian();
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextGaussian();
        }
        assertRoundTrip("MatrixVectorLarge", MatrixVector::buildLarge, "y", Map.of(
                "m", Tensor.of(m, Shape.of(MatrixVector.N, MatrixVector.N)), "v", Tensor.of(v, Shape.of(MatrixVector.N))));
    }

    @Test
    void parallelBranches() throws IOException {
        assertRoundTrip("ParallelBranches", ParallelBranches::build, "total", Map.of());
    }

    @Test
    void linearRegression() throws IOException {
        // Feeding theta computes the cost at a given θ without initialising the variable.
        Map<String, Tensor> theta = Map.of("theta", Tensor.of(new double[] {1.0, 2.0}, Shape.of(2, 1)));
        assertRoundTrip("LinearRegression", LinearRegression::build, "cost", theta);
        assertRoundTrip("LinearRegressionData", tf -> {
            LinearRegression.build(tf);
            return tf.graph().output("y");
        }, "y", Map.of());
    }

    @Test
    void linearRegressionTrainsTheSameAfterSaving() throws IOException {
        Path file = saved("LinearRegressionTrain", LinearRegression::build);
        try (Graph direct = new Graph(); Graph loaded = GraphIO.load(file)) {
            LinearRegression.build(Ops.on(direct));
            assertArrayEquals(thetaAfterTenSteps(direct), thetaAfterTenSteps(loaded));
        }
    }

    /** Initialises the variables, runs the "train" target ten times and returns theta. */
    private static double[] thetaAfterTenSteps(Graph g) {
        try (Session s = new Session(g, 1)) {
            s.runner().addTarget(Ops.on(g).initAllVariables()).run();
            for (int i = 0; i < 10; i++) {
                s.runner().addTarget("train").run();
            }
            return s.variableValues().get("theta").toDoubleArray();
        }
    }

    /** The Mnist MLP with its Adam step: three steps from the initial weights give the same bits after saving. */
    @Test
    void mnistTrainsTheSameAfterSaving() throws IOException, MnistDataException {
        Path file = dir.resolve("Mnist.fgraph");
        List<MiniBatches.Batch> batches = new ArrayList<>();
        for (MiniBatches.Batch b : MnistDataset.load(TestData.mnistTestFiles()).train().batches(Mnist.BATCH_SIZE, 1)
                .epoch(0)) {
            batches.add(b);
            if (batches.size() == 3) {
                break;
            }
        }
        try (Graph direct = new Graph()) {
            MnistModel.build(Ops.on(direct), MnistModel.Architecture.MLP, Mnist.LEARNING_RATE, Mnist.SEED);
            GraphIO.save(direct, file);
            try (Graph loaded = GraphIO.load(file)) {
                List<byte[]> expected = mnistSteps(direct, batches);
                List<byte[]> actual = mnistSteps(loaded, batches);
                assertEquals(expected.size(), actual.size());
                for (int i = 0; i < expected.size(); i++) {
                    assertArrayEquals(expected.get(i), actual.get(i), "value " + i + " differs after loading");
                }
            }
        }
    }

    /** Runs the graph's "init", then its Adam step on each batch; returns the losses' and variables' bytes. */
    private static List<byte[]> mnistSteps(Graph g, List<MiniBatches.Batch> batches) {
        List<byte[]> values = new ArrayList<>();
        try (Session s = new Session(g, 2)) {
            s.runner().addTarget("init").run();
            for (MiniBatches.Batch b : batches) {
                values.add(Npy.toBytes(s.runner().feed(MnistModel.IMAGES, b.images()).feed(MnistModel.LABELS, b.labels())
                        .addTarget("Adam").fetch(MnistModel.LOSS).run().get(0)));
            }
            s.variableValues().values().forEach(v -> values.add(Npy.toBytes(v)));
        }
        return values;
    }

    @Test
    void aFreshJvmComputesTheSameBits() throws IOException, InterruptedException {
        Path scalar = saved("ScalarExpression", ScalarExpression::build);
        Path branches = saved("ParallelBranches", ParallelBranches::build);
        List<String> expected = List.of(
                LoadAndRun.describe("J", direct(ScalarExpression::build, "J", ABC)),
                LoadAndRun.describe("total", direct(ParallelBranches::build, "total", Map.of())));

        assertEquals(expected, FreshJvm.run(LoadAndRun.class, scalar + "::J::a=5.0,b=3.0,c=2.0", branches + "::total"));
        // J = 33.0 is 0x4040800000000000, written little-endian.
        assertTrue(expected.get(0).endsWith(" data=0000000000804040"), expected.get(0));
    }
}
