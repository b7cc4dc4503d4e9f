package dev.flowgraph.bench;

import dev.flowgraph.Graph;
import dev.flowgraph.RunTrace;
import dev.flowgraph.Session;
import dev.flowgraph.examples.mnist.MiniBatches;
import dev.flowgraph.examples.mnist.MnistModel;
import dev.flowgraph.ops.Ops;

/**
 * Where one training step of {@link MnistTrainingBenchmark}'s MLP spends its time: warms the
 * step up, then traces {@value #TRACED_STEPS} steps per pool size and prints the
 * {@link RunTrace#summary} of the fastest (the op types that take longest, the critical path,
 * each thread's busy time). The fastest, because on a shared machine the others include pauses
 * (garbage collection, other processes) that are not the step's own cost.
 *
 * <pre>{@code
 * java -cp engine-bench/target/benchmarks.jar dev.flowgraph.bench.MnistStepTrace
 * }</pre>
 */
public final class MnistStepTrace {
    /** Untraced steps before the traced one, so that the JIT has compiled the kernels. */
    private static final int WARM_UP_STEPS = 2_000;
    /** Traced steps per pool size. */
    private static final int TRACED_STEPS = 20;
    /** How many op types each summary lists. */
    private static final int TOP_OPS = 10;

    private MnistStepTrace() {}

    /**
     * Prints the summaries of the fastest traced step with pools of 1 and 2.
     *
     * @param args none
     */
    public static void main(String[] args) {
        MiniBatches.Batch batch = MnistTrainingBenchmark.randomBatch(MnistTrainingBenchmark.BATCH,
                MnistTrainingBenchmark.DATA_SEED);
        for (int threads = 1; threads <= 2; threads++) {
            try (Graph graph = new Graph()) {
                MnistModel model = MnistModel.build(Ops.on(graph), MnistModel.Architecture.MLP,
                        MnistTrainingBenchmark.LEARNING_RATE, MnistTrainingBenchmark.WEIGHTS_SEED);
                try (Session session = new Session(graph, threads)) {
                    model.initialize(session);
                    for (int i = 0; i < WARM_UP_STEPS; i++) {
                        model.trainStep(session, batch);
                    }
                    RunTrace fastest = null;
                    for (int i = 0; i < TRACED_STEPS; i++) {
                        RunTrace trace = session.runner().feed(MnistModel.IMAGES, batch.images())
                                .feed(MnistModel.LABELS, batch.labels()).addTarget(model.trainStep())
                                .fetch(model.loss()).trace().run().trace();
                        if (fastest == null || trace.wallNanos() < fastest.wallNanos()) {
                            fastest = trace;
                        }
                    }
                    System.out.printf("Pool of %d, fastest of %d traced steps:%n%s%n", threads, TRACED_STEPS,
                            fastest.summary(TOP_OPS));
                }
            }
        }
    }
}
