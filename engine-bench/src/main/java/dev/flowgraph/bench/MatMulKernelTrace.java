package dev.flowgraph.bench;

import java.util.Arrays;

/**
 * The ratio of the two FLOAT32 tiled product kernels measured in one JVM: for each shape of
 * {@link MatMulKernelBenchmark}, it warms both up, then calls {@code tiled()} and {@code
 * vector()} by turns and prints each one's median time, its GFLOP/s and the ratio of the medians
 * (the plain-Java kernel's time over the Vector API kernel's), for {@value #ROUNDS} rounds. The
 * two kernels meet the same load and the same state of the machine call after call, which JMH's
 * separate forks cannot promise on this shared 2-core guest. Needs the Vector API module:
 *
 * <pre>{@code
 * java --add-modules jdk.incubator.vector -cp engine-bench/target/benchmarks.jar dev.flowgraph.bench.MatMulKernelTrace
 * }</pre>
 */
public final class MatMulKernelTrace {
    /** Rounds of timed calls per shape, each printed. */
    private static final int ROUNDS = 3;
    /** About how many floating-point operations one round of one kernel does, to size it. */
    private static final double ROUND_FLOPS = 3e10;

    private MatMulKernelTrace() {}

    /**
     * Prints the medians and their ratio for each shape.
     *
     * @param args shapes as {@link MatMulKernelBenchmark#shape} writes them (default: its three)
     */
    public static void main(String[] args) {
        String[] shapes = args.length > 0 ? args : new String[] {"128x784x128", "128x128x784AC", "1024x1024x1024"};
        for (String shape : shapes) {
            MatMulKernelBenchmark kernels = new MatMulKernelBenchmark();
            kernels.shape = shape;
            kernels.setUp();
            int calls = (int) Math.max(20, Math.min(2000, ROUND_FLOPS / kernels.flops()));
            long[] tiled = new long[calls];
            long[] vector = new long[calls];
            for (int round = -1; round < ROUNDS; round++) {
                for (int i = 0; i < calls; i++) {
                    long start = System.nanoTime();
                    kernels.tiled();
                    long middle = System.nanoTime();
                    kernels.vector();
                    tiled[i] = middle - start;
                    vector[i] = System.nanoTime() - middle;
                }
                if (round >= 0) {
                    // Round -1 warms the JIT up and is not printed.
                    long t = median(tiled);
                    long v = median(vector);
                    System.out.printf("%-15s tiled %9.1f us (%5.1f GFLOP/s)  vector %9.1f us (%5.1f GFLOP/s)  "
                            + "tiled / vector %.2f%n", shape, t / 1e3, kernels.flops() / (double) t, v / 1e3,
                            kernels.flops() / (double) v, t / (double) v);
                }
            }
        }
    }

    private static long median(long[] times) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
