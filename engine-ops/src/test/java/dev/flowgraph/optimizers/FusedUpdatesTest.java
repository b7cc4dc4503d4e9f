package dev.flowgraph.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Runner;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.train.Initializers;
import dev.flowgraph.ops.train.Variable;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fused update ops ({@code ApplyAdam}, ...) that the optimizers use by default against the
 * chain of elementwise graph ops that {@code withFusedUpdates(false)} builds: every variable and
 * slot bit for bit equal after several steps, in FLOAT32 and FLOAT64, with a constant learning
 * rate, with a schedule fed at each run, and with clipping by the global norm.
 */
@Timeout(120)
class FusedUpdatesTest {
    /** 200x150 = 30,000 elements: two blocks of the fused kernel's 16,384, the second partial. */
    private static final Shape W = Shape.of(200, 150);
    private static final Shape B = Shape.of(7);
    private static final int STEPS = 4;

    /** Each rule, with settings that make every term of its update count. */
    private static final Map<String, Supplier<Optimizer>> RULES = Map.of(
            "sgd", () -> new GradientDescent(0.1),
            "momentum", () -> new Momentum(0.05, 0.9, false),
            "nesterov", () -> new Momentum(0.05, 0.9, true),
            "adam", () -> new Adam(0.01, 0.8, 0.95, 1e-3),
            "rmsprop", () -> new RMSProp(0.01, 0.9, 0.0, 1e-6),
            "rmsprop_momentum", () -> new RMSProp(0.01, 0.7, 0.5, 1e-6));

    static Stream<Arguments> cases() {
        return RULES.keySet().stream().sorted().flatMap(rule -> Stream.of(DType.FLOAT32, DType.FLOAT64)
                .flatMap(dtype -> Stream.of("constant", "schedule", "clipped")
                        .map(variant -> Arguments.of(rule, dtype, variant))));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void fusedEqualsTheGraphOpChainBitForBit(String rule, DType dtype, String variant) {
        Map<String, Tensor> fused = train(rule, dtype, variant, true, 1);
        Map<String, Tensor> chain = train(rule, dtype, variant, false, 1);
        assertEquals(chain.keySet(), fused.keySet());
        for (String name : chain.keySet()) {
            assertEquals(chain.get(name), fused.get(name), name);
        }
        // The steps moved the weights: the comparison is not between untouched starting values.
        assertNotEquals(start(dtype, W, 1), fused.get("w"));
        assertEquals(fused, train(rule, dtype, variant, true, 4), "fused, pool of 4 against pool of 1");
    }

    @Test
    void theOptimizersUseTheFusedOpsByDefault() {
        for (String rule : RULES.keySet()) {
            try (Graph g = new Graph()) {
                Ops tf = Ops.on(g);
                Variable w = tf.variable("w", DType.FLOAT32, B, Initializers.ones());
                Node step = RULES.get(rule).get().minimize(tf.sum(tf.square(w.output())));
                List<String> writers = step.controlInputs().stream().map(Node::opType).toList();
                String expected = switch (rule) {
                    case "sgd" -> "ApplyGradientDescent";
                    case "momentum", "nesterov" -> "ApplyMomentum";
                    case "adam" -> "ApplyAdam";
                    default -> "ApplyRMSProp";
                };
                assertEquals(List.of(expected), writers, rule);
                assertTrue(g.nodes().stream().noneMatch(n -> n.opType().equals("AssignSub")), rule);
            }
        }
    }

    /**
     * Applies {@link #STEPS} steps of a rule to w [200, 150] and b [7] with gradients fed at each
     * step (with {@code variant} "schedule", the learning rate is a FLOAT64 placeholder fed a
     * decaying value; with "clipped", the gradients are clipped to a global norm below theirs)
     * and returns every variable, slots included.
     */
    private static Map<String, Tensor> train(String rule, DType dtype, String variant, boolean fusedUpdates,
            int threads) {
        try (Graph g = new Graph()) {
            Ops tf = Ops.on(g);
            Variable w = tf.variable("w", dtype, W, (ops, d, s) -> ops.constant(start(d, s, 1)));
            Variable b = tf.variable("b", dtype, B, (ops, d, s) -> ops.constant(start(d, s, 2)));
            Output gw = tf.placeholder("gw", dtype, W);
            // An unknown static shape: the kernel checks the fed gradient's shape at run time.
            Output gb = tf.placeholder("gb", dtype, Shape.of(-1));
            Output lr = tf.placeholder("lr", DType.FLOAT64, Shape.scalar());
            Optimizer optimizer = RULES.get(rule).get().withFusedUpdates(fusedUpdates);
            if (variant.equals("schedule")) {
                optimizer.withLearningRate(lr);
            } else if (variant.equals("clipped")) {
                // The fed gradients' global norm is about sqrt(30,007 / 3) = 100.
                optimizer.withClipByGlobalNorm(10);
            }
            Node step = optimizer.applyGradients(
                    List.of(new GradientAndVariable(gw, w.output()), new GradientAndVariable(gb, b.output())));
            Node init = tf.initAllVariables();
            try (Session s = new Session(g, threads)) {
                s.runner().addTarget(init).run();
                for (int t = 1; t <= STEPS; t++) {
                    Runner r = s.runner().feed(gw, gradient(dtype, W, 10 + t)).feed(gb, gradient(dtype, B, 20 + t));
                    if (variant.equals("schedule")) {
                        r.feed(lr, Tensor.scalar(0.02 * Math.pow(0.7, t)));
                    }
                    r.addTarget(step).run();
                }
                return s.variableValues();
            }
        }
    }

    /** Starting values uniform in [-1, 1). */
    private static Tensor start(DType dtype, Shape shape, long seed) {
        return values(dtype, shape, seed, Integer.MAX_VALUE);
    }

    /** Gradients uniform in [-1, 1), with every tenth element zero (as for a ReLU's dead units). */
    private static Tensor gradient(DType dtype, Shape shape, long seed) {
        return values(dtype, shape, seed, 10);
    }

    /** Values uniform in [-1, 1), with elements 0, zeroEvery, 2 * zeroEvery, ... zero. */
    private static Tensor values(DType dtype, Shape shape, long seed, int zeroEvery) {
        Random r = new Random(seed);
        double[] d = new double[(int) shape.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = i % zeroEvery == 0 ? 0 : r.nextDouble() * 2 - 1;
        }
        if (dtype == DType.FLOAT64) {
            return Tensor.of(d, shape);
        }
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return Tensor.of(f, shape);
    }
}
