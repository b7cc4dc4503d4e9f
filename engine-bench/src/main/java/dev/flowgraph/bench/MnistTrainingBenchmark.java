package dev.flowgraph.bench;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.examples.mnist.MiniBatches;
import dev.flowgraph.examples.mnist.MnistDataset;
import dev.flowgraph.examples.mnist.MnistModel;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training step of the Mnist example's MLP (784-128-10, ReLU, mean sparse softmax
 * cross-entropy, Adam with learning rate 1e-3), built by {@link MnistModel}, on one FLOAT32
 * batch of {@value #BATCH} images, with pools of 1 and 2. Each run feeds the batch, applies the
 * Adam update and fetches the loss, as {@link MnistModel#trainStep} does. The batch is random
 * pixels uniform in [0, 1) with random labels, both seeded: a step costs the same whatever the
 * pixels, and the benchmark needs no data files. The peer is NumPy, outside JMH:
 * {@code engine-bench/src/main/python/mnist_mlp_numpy.py} trains the same MLP and prints steps
 * per second; {@code docs/benchmarks.md} compares the two.
 *
 * <p>Throughput is steps per second; run it with, from the repository root:
 *
 * <pre>{@code
 * mvn -B -q -pl engine-bench -am package -DskipTests
 * java -jar engine-bench/target/benchmarks.jar MnistTraining
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MnistTrainingBenchmark extends EngineBenchmark {
    /** Images per step, as the issue asks. */
    static final int BATCH = 128;
    /** Adam's learning rate, the example's. */
    static final double LEARNING_RATE = 1e-3;
    /** The seed of the initial weights. */
    static final long WEIGHTS_SEED = 42;
    /** The seed of the batch's pixels and labels. */
    static final long DATA_SEED = 7;

    /** Builds the model, initialises its variables in both sessions and compiles the step's plan. */
    @Setup
    public void setUp() {
        engine = new EngineSessions();
        MnistModel model = MnistModel.build(engine.tf, MnistModel.Architecture.MLP, LEARNING_RATE,
                WEIGHTS_SEED);
        MiniBatches.Batch batch = randomBatch(BATCH, DATA_SEED);
        Output[] feeds = {engine.graph.output(MnistModel.IMAGES), engine.graph.output(MnistModel.LABELS)};
        engine.open(feeds, new Tensor[] {batch.images(), batch.labels()}, model.loss(),
                new Node[] {model.trainStep()}, model::initialize);
    }

    /**
     * Returns a batch of pixels uniform in [0, 1) and labels uniform over the 10 classes.
     *
     * @param size how many images
     * @param seed the seed; the same seed gives the same batch
     * @return FLOAT32 {@code [size, 784]} images and INT64 {@code [size]} labels
     */
    static MiniBatches.Batch randomBatch(int size, long seed) {
        int pixels = MnistDataset.SIDE * MnistDataset.SIDE;
        SplittableRandom random = new SplittableRandom(seed);
        float[] images = new float[size * pixels];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) random.nextDouble();
        }
        long[] labels = new long[size];
        for (int i = 0; i < size; i++) {
            labels[i] = random.nextInt(MnistDataset.CLASSES);
        }
        return new MiniBatches.Batch(Tensor.of(images, Shape.of(size, pixels)), Tensor.of(labels, Shape.of(size)));
    }
}
