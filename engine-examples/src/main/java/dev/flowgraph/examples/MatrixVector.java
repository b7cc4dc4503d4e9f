package dev.flowgraph.examples;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.Output;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Random;

/**
 * A matrix-vector product: first a 2x2 example small enough to check by hand, then a random
 * 1000x1000 matrix times a vector, checked against a plain Java loop.
 *
 * <pre>{@code
 * mvn -q -pl engine-examples -am compile exec:java -Dexample=MatrixVector
 * }</pre>
 */
public final class MatrixVector {
    /** The size of the random matrix. */
    static final int N = 1000;

    private MatrixVector() {}

    /**
     * Runs the example, printing to standard output.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * Builds and runs both products, printing the results.
     *
     * @param out where to print
     * @return the 2x2 product, then the largest absolute difference between the engine's
     *     1000x1000 product and the plain loop's
     */
    public static double[] run(PrintStream out) {
        double[] small;
        try (Graph g = new Graph(); Session session = new Session(g)) {
            buildSmall(Ops.on(g));
            small = session.runner().fetch("y").run().get("y").toDoubleArray();
            out.println("[[1, 2], [-1, -2]] . [10, 100] = " + Arrays.toString(small));
        }

        Random random = new Random(42);
        double[] matrix = new double[N * N];
        double[] vector = new double[N];
        Arrays.setAll(matrix, i -> random.nextGaussian());
        Arrays.setAll(vector, i -> random.nextGaussian());
        double[] engine;
        try (Graph g = new Graph(); Session session = new Session(g)) {
            buildLarge(Ops.on(g));
            engine = session.runner()
                    .feed("m", Tensor.of(matrix, Shape.of(N, N)))
                    .feed("v", Tensor.of(vector, Shape.of(N)))
                    .fetch("y")
                    .run().get("y").toDoubleArray();
        }
        double maxDiff = 0;
        for (int i = 0; i < N; i++) {
            double sum = 0;
            for (int k = 0; k < N; k++) {
                sum += matrix[i * N + k] * vector[k];
            }
            maxDiff = Math.max(maxDiff, Math.abs(sum - engine[i]));
        }
        out.printf("%dx%d random matrix . vector: y[0] = %.6f, largest difference from a plain Java loop = %.3g%n",
                N, N, engine[0], maxDiff);
        return new double[] {small[0], small[1], maxDiff};
    }

    /**
     * Adds {@code y = [[1, 2], [-1, -2]] . [10, 100]}, all constants.
     *
     * @param tf the graph to add to
     * @return y
     */
    static Output buildSmall(Ops tf) {
        Output a = tf.constant(Tensor.matrix(new double[][] {{1, 2}, {-1, -2}}));
        Output x = tf.constant(Tensor.vector(10.0, 100.0));
        return tf.withName("y").matMul(a, x);
    }

    /**
     * Adds {@code y = m . v} with the placeholders {@code m} (FLOAT64 [N, N]) and {@code v}
     * (FLOAT64 [N]).
     *
     * @param tf the graph to add to
     * @return y
     */
    static Output buildLarge(Ops tf) {
        Output m = tf.placeholder("m", DType.FLOAT64, Shape.of(N, N));
        Output v = tf.placeholder("v", DType.FLOAT64, Shape.of(N));
        return tf.withName("y").matMul(m, v);
    }
}
