package dev.flowgraph.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.GraphBuildException;
import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Runner;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.train.Initializers;
import dev.flowgraph.ops.train.Variable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class OptimizersTest {
    // The starting values and gradients of optimizers.py.
    private static final double[] W0 = {1.0, -2.0, 3.0};
    private static final double[] B0 = {0.5, -0.25, 0.125, 2.0};
    private static final double[][][] GRADS = {
        {{0.1, -0.2, 0.3}, {1.0, -1.0, 0.5, 0.0}},
        {{-0.4, 0.5, 0.05}, {0.2, 0.3, -0.7, 0.01}},
        {{0.0, 0.25, -1.5}, {-2.0, 0.6, 0.4, -0.05}},
        {{0.3, 0.3, 0.3}, {0.0, 0.0, 1.0, -1.0}},
    };

    /** Lines of optimizers.txt by "case step variable". */
    private static Map<String, double[]> reference() throws IOException {
        Map<String, double[]> expected = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                OptimizersTest.class.getResourceAsStream("/optimizers/optimizers.txt"), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.trim().split(" ");
                double[] values = Arrays.stream(f, 3, f.length).mapToDouble(Double::parseDouble).toArray();
                expected.put(f[0] + " " + f[1] + " " + f[2], values);
            }
        }
        return expected;
    }

    /** The learning rate optimizers.py uses for each case. */
    private static double learningRate(String name) {
        return name.startsWith("sgd") || name.equals("momentum") || name.equals("nesterov") ? 0.1 : 0.01;
    }

    /** The optimizer of each case of optimizers.py, with the given learning rate. */
    private static Optimizer optimizer(String name, double lr) {
        return switch (name) {
            case "sgd" -> new GradientDescent(lr);
            case "momentum" -> new Momentum(lr, 0.9, false);
            case "nesterov" -> new Momentum(lr, 0.9, true);
            case "adam" -> new Adam(lr, 0.9, 0.999, 1e-8);
            case "rmsprop" -> new RMSProp(lr, 0.9, 0.0, 1e-10);
            case "rmsprop_momentum" -> new RMSProp(lr, 0.9, 0.5, 1e-10);
            case "sgd_clipped" -> new GradientDescent(lr).withClipByGlobalNorm(1.0);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * The same IEEE operations in the same order as NumPy, so the values agree bit for bit (they
     * do on OpenJDK 17 here); but Adam's {@code beta^t} goes through Java's {@code Math.pow},
     * which the JDK only promises within 1 ulp and may compute differently once compiled, and
     * NumPy's through the C library's, so the bound allows a few ulps: 1e-12 relative (absolute
     * below 1).
     */
    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            double tolerance = 1e-12 * Math.max(1.0, Math.abs(expected[i]));
            assertEquals(expected[i], actual[i], tolerance, what + " element " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "momentum", "nesterov", "adam", "rmsprop", "rmsprop_momentum", "sgd_clipped"})
    void followsTheNumPyReference(String name) throws IOException {
        checkAgainstTheReference(name, false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "nesterov", "adam", "rmsprop_momentum"})
    void followsTheNumPyReferenceWithTheLearningRateFed(String name) throws IOException {
        checkAgainstTheReference(name, true);
    }

    /**
     * Runs the four steps of optimizers.py's case {@code name} on w and b with the gradients fed,
     * comparing both variables after each step; with {@code fedRate}, the learning rate is a
     * placeholder fed with the case's value.
     */
    private static void checkAgainstTheReference(String name, boolean fedRate) throws IOException {
        Map<String, double[]> expected = reference();
        try (Graph g = new Graph()) {
            Ops tf = Ops.on(g);
            Variable w = tf.variable("w", DType.FLOAT64, Shape.of(3), Initializers.zeros());
            Variable b = tf.variable("b", DType.FLOAT64, Shape.of(2, 2), Initializers.zeros());
            Output gw = tf.placeholder("gw", DType.FLOAT64, Shape.of(3));
            Output gb = tf.placeholder("gb", DType.FLOAT64, Shape.of(2, 2));
            Output lr = tf.placeholder("lr", DType.FLOAT64, Shape.scalar());
            // A wrong constructor rate shows if the fed one is not the one used.
            Optimizer optimizer = fedRate ? optimizer(name, 7.0).withLearningRate(lr) : optimizer(name, learningRate(name));
            Node step = optimizer.applyGradients(
                    List.of(new GradientAndVariable(gw, w.output()), new GradientAndVariable(gb, b.output())));
            Node init = tf.initAllVariables();
            try (Session s = new Session(g, 2)) {
                s.runner().addTarget(init).run();
                s.restoreVariables(Map.of("w", Tensor.vector(W0), "b", Tensor.of(B0, Shape.of(2, 2))));
                for (int t = 1; t <= GRADS.length; t++) {
                    Runner r = s.runner().feed(gw, Tensor.vector(GRADS[t - 1][0]))
                            .feed(gb, Tensor.of(GRADS[t - 1][1], Shape.of(2, 2)));
                    if (fedRate) {
                        r.feed(lr, Tensor.scalar(learningRate(name)));
                    }
                    r.addTarget(step).run();
                    Map<String, Tensor> values = s.variableValues();
                    assertClose(expected.get(name + " " + t + " w"), values.get("w").toDoubleArray(), name + " step " + t + " w");
                    assertClose(expected.get(name + " " + t + " b"), values.get("b").toDoubleArray(), name + " step " + t + " b");
                }
            }
        }
    }

    @Test
    void slotsAreNamedAfterTheVariableAndTheRule() {
        try (Graph g = new Graph()) {
            Ops tf = Ops.on(g);
            Variable w = tf.variable("w", DType.FLOAT32, Shape.of(2), Initializers.ones());
            Output loss = tf.sum(tf.square(w.output()));
            Node first = new Adam().minimize(loss);
            Node second = new Adam().minimize(loss);
            new Momentum(0.1, 0.9, false).minimize(loss);
            new RMSProp(0.1, 0.9, 0.0, 1e-7).minimize(loss);
            assertEquals("Adam", first.name());
            assertEquals("Adam_1", second.name());
            List<String> names = g.variables().stream().map(Node::name).toList();
            assertEquals(List.of("w", "w/Adam/step", "w/Adam/m", "w/Adam/v", "w/Adam_1/step", "w/Adam_1/m", "w/Adam_1/v",
                    "w/Momentum/accumulator", "w/RMSProp/ms", "w/RMSProp/momentum"), names);
            assertEquals(DType.FLOAT32, g.output("w/Adam/m").dtype());
            assertEquals(DType.FLOAT64, g.output("w/Adam/step").dtype());
        }
    }

    /** (w - 3)^2 over a FLOAT32 scalar w, minimised from w = 0 by each rule. */
    @ParameterizedTest
    @ValueSource(strings = {"sgd", "momentum", "nesterov", "adam", "rmsprop", "rmsprop_momentum", "sgd_clipped"})
    void minimizeConvergesOnAConvexProblem(String name) {
        try (Graph g = new Graph()) {
            Ops tf = Ops.on(g);
            Variable w = tf.variable("w", DType.FLOAT32, Shape.scalar(), Initializers.zeros());
            Output loss = tf.square(tf.sub(w.output(), tf.constant(3.0f)));
            Optimizer optimizer = switch (name) {
                // Adam's and RMSProp's steps are about lr each, so they need a larger lr than the
                // reference's to cover the distance 3 in 300 steps.
                case "adam" -> new Adam(0.1);
                case "rmsprop", "rmsprop_momentum" -> new RMSProp(0.05, 0.9, name.equals("rmsprop") ? 0 : 0.5, 1e-10);
                default -> optimizer(name, learningRate(name));
            };
            Node step = optimizer.minimize(loss);
            try (Session s = new Session(g, 1)) {
                s.runner().addTarget(optimizer.initializer()).addTarget(w.initializer()).run();
                for (int i = 0; i < 300; i++) {
                    s.runner().addTarget(step).run();
                }
                assertEquals(3.0, s.variableValues().get("w").getFloat(), 0.02, name);
            }
        }
    }

    /** Adds the FLOAT64 variable w, starting at 0, and returns (w - 3)^2. */
    private static Output distanceToThree(Ops tf) {
        Variable w = tf.variable("w", DType.FLOAT64, Shape.scalar(), Initializers.zeros());
        return tf.square(tf.sub(w.output(), tf.constant(3.0)));
    }

    @Test
    void gradientDescentStepsByHand() {
        try (Graph g = new Graph()) {
            Ops tf = Ops.on(g);
            Output loss = distanceToThree(tf);
            Node step = new GradientDescent(0.25).minimize(loss);
            try (Session s = new Session(g, 1)) {
                s.runner().addTarget(tf.initAllVariables()).run();
                // dloss/dw = 2(w - 3), so w <- w - 0.25 * 2(w - 3) = (w + 3) / 2: 0 -> 1.5 -> 2.25.
                // The loss fetched with the step is the loss before it: 9, then (1.5-3)^2 = 2.25.
                assertEquals(9.0, s.runner().fetch(loss).addTarget(step).run().get(0).getDouble());
                assertEquals(1.5, s.variableValues().get("w").getDouble());
                assertEquals(2.25, s.runner().fetch(loss).addTarget(step).run().get(0).getDouble());
                assertEquals(2.25, s.variableValues().get("w").getDouble());
            }
        }
    }

    /**
     * A small model over tensors big enough for the kernels to split the work into several blocks:
     * y ≈ w2 * sum_j tanh(x_ij * w1_j), with x [512, 300] and w1 broadcast along the rows.
     */
    private static double[][] trainAtPoolSize(int threads, Supplier<Optimizer> optimizer) {
        try (Graph g = new Graph()) {
            Ops tf = Ops.on(g);
            Variable w1 = tf.variable("w1", DType.FLOAT32, Shape.of(300), Initializers.glorotUniform(1));
            Variable w2 = tf.variable("w2", DType.FLOAT32, Shape.scalar(), Initializers.constant(0.5));
            Output x = tf.randomNormal(Shape.of(512, 300), DType.FLOAT32, 3);
            Output y = tf.randomNormal(Shape.of(512), DType.FLOAT32, 4);
            Output h = tf.sum(tf.tanh(tf.mul(x, w1.output())), new int[] {1}, false);
            Output loss = tf.mean(tf.square(tf.sub(tf.mul(h, w2.output()), y)));
            Node step = optimizer.get().withClipByGlobalNorm(1.0).minimize(loss);
            try (Session s = new Session(g, threads)) {
                s.runner().addTarget(tf.initAllVariables()).run();
                for (int i = 0; i < 5; i++) {
                    s.runner().addTarget(step).run();
                }
                Map<String, Tensor> v = s.variableValues();
                List<double[]> out = new ArrayList<>();
                for (Tensor t : v.values()) {
                    out.add(t.dtype() == DType.FLOAT64 ? t.toDoubleArray() : toDouble(t.toFloatArray()));
                }
                return out.toArray(double[][]::new);
            }
        }
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    @Test
    void aFedLearningRateChangesFromRunToRun() {
        try (Graph g = new Graph()) {
            Ops tf = Ops.on(g);
            Output loss = distanceToThree(tf);
            Output lr = tf.placeholder("lr", DType.FLOAT32, Shape.scalar());
            Node step = new GradientDescent(1.0).withLearningRate(lr).minimize(loss);
            try (Session s = new Session(g, 1)) {
                s.runner().addTarget(tf.initAllVariables()).run();
                // w -= lr * 2(w - 3): with lr 0.25 from 0 to 1.5; with lr 0.5 from 1.5 to 1.5 + 1.5 = 3.
                s.runner().feed(lr, Tensor.scalar(0.25f)).addTarget(step).run();
                assertEquals(1.5, s.variableValues().get("w").getDouble());
                s.runner().feed(lr, Tensor.scalar(0.5f)).addTarget(step).run();
                assertEquals(3.0, s.variableValues().get("w").getDouble());
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new Adam().withLearningRate(tf.placeholder("rates", DType.FLOAT64, Shape.of(2))));
            assertEquals("the learning rate 'rates:0' must be a FLOAT32 or FLOAT64 scalar, not float64[2]", e.getMessage());
        }
    }

    @Test
    void bitIdenticalAtAnyPoolSize() {
        double[][] one = trainAtPoolSize(1, Adam::new);
        double[][] four = trainAtPoolSize(4, Adam::new);
        assertEquals(8, one.length); // w1, w2, and step, m, v of each
        for (int i = 0; i < one.length; i++) {
            assertArrayEquals(one[i], four[i], "variable " + i);
        }
    }

    @Test
    void twoSessionsTrainIndependently() {
        try (Graph g = new Graph()) {
            Ops tf = Ops.on(g);
            Output loss = distanceToThree(tf);
            Node step = new Momentum(0.25, 0.5, false).minimize(loss);
            Node init = tf.initAllVariables();
            try (Session a = new Session(g, 1); Session b = new Session(g, 2)) {
                a.runner().addTarget(init).run();
                b.runner().addTarget(init).run();
                a.runner().addTarget(step).run();
                a.runner().addTarget(step).run();
                b.runner().addTarget(step).run();
                // a = 0.5a + 2(w - 3), w -= 0.25a. Step 1: a = -6, w = 1.5. Step 2: a = -3 - 3 = -6, w = 3.
                assertEquals(3.0, a.variableValues().get("w").getDouble());
                assertEquals(-6.0, a.variableValues().get("w/Momentum/accumulator").getDouble());
                assertEquals(1.5, b.variableValues().get("w").getDouble());
                assertEquals(-6.0, b.variableValues().get("w/Momentum/accumulator").getDouble());
            }
        }
    }

    @Test
    void minimizeTrainsOnlyTheFloatVariablesTheLossDependsOn() {
        try (Graph g = new Graph()) {
            Ops tf = Ops.on(g);
            Variable w = tf.variable("w", DType.FLOAT64, Shape.scalar(), Initializers.ones());
            Variable unused = tf.variable("unused", DType.FLOAT64, Shape.scalar(), Initializers.ones());
            Variable scale = tf.variable("scale", DType.INT32, Shape.scalar(), Initializers.constant(2));
            Output loss = tf.mul(tf.square(w.output()), tf.cast(scale.output(), DType.FLOAT64));
            Node step = new GradientDescent(0.125).minimize(loss);
            try (Session s = new Session(g, 1)) {
                s.runner().addTarget(tf.initAllVariables()).run();
                s.runner().addTarget(step).run();
                // dloss/dw = 2 * 2w = 4 at w = 1: w = 1 - 0.125 * 4 = 0.5; the others keep their values.
                Map<String, Tensor> v = s.variableValues();
                assertEquals(0.5, v.get("w").getDouble());
                assertEquals(1.0, v.get("unused").getDouble());
                assertEquals(2, v.get("scale").getInt());
            }
        }
    }

    // ErrorCatalogueTest checks the other build errors (a loss that is not a float scalar or
    // depends on no variable, and the rows below in other forms) with their exact messages.

    @Test
    void refusesVariablesItCannotTrain() {
        try (Graph g = new Graph()) {
            Ops tf = Ops.on(g);
            Variable w = tf.variable("w", DType.FLOAT64, Shape.scalar(), Initializers.ones());
            Variable other = tf.variable("other", DType.FLOAT64, Shape.scalar(), Initializers.ones());
            Variable n = tf.variable("n", DType.INT32, Shape.scalar(), Initializers.ones());
            Output loss = tf.withName("loss").mul(tf.square(w.output()), tf.cast(n.output(), DType.FLOAT64));
            Optimizer sgd = new GradientDescent(0.1);

            GraphBuildException notFloat = assertThrows(GraphBuildException.class,
                    () -> sgd.minimize(loss, List.of(n.output())));
            assertEquals("cannot train the variable 'n' (int32[]): optimizers update FLOAT32 and FLOAT64 variables"
                    + " only", notFloat.getMessage());
            GraphBuildException unrelated = assertThrows(GraphBuildException.class,
                    () -> sgd.minimize(loss, List.of(other.output())));
            assertEquals("cannot minimize 'loss' over the variable 'other': the loss does not depend on it",
                    unrelated.getMessage());
            GraphBuildException notVariable = assertThrows(GraphBuildException.class,
                    () -> sgd.minimize(loss, List.of(loss)));
            assertEquals("'loss' is the output of a Mul node, not a variable; optimizers update variables"
                    + " (Variable.output())", notVariable.getMessage());
        }
    }

    @Test
    void refusesAVariableReachedOnlyThroughANonDifferentiablePath() {
        try (Graph g = new Graph()) {
            Ops tf = Ops.on(g);
            Variable w = tf.variable("w", DType.FLOAT64, Shape.of(3), Initializers.ones());
            // The loss reads w only through argMax, whose INT64 output carries no gradient.
            Output loss = tf.withName("loss").cast(tf.argMax(w.output(), 0), DType.FLOAT64);
            GraphBuildException e = assertThrows(GraphBuildException.class, () -> new Adam().minimize(loss));
            assertTrue(e.getMessage().startsWith("'w:0' has no gradient path to 'loss:0'"), e.getMessage());
        }
    }

    @Test
    void applyGradientsRefusesMismatchedOrRepeatedPairs() {
        try (Graph g = new Graph()) {
            Ops tf = Ops.on(g);
            Variable w = tf.variable("w", DType.FLOAT64, Shape.of(3), Initializers.ones());
            Output g2 = tf.placeholder("g2", DType.FLOAT64, Shape.of(2));
            Output g3f = tf.placeholder("g3f", DType.FLOAT32, Shape.of(3));
            Output g3 = tf.placeholder("g3", DType.FLOAT64, Shape.of(3));
            Optimizer sgd = new GradientDescent(0.1);

            GraphBuildException shape = assertThrows(GraphBuildException.class,
                    () -> sgd.applyGradients(List.of(new GradientAndVariable(g2, w.output()))));
            assertEquals("the gradient 'g2:0' is float64[2] but the variable 'w' is float64[3]; they must have the same"
                    + " dtype and shape", shape.getMessage());
            GraphBuildException dtype = assertThrows(GraphBuildException.class,
                    () -> sgd.applyGradients(List.of(new GradientAndVariable(g3f, w.output()))));
            assertEquals("the gradient 'g3f:0' is float32[3] but the variable 'w' is float64[3]; they must have the same"
                    + " dtype and shape", dtype.getMessage());
            GraphBuildException twice = assertThrows(GraphBuildException.class, () -> sgd.applyGradients(
                    List.of(new GradientAndVariable(g3, w.output()), new GradientAndVariable(g3, w.output()))));
            assertEquals("the variable 'w' appears twice in GradientDescent.applyGradients; sum its gradients first",
                    twice.getMessage());
            GraphBuildException empty = assertThrows(GraphBuildException.class, () -> sgd.applyGradients(List.of()));
            assertEquals("GradientDescent.applyGradients needs at least one gradient and variable", empty.getMessage());
            assertFalse(g.hasNode("GradientDescent"), "no step was added");
        }
    }

    @Test
    void oneOptimizerServesOneGraph() {
        Optimizer adam = new Adam();
        try (Graph first = new Graph(); Graph second = new Graph()) {
            adam.minimize(distanceToThree(Ops.on(first)));
            Output loss = distanceToThree(Ops.on(second));
            GraphBuildException e = assertThrows(GraphBuildException.class, () -> adam.minimize(loss));
            assertEquals("this Adam optimizer has built steps for another graph; make one optimizer per graph",
                    e.getMessage());
        }
    }

    @Test
    void refusesBadSettings() {
        IllegalArgumentException lr = assertThrows(IllegalArgumentException.class, () -> new GradientDescent(0));
        assertEquals("the learning rate must be positive and finite, not 0.0", lr.getMessage());
        IllegalArgumentException beta = assertThrows(IllegalArgumentException.class, () -> new Adam(0.1, 1.0, 0.9, 1e-8));
        assertEquals("beta1 must be in [0, 1), not 1.0", beta.getMessage());
        IllegalArgumentException clip = assertThrows(IllegalArgumentException.class,
                () -> new Adam().withClipByGlobalNorm(-1));
        assertEquals("the clip norm must be positive and finite, not -1.0", clip.getMessage());
        IllegalStateException noSlots = assertThrows(IllegalStateException.class, () -> new Adam().initializer());
        assertEquals("the Adam optimizer has built no step yet, so it has no slots", noSlots.getMessage());
    }
}
