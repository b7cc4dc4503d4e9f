package dev.flowgraph.bench;

import dev.flowgraph.Graph;
import dev.flowgraph.Output;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a session's pool shares {@link InterOpBenchmark}'s graph (eight independent n×n FLOAT32
 * products joined by adds) and one product alone ({@link GemmBenchmark}'s case), with evidence
 * that the machine's load does not blur: how many threads the pool of a session really ran, and
 * how much CPU time each of them spent per run. For pools of 1 and 2 it warms up, then times
 * {@value #RUNS} runs and prints the median and fastest wall time, the most threads of the
 * session's pool alive at once, and each pool thread's CPU time per run.
 *
 * <p>Reading it: with the work spread well, a pool of 2 has two threads whose CPU times are
 * close, summing to about the pool of 1's; a sum clearly above it means the two threads slow
 * each other down (shared cache or memory bandwidth); more threads than the pool's size are
 * threads the pool started on its own while a thread was blocked.
 *
 * <pre>{@code
 * java -cp engine-bench/target/benchmarks.jar dev.flowgraph.bench.PoolScalingTrace 256 512
 * }</pre>
 */
public final class PoolScalingTrace {
    /** Untimed runs before the timed ones, so that the JIT has compiled the kernels. */
    private static final int WARM_UP_RUNS = 100;
    /** Timed runs per pool size. */
    private static final int RUNS = 200;
    /** How many independent products the inter-op graph has. */
    private static final int BRANCHES = 8;

    private PoolScalingTrace() {}

    /**
     * Prints the figures for the inter-op graph and for one product.
     *
     * @param args the inter-op matrices' size and the single product's size (default 256 and 512)
     */
    public static void main(String[] args) {
        int interOp = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int single = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        System.out.printf("%d products of %dx%d joined by adds:%n", BRANCHES, interOp, interOp);
        measure(interOp, BRANCHES);
        System.out.printf("one product of %dx%d:%n", single, single);
        measure(single, 1);
    }

    private static void measure(int n, int branches) {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.on(graph);
            Shape shape = Shape.of(n, n);
            List<Output> products = new ArrayList<>();
            for (int i = 0; i < branches; i++) {
                products.add(tf.matMul(tf.constant(Tensor.of(BenchData.floats(n * n, 100 + i), shape)),
                        tf.constant(Tensor.of(BenchData.floats(n * n, 200 + i), shape))));
            }
            while (products.size() > 1) {
                List<Output> next = new ArrayList<>();
                for (int i = 0; i < products.size(); i += 2) {
                    next.add(tf.add(products.get(i), products.get(i + 1)));
                }
                products = next;
            }
            for (int threads = 1; threads <= 2; threads++) {
                try (Session session = new Session(graph, threads)) {
                    report(session, products.get(0), threads);
                }
            }
        }
    }

    private static void report(Session session, Output fetch, int threads) {
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            session.runner().fetch(fetch).run();
        }
        // Every pool thread of this session carries its name; a run on a fresh session starts them.
        String prefix = poolPrefix(session, fetch);
        Map<String, Long> before = cpuNanos(prefix);
        long[] wall = new long[RUNS];
        int mostThreads = 0;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            session.runner().fetch(fetch).run();
            wall[i] = System.nanoTime() - start;
            mostThreads = Math.max(mostThreads, cpuNanos(prefix).size());
        }
        Map<String, Long> after = cpuNanos(prefix);
        Arrays.sort(wall);
        StringBuilder perThread = new StringBuilder();
        long total = 0;
        for (Map.Entry<String, Long> e : after.entrySet()) {
            long spent = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            total += spent;
            perThread.append(String.format("  %s %.3f", e.getKey().substring(prefix.length() - "worker-".length()),
                    spent / 1e6 / RUNS));
        }
        System.out.printf("  pool of %d: median %.3f ms, fastest %.3f ms; %d pool threads alive at most;"
                + " CPU ms per run: total %.3f,%s%n", threads, wall[RUNS / 2] / 1e6, wall[0] / 1e6, mostThreads,
                total / 1e6 / RUNS, perThread);
    }

    /** The name prefix of the session's pool threads, "flowgraph-session-N-worker-". */
    private static String poolPrefix(Session session, Output fetch) {
        String name = session.runner().fetch(fetch).trace().run().trace().spans().stream()
                .map(span -> span.thread()).filter(t -> t.contains("-worker-")).findFirst().orElseThrow();
        return name.substring(0, name.indexOf("-worker-") + "-worker-".length());
    }

    /** CPU time so far of each live thread whose name starts with {@code prefix}. */
    private static Map<String, Long> cpuNanos(String prefix) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(prefix)) {
                cpu.put(t.getName(), threads.getThreadCpuTime(t.getId()));
            }
        }
        return cpu;
    }
}
