package dev.flowgraph.examples;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.train.Initializers;
import dev.flowgraph.ops.train.Variable;
import dev.flowgraph.optimizers.GradientDescent;
import java.io.PrintStream;

/**
 * The first training program: fits a line {@code y = θ0 + θ1 x} by gradient descent to points
 * drawn from {@code y = 2x + 1} plus Gaussian noise.
 *
 * <p>The {@code m} examples are made by the graph's own seeded random ops, so every run sees the
 * same data: {@code x} uniform on [0, 2), noise normal with standard deviation 0.1. The design
 * matrix {@code X} is {@code [1, x]} (a column of ones for the intercept), {@code θ} is a [2, 1]
 * variable starting at zeros, and the cost is
 * <pre>
 * J(θ) = (1 / 2m) · ‖Xθ − y‖²
 * </pre>
 * whose gradient {@code (1/m) Xᵀ(Xθ − y)} comes from {@code Gradients} through
 * {@link GradientDescent#minimize}. It prints the cost every 50 steps and the
 * fitted θ, which lands within a few hundredths of (1, 2).
 *
 * <pre>{@code
 * mvn -q -pl engine-examples -am compile exec:java -Dexample=LinearRegression
 * }</pre>
 */
public final class LinearRegression {
    private LinearRegression() {}

    /** The number of examples. */
    static final int M = 100;
    /** The learning rate of gradient descent. */
    static final double LEARNING_RATE = 0.1;
    /** The number of gradient-descent steps. */
    static final int STEPS = 500;
    /** How often the cost is printed. */
    static final int PRINT_EVERY = 50;

    /**
     * What the fit found.
     *
     * @param theta the fitted (θ0, θ1): intercept and slope
     * @param costs the cost before step 0, 50, 100, ..., and after the last
     *     step
     */
    public record Fit(double[] theta, double[] costs) {}

    /**
     * Runs the example, printing to standard output.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * Builds the graph, trains θ and prints the cost falling and the fitted θ.
     *
     * @param out where to print
     * @return the fitted θ and the printed costs
     */
    public static Fit run(PrintStream out) {
        try (Graph g = new Graph()) {
            Ops tf = Ops.on(g);
            Output cost = build(tf);
            Node train = g.node("train");
            Node init = tf.initAllVariables();
            out.printf("Fitting y = θ0 + θ1 x to %d points of y = 2x + 1 + noise, by gradient descent (lr %s)%n", M,
                    LEARNING_RATE);
            try (Session session = new Session(g)) {
                session.runner().addTarget(init).run();
                double[] costs = new double[STEPS / PRINT_EVERY + 1];
                for (int step = 0; step < STEPS; step++) {
                    // The cost fetched with the step is the cost before it: every read of θ in a
                    // run happens before the update writes it.
                    double j = session.runner().fetch(cost).addTarget(train).run().get(0).getDouble();
                    if (step % PRINT_EVERY == 0) {
                        costs[step / PRINT_EVERY] = j;
                        out.printf("step %4d  cost %.8f%n", step, j);
                    }
                }
                costs[costs.length - 1] = session.runner().fetch(cost).run().get(0).getDouble();
                out.printf("step %4d  cost %.8f%n", STEPS, costs[costs.length - 1]);
                double[] theta = session.variableValues().get("theta").toDoubleArray();
                out.printf("fitted θ = (%.4f, %.4f); the data came from (1, 2)%n", theta[0], theta[1]);
                return new Fit(theta, costs);
            }
        }
    }

    /**
     * Adds the data ({@code x}, {@code X}, {@code y}), the variable {@code theta}, the cost
     * {@code cost} and the gradient-descent step {@code train}.
     *
     * @param tf the graph to add to
     * @return the cost
     */
    static Output build(Ops tf) {
        Output x = tf.withName("x").mul(tf.randomUniform(Shape.of(M, 1), DType.FLOAT64, 1), tf.constant(2.0));
        Output noise = tf.mul(tf.randomNormal(Shape.of(M, 1), DType.FLOAT64, 2), tf.constant(0.1));
        Output y = tf.withName("y").add(tf.add(tf.mul(tf.constant(2.0), x), tf.constant(1.0)), noise);
        Output design = tf.withName("X").concat(1, tf.onesLike(x), x);
        Variable theta = tf.variable("theta", DType.FLOAT64, Shape.of(2, 1), Initializers.zeros());
        Output residual = tf.sub(tf.matMul(design, theta.output()), y);
        Output cost = tf.withName("cost").div(tf.sum(tf.square(residual)), tf.constant(2.0 * M));
        Node step = new GradientDescent(LEARNING_RATE).minimize(cost);
        tf.group("train", step);
        return cost;
    }
}
