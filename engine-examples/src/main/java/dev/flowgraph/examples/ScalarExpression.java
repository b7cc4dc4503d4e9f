package dev.flowgraph.examples;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.Output;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import java.io.PrintStream;

/**
 * The first Flowgraph program: {@code J = 3 * (a + b * c)}, built once as a graph, then run by a
 * session with {@code a}, {@code b} and {@code c} fed by name.
 *
 * <p>It also shows that any node's output may be fed, not only a placeholder: feeding the
 * {@code u = b * c} node directly replaces its value, so {@code b} and {@code c} are not needed.
 *
 * <pre>{@code
 * mvn -q -pl engine-examples -am compile exec:java
 * }</pre>
 */
public final class ScalarExpression {
    private ScalarExpression() {}

    /**
     * Runs the example, printing to standard output.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * Builds and runs the graph, printing each step.
     *
     * @param out where to print
     * @return J with a=5, b=3, c=2, then J with a=5 and u=b*c fed as 10
     */
    public static double[] run(PrintStream out) {
        try (Graph g = new Graph()) {
            Ops tf = Ops.on(g);
            Output a = tf.placeholder("a", DType.FLOAT64, Shape.scalar());
            Output b = tf.placeholder("b", DType.FLOAT64, Shape.scalar());
            Output c = tf.placeholder("c", DType.FLOAT64, Shape.scalar());
            Output u = tf.withName("u").mul(b, c);
            Output v = tf.withName("v").add(a, u);
            tf.withName("J").mul(tf.constant(3.0), v);
            out.println("Graph: J = 3 * (a + b * c), " + g.size() + " nodes: u = b * c, v = a + u, J = 3 * v");

            try (Session session = new Session(g)) {
                double j = session.runner()
                        .feed("a", Tensor.scalar(5.0))
                        .feed("b", Tensor.scalar(3.0))
                        .feed("c", Tensor.scalar(2.0))
                        .fetch("J")
                        .run().get("J").getDouble();
                out.println("a = 5, b = 3, c = 2  ->  J = " + j);

                // Feeding u cuts b and c off the run: they need not (and here do not) get values.
                double jFed = session.runner()
                        .feed("a", Tensor.scalar(5.0))
                        .feed("u", Tensor.scalar(10.0))
                        .fetch("J")
                        .run().get("J").getDouble();
                out.println("a = 5, u = b * c fed as 10  ->  J = " + jFed);
                return new double[] {j, jFed};
            }
        }
    }
}
