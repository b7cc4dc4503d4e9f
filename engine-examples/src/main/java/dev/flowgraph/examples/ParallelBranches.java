package dev.flowgraph.examples;

import dev.flowgraph.Graph;
import dev.flowgraph.Output;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import java.io.PrintStream;
import java.util.Random;

/**
 * Dataflow scheduling at work: four independent 512x512 matrix products, joined by additions at
 * the end, run by a session with a pool of 1 thread and then of one thread per processor. The
 * four products have no edge between them, so the session runs them at the same time; the result
 * is bit-identical either way.
 *
 * <pre>{@code
 * mvn -q -pl engine-examples -am compile exec:java -Dexample=ParallelBranches
 * }</pre>
 */
public final class ParallelBranches {
    /** The matrices' size. */
    static final int N = 512;
    /** The number of independent products. */
    static final int BRANCHES = 4;
    private static final int REPEATS = 3;

    private ParallelBranches() {}

    /**
     * Runs the example, printing to standard output.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Builds the graph, runs it with a pool of 1 and of {@code threads}, and prints both times.
     *
     * @param out where to print
     * @param threads the larger pool's size
     * @return the joined result with a pool of 1, then with a pool of {@code threads}
     */
    public static Tensor[] run(PrintStream out, int threads) {
        try (Graph g = new Graph()) {
            build(Ops.on(g));
            out.printf("%d independent %dx%d matrix products, joined by additions%n", BRANCHES, N, N);

            Tensor[] results = new Tensor[2];
            int[] pools = {1, threads};
            double[] millis = new double[2];
            for (int p = 0; p < 2; p++) {
                try (Session session = new Session(g, pools[p])) {
                    millis[p] = Double.MAX_VALUE;
                    for (int r = 0; r < REPEATS; r++) {
                        long start = System.nanoTime();
                        results[p] = session.runner().fetch("total").run().get(0);
                        millis[p] = Math.min(millis[p], (System.nanoTime() - start) / 1e6);
                    }
                }
                out.printf("pool of %d thread%s: %.1f ms (best of %d)%n", pools[p], pools[p] == 1 ? "" : "s",
                        millis[p], REPEATS);
            }
            out.printf("speed-up: %.2fx; results bit-identical: %s%n", millis[0] / millis[1],
                    results[0].equals(results[1]));
            return results;
        }
    }

    /**
     * Adds {@link #BRANCHES} scopes {@code branch<b>}, each the product of two random constant
     * matrices (seed 7), and {@code total}, their sum.
     *
     * @param tf the graph to add to
     * @return total
     */
    static Output build(Ops tf) {
        Random random = new Random(7);
        Output sum = null;
        for (int b = 0; b < BRANCHES; b++) {
            Ops branch = tf.withScope("branch" + b);
            Output x = branch.constant(randomMatrix(random));
            Output y = branch.constant(randomMatrix(random));
            Output product = branch.matMul(x, y);
            sum = sum == null ? product : tf.add(sum, product);
        }
        return tf.withName("total").identity(sum);
    }

    private static Tensor randomMatrix(Random random) {
        float[] data = new float[N * N];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian();
        }
        return Tensor.of(data, Shape.of(N, N));
    }
}
