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
 * {@value #ROUNDS} rounds of {@value #RUNS_PER_ROUND} runs, the two pools taking turns, and
 * prints the median and fastest wall time, the most threads of the session's pool alive, each
 * pool thread's CPU time per run, and the median over the rounds of the pool of 2's CPU time
 * over the pool of 1's.
 *
 * <p>Reading it: with the work spread well, a pool of 2 has two threads whose CPU times are
 * close, summing to about the pool of 1's; a ratio clearly above 1 means the two threads slow
 * each other down (shared cache or memory bandwidth), provided they ran at the same time, which
 * a loaded machine does not ensure; more threads than the pool's size are threads the pool
 * started on its own while a thread was blocked.
 *
 * <pre>{@code
 * java -cp engine-bench/target/benchmarks.jar dev.flowgraph.bench.PoolScalingTrace 256 512
 * }</pre>
 */
public final class PoolScalingTrace {
    /** Untimed runs before the timed ones, so that the JIT has compiled the kernels. */
    private static final int WARM_UP_RUNS = 100;
    /** Rounds of timed runs per pool size, the pools taking turns. */
    private static final int ROUNDS = 10;
    /** Timed runs per round. */
    private static final int RUNS_PER_ROUND = 20;
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
            Output fetch = products.get(0);
            try (Session one = new Session(graph, 1); Session two = new Session(graph, 2)) {
                Pool[] pools = {new Pool(one, fetch), new Pool(two, fetch)};
                double[] ratios = new double[ROUNDS];
                // Rounds alternate the pools, so that both see the same load on a shared machine.
                for (int round = 0; round < ROUNDS; round++) {
                    long cpuOne = pools[0].timeRuns(round);
                    long cpuTwo = pools[1].timeRuns(round);
                    ratios[round] = (double) cpuTwo / cpuOne;
                }
                Arrays.sort(ratios);
                for (int p = 0; p < pools.length; p++) {
                    pools[p].print(p + 1);
                }
                System.out.printf("  CPU per run, pool of 2 / pool of 1, median of %d rounds: %.2f%n", ROUNDS,
                        ratios[ROUNDS / 2]);
            }
        }
    }

    /** One session's measurements. */
    private static final class Pool {
        private final Session session;
        private final Output fetch;
        private final String prefix;
        private final long[] wall = new long[ROUNDS * RUNS_PER_ROUND];
        private final Map<String, Long> cpu = new TreeMap<>();
        private int mostThreads;

        Pool(Session session, Output fetch) {
            this.session = session;
            this.fetch = fetch;
            for (int i = 0; i < WARM_UP_RUNS; i++) {
                session.runner().fetch(fetch).run();
            }
            this.prefix = poolPrefix(session, fetch);
        }

        /** Times one round of runs; returns the CPU time the pool's threads spent on them. */
        long timeRuns(int round) {
            Map<String, Long> before = cpuNanos(prefix);
            for (int i = 0; i < RUNS_PER_ROUND; i++) {
                long start = System.nanoTime();
                session.runner().fetch(fetch).run();
                wall[round * RUNS_PER_ROUND + i] = System.nanoTime() - start;
            }
            Map<String, Long> after = cpuNanos(prefix);
            mostThreads = Math.max(mostThreads, after.size());
            long spent = 0;
            for (Map.Entry<String, Long> e : after.entrySet()) {
                long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
                cpu.merge(e.getKey(), d, Long::sum);
                spent += d;
            }
            return spent;
        }

        void print(int threads) {
            long[] sorted = wall.clone();
            Arrays.sort(sorted);
            StringBuilder perThread = new StringBuilder();
            long total = 0;
            for (Map.Entry<String, Long> e : cpu.entrySet()) {
                total += e.getValue();
                perThread.append(String.format("  %s %.3f", e.getKey().substring(prefix.length() - "worker-".length()),
                        e.getValue() / 1e6 / wall.length));
            }
            System.out.printf("  pool of %d: median %.3f ms, fastest %.3f ms; %d pool threads alive at most;"
                    + " CPU ms per run: total %.3f,%s%n", threads, sorted[sorted.length / 2] / 1e6, sorted[0] / 1e6,
                    mostThreads, total / 1e6 / wall.length, perThread);
        }
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
