package dev.flowgraph.bench;

import dev.flowgraph.Graph;
import dev.flowgraph.RunTrace;
import dev.flowgraph.Session;
import dev.flowgraph.examples.mnist.MiniBatches;
import dev.flowgraph.examples.mnist.MnistModel;
import dev.flowgraph.ops.Ops;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Where one training step of {@link MnistTrainingBenchmark}'s MLP spends its time: warms the
 * step up, then traces {@value #TRACED_STEPS} steps per pool size and prints the
 * {@link RunTrace#summary} of the fastest (the op types that take longest, the critical path,
 * each thread's busy time). The fastest, because on a shared machine the others include pauses
 * (garbage collection, other processes) that are not the step's own cost. Then, per op type, the
 * sum over its nodes of each node's median time over those steps: a pause inflates one step's
 * node, not a median, so these move less from run to run than the fastest step's figures.
 *
 * <pre>{@code
 * java -cp engine-bench/target/benchmarks.jar dev.flowgraph.bench.MnistStepTrace
 * }</pre>
 */
public final class MnistStepTrace {
    /** Untraced steps before the traced one, so that the JIT has compiled the kernels. */
    private static final int WARM_UP_STEPS = 2_000;
    /** Traced steps per pool size. */
    private static final int TRACED_STEPS = 200;
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
                    Map<String, long[]> nodeNanos = new HashMap<>();
                    Map<String, String> opTypes = new HashMap<>();
                    for (int i = 0; i < TRACED_STEPS; i++) {
                        RunTrace trace = session.runner().feed(MnistModel.IMAGES, batch.images())
                                .feed(MnistModel.LABELS, batch.labels()).addTarget(model.trainStep())
                                .fetch(model.loss()).trace().run().trace();
                        if (fastest == null || trace.wallNanos() < fastest.wallNanos()) {
                            fastest = trace;
                        }
                        for (RunTrace.Span span : trace.spans()) {
                            nodeNanos.computeIfAbsent(span.name(), name -> new long[TRACED_STEPS])[i] =
                                    span.durationNanos();
                            opTypes.put(span.name(), span.opType());
                        }
                    }
                    System.out.printf("Pool of %d, fastest of %d traced steps:%n%s%n", threads, TRACED_STEPS,
                            fastest.summary(TOP_OPS));
                    System.out.printf("Pool of %d, per op type, the sum of its nodes' median times over the %d"
                            + " steps:%n%s%n", threads, TRACED_STEPS, medians(nodeNanos, opTypes));
                }
            }
        }
    }

    /** Lists, op types in decreasing order, the sum over each type's nodes of their median times. */
    private static String medians(Map<String, long[]> nodeNanos, Map<String, String> opTypes) {
        Map<String, Long> byType = new HashMap<>();
        long total = 0;
        for (Map.Entry<String, long[]> node : nodeNanos.entrySet()) {
            long[] nanos = node.getValue().clone();
            Arrays.sort(nanos);
            long median = nanos[nanos.length / 2];
            byType.merge(opTypes.get(node.getKey()), median, Long::sum);
            total += median;
        }
        StringBuilder sb = new StringBuilder(String.format("  all %d nodes %.3f ms%n", nodeNanos.size(), total / 1e6));
        byType.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP_OPS)
                .forEach(e -> sb.append(String.format("  %-25s %.3f ms%n", e.getKey(), e.getValue() / 1e6)));
        return sb.toString();
    }
}
