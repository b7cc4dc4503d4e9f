package dev.flowgraph.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.GraphBuildException;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.TestRuns;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The math family's gradients at chosen points: values by hand, the conventions at kinks and ties
 * (which finite differences cannot check), second derivatives, and FLOAT32.
 */
class MathGradientsTest {
    private static final double TOLERANCE = 1e-12;
    private static final double LN2 = Math.log(2);
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);
    private final Output x = tf.placeholder("x", DType.FLOAT64, Shape.of(-1));
    private final Output y = tf.placeholder("y", DType.FLOAT64, Shape.of(-1));

    private static double[] eval(Output out, Map<String, Tensor> feeds) {
        return TestRuns.eval(out, 1, feeds).toDoubleArray();
    }

    /** d op(x) / dx at the given x. */
    private double[] gradientAt(UnaryOperator<Output> op, double... at) {
        return eval(Gradients.of(op.apply(x), List.of(x)).get(0), Map.of("x", Tensor.vector(at)));
    }

    /** d^2 op(x) / dx^2 at the given x. */
    private double[] secondAt(UnaryOperator<Output> op, double... at) {
        Output first = Gradients.of(op.apply(x), List.of(x)).get(0);
        return eval(Gradients.of(first, List.of(x)).get(0), Map.of("x", Tensor.vector(at)));
    }

    @Test
    void powGradientsForTheBaseAndTheExponentFollowTensorFlowAtNonPositiveBases() {
        List<Output> grads = Gradients.of(tf.pow(x, y), List.of(x, y));
        Map<String, Tensor> feeds = Map.of("x", Tensor.vector(2.0, 0.0, -2.0, 0.5), "y", Tensor.vector(3.0, 2.0, 2.0, -1.0));
        // d/dx = y x^(y-1): 3*2^2 = 12, 2*0^1 = 0, 2*(-2)^1 = -4, -1*0.5^-2 = -4
        assertArrayEquals(new double[] {12, 0, -4, -4}, eval(grads.get(0), feeds), TOLERANCE);
        // d/dy = x^y ln x where x > 0, else 0: 8 ln 2, 0, 0, 2 ln 0.5 = -2 ln 2
        assertArrayEquals(new double[] {8 * LN2, 0, 0, -2 * LN2}, eval(grads.get(1), feeds), TOLERANCE);
        // d2/dy2 = x^y ln^2 x where x > 0, else 0 (finite at x = 0): 8 ln^2 2, 0, 0, 2 ln^2 2
        Output second = Gradients.of(grads.get(1), List.of(y)).get(0);
        assertArrayEquals(new double[] {8 * LN2 * LN2, 0, 0, 2 * LN2 * LN2}, eval(second, feeds), TOLERANCE);
    }

    @Test
    void divisionGradients() {
        List<Output> grads = Gradients.of(tf.div(x, y), List.of(x, y));
        Map<String, Tensor> feeds = Map.of("x", Tensor.vector(3.0, -1.0), "y", Tensor.vector(2.0, 4.0));
        // d/dx = 1/y: 0.5, 0.25; d/dy = -x/y^2: -3/4, 1/16
        assertArrayEquals(new double[] {0.5, 0.25}, eval(grads.get(0), feeds), TOLERANCE);
        assertArrayEquals(new double[] {-0.75, 0.0625}, eval(grads.get(1), feeds), TOLERANCE);
    }

    @Test
    void secondDerivatives() {
        // sin'' = -sin
        assertArrayEquals(new double[] {-Math.sin(0.7), -Math.sin(-2.0)}, secondAt(tf::sin, 0.7, -2.0), TOLERANCE);
        // (x^3)'' = 6x through pow with a constant exponent: 9 at 1.5, -6 at -1
        assertArrayEquals(new double[] {9, -6}, secondAt(v -> tf.pow(v, tf.constant(3.0)), 1.5, -1.0), TOLERANCE);
        // sigmoid'' = s(1-s)(1-2s); at 0 it is 0 since s = 1/2
        double s = 1 / (1 + Math.exp(-0.5));
        assertArrayEquals(new double[] {s * (1 - s) * (1 - 2 * s), 0}, secondAt(tf::sigmoid, 0.5, 0.0), TOLERANCE);
        // tanh'' = -2t(1 - t^2)
        double t = Math.tanh(0.3);
        assertArrayEquals(new double[] {-2 * t * (1 - t * t)}, secondAt(tf::tanh, 0.3), TOLERANCE);
        // log'' = -1/x^2: -1/4 at 2; sqrt'' = -x^(-3/2)/4: -1/32 at 4; (1/x)'' = 2/x^3: 1/4 at 2
        assertArrayEquals(new double[] {-0.25}, secondAt(tf::log, 2.0), TOLERANCE);
        assertArrayEquals(new double[] {-1.0 / 32}, secondAt(tf::sqrt, 4.0), TOLERANCE);
        assertArrayEquals(new double[] {0.25}, secondAt(tf::reciprocal, 2.0), TOLERANCE);
        // rsqrt'' = (3/4) x^(-5/2): 3/128 at 4
        assertArrayEquals(new double[] {3.0 / 128}, secondAt(tf::rsqrt, 4.0), TOLERANCE);
    }

    @Test
    void kinksFollowTensorFlow() {
        // |x|' = sign(x), 0 at 0
        assertArrayEquals(new double[] {0, -1, 1}, gradientAt(tf::abs, 0, -2, 3), 0);
        // relu' = 1 where x > 0, 0 at 0
        assertArrayEquals(new double[] {0, 0, 1}, gradientAt(tf::relu, 0, -1, 2), 0);
        // leakyRelu' = alpha where x <= 0, 0.1 at 0
        assertArrayEquals(new double[] {0.1, 0.1, 1}, gradientAt(v -> tf.leakyRelu(v, 0.1), 0, -1, 2), 0);
        // sqrt' = 1/(2 sqrt x): infinite at 0, 1/4 at 4
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0.25}, gradientAt(tf::sqrt, 0, 4), 0);
    }

    @Test
    void piecewiseConstantOpsHaveZeroGradientsEvenAtTheirJumps() {
        double[] at = {0.5, 2.0, -1.5, 0.0};
        for (UnaryOperator<Output> op : List.<UnaryOperator<Output>>of(tf::floor, tf::ceil, tf::round, tf::sign)) {
            // x + op(x) keeps x on a path, so the piecewise op's zero adds nothing to the 1 of x
            assertArrayEquals(new double[] {1, 1, 1, 1}, gradientAt(v -> tf.add(v, op.apply(v)), at), 0);
        }
    }

    @Test
    void tiesOfMaximumAndMinimumSendTheGradientToX() {
        Map<String, Tensor> feeds = Map.of("x", Tensor.vector(1.0, 2.0, 3.0), "y", Tensor.vector(1.0, 3.0, 2.0));
        List<Output> max = Gradients.of(tf.maximum(x, y), List.of(x, y));
        assertArrayEquals(new double[] {1, 0, 1}, eval(max.get(0), feeds), 0);
        assertArrayEquals(new double[] {0, 1, 0}, eval(max.get(1), feeds), 0);
        List<Output> min = Gradients.of(tf.minimum(x, y), List.of(x, y));
        assertArrayEquals(new double[] {1, 1, 0}, eval(min.get(0), feeds), 0);
        assertArrayEquals(new double[] {0, 0, 1}, eval(min.get(1), feeds), 0);
    }

    @Test
    void whereSendsTheGradientThroughTheChosenBranchAndSumsABroadcastOne() {
        Output cond = tf.constant(Tensor.vector(true, false, true));
        Output scalar = tf.placeholder("s", DType.FLOAT64, Shape.scalar());
        List<Output> grads = Gradients.of(tf.where(cond, x, scalar), List.of(x, scalar),
                tf.constant(Tensor.vector(10.0, 20.0, 30.0)));
        Map<String, Tensor> feeds = Map.of("x", Tensor.vector(1.0, 2.0, 3.0), "s", Tensor.scalar(7.0));
        assertArrayEquals(new double[] {10, 0, 30}, eval(grads.get(0), feeds), 0);
        // the scalar was broadcast and chosen once: 20
        assertArrayEquals(new double[] {20}, eval(grads.get(1), feeds), 0);
    }

    @Test
    void modAndSquaredDifference() {
        Map<String, Tensor> feeds = Map.of("x", Tensor.vector(7.0, -7.0), "y", Tensor.vector(3.0, 3.0));
        List<Output> mod = Gradients.of(tf.mod(x, y), List.of(x, y));
        // x mod y = x - floor(x/y) y: d/dx = 1; d/dy = -floor(x/y) = -2 and 3
        assertArrayEquals(new double[] {1, 1}, eval(mod.get(0), feeds), 0);
        assertArrayEquals(new double[] {-2, 3}, eval(mod.get(1), feeds), 0);
        List<Output> sq = Gradients.of(tf.squaredDifference(x, y), List.of(x, y));
        // 2(x - y) = 8 and -20; y gets the negation
        assertArrayEquals(new double[] {8, -20}, eval(sq.get(0), feeds), 0);
        assertArrayEquals(new double[] {-8, 20}, eval(sq.get(1), feeds), 0);
    }

    @Test
    void float32GradientsKeepTheirDtype() {
        Output f = tf.placeholder("f", DType.FLOAT32, Shape.of(2));
        Output h = tf.placeholder("h", DType.FLOAT32, Shape.of(2));
        Output z = tf.add(tf.mul(tf.tanh(f), tf.exp(f)), tf.add(tf.leakyRelu(f, 0.25), tf.pow(f, h)));
        List<Output> grads = Gradients.of(z, List.of(f, h));
        assertEquals(DType.FLOAT32, grads.get(0).dtype());
        assertEquals(DType.FLOAT32, grads.get(1).dtype());
        Map<String, Tensor> feeds = Map.of("f", Tensor.vector(-1f, 2f), "h", Tensor.vector(2f, 3f));
        Tensor df = TestRuns.eval(grads.get(0), 1, feeds);
        Tensor dh = TestRuns.eval(grads.get(1), 1, feeds);
        assertEquals(DType.FLOAT32, df.dtype());
        // d/df = ((1 - t^2) + t) e^f + leakyRelu' + h f^(h-1): leakyRelu' is 0.25 at -1 and 1 at 2;
        // h f^(h-1) is 2*(-1) = -2 and 3*4 = 12
        double[] expected = new double[2];
        double[] fs = {-1, 2};
        double[] slope = {0.25 - 2, 1 + 12};
        for (int i = 0; i < 2; i++) {
            double t = Math.tanh(fs[i]);
            expected[i] = (1 - t * t + t) * Math.exp(fs[i]) + slope[i];
        }
        assertArrayEquals(expected, df.toDoubleArray(), 1e-5);
        // d/dh = f^h ln f where f > 0: 0 at -1, 8 ln 2 at 2
        assertArrayEquals(new double[] {0, 8 * LN2}, dh.toDoubleArray(), 1e-5);
    }

    @Test
    void castsBetweenFloatsPassTheGradientBackInTheInputDtype() {
        Output f = tf.placeholder("f", DType.FLOAT32, Shape.of(2));
        Output z = tf.mul(tf.cast(f, DType.FLOAT64), tf.constant(Tensor.vector(3.0, -0.5)));
        Output grad = Gradients.of(z, List.of(f)).get(0);
        assertEquals(DType.FLOAT32, grad.dtype());
        Tensor value = TestRuns.eval(grad, 1, Map.of("f", Tensor.vector(1f, 2f)));
        assertEquals(DType.FLOAT32, value.dtype());
        assertArrayEquals(new double[] {3, -0.5}, value.toDoubleArray(), 0);
    }

    @Test
    void aCastThroughAnIntegerCarriesNoGradient() {
        Output z = tf.cast(tf.cast(x, DType.INT32), DType.FLOAT64);
        GraphBuildException e = assertThrows(GraphBuildException.class, () -> Gradients.of(z, List.of(x)));
        assertTrue(e.getMessage().contains("has no gradient path"), e.getMessage());
        Output zero = Gradients.from(z).withRespectTo(x).whenNoGradient(NoGradient.ZERO).compute().get(0);
        assertArrayEquals(new double[] {0, 0}, eval(zero, Map.of("x", Tensor.vector(1.5, 2.5))), 0);
    }
}
