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
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OpRegistry;
import dev.flowgraph.spi.OutputSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gradients.of: reverse mode over paths, sums, policies, and refusals. */
class GradientsTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);
    private final Output x = tf.placeholder("x", DType.FLOAT64, Shape.scalar());

    private double at(Output out, double value) {
        return TestRuns.eval(out, 1, Map.of("x", Tensor.scalar(value))).getDouble();
    }

    @Test
    void secondDerivativeOfXCubed() {
        Output cube = tf.mul(x, tf.mul(x, x));
        Output first = Gradients.of(cube, List.of(x)).get(0);
        Output second = Gradients.of(first, List.of(x)).get(0);
        Output third = Gradients.of(second, List.of(x)).get(0);
        // d/dx x^3 = 3x^2 = 12 at 2; d2 = 6x = 12 at 2, -3 at -0.5; d3 = 6
        assertEquals(12.0, at(first, 2.0));
        assertEquals(12.0, at(second, 2.0));
        assertEquals(-3.0, at(second, -0.5));
        assertEquals(6.0, at(third, 2.0));
    }

    @Test
    void sumsTheContributionsOfEveryPath() {
        // y = x*x + x - (-x): dy/dx = 2x + 1 + 1 = 8 at 3
        Output y = tf.sub(tf.add(tf.mul(x, x), x), tf.neg(x));
        assertEquals(8.0, at(Gradients.of(y, List.of(x)).get(0), 3.0));
    }

    @Test
    void differentiatesWithRespectToSeveralInputsAndIntermediates() {
        Output b = tf.placeholder("b", DType.FLOAT64, Shape.scalar());
        Output u = tf.mul(x, b);
        Output y = tf.mul(u, u);
        List<Output> grads = Gradients.of(y, List.of(x, b, u));
        Map<String, Tensor> feeds = Map.of("x", Tensor.scalar(2.0), "b", Tensor.scalar(5.0));
        // y = (xb)^2: dy/dx = 2xb^2 = 100, dy/db = 2x^2 b = 40, dy/du = 2u = 20
        assertEquals(100.0, TestRuns.eval(grads.get(0), 1, feeds).getDouble());
        assertEquals(40.0, TestRuns.eval(grads.get(1), 1, feeds).getDouble());
        assertEquals(20.0, TestRuns.eval(grads.get(2), 1, feeds).getDouble());
    }

    @Test
    void aBroadcastInputGetsItsOwnShapeEvenWithUnknownDims() {
        Output m = tf.placeholder("m", DType.FLOAT64, Shape.of(-1, 3));
        Output bias = tf.placeholder("bias", DType.FLOAT64, Shape.of(3));
        Output y = tf.mul(tf.add(m, bias), tf.constant(Tensor.vector(1.0, 10.0, 100.0)));
        List<Output> grads = Gradients.of(y, List.of(m, bias));
        assertEquals(Shape.of(3), grads.get(1).shape());
        Map<String, Tensor> feeds = Map.of("m", Tensor.of(new double[6], Shape.of(2, 3)),
                "bias", Tensor.vector(0.0, 0.0, 0.0));
        // every row of m sees weights 1, 10, 100; the bias gets them once per row, summed over 2 rows
        assertArrayEquals(new double[] {1, 10, 100, 1, 10, 100}, TestRuns.eval(grads.get(0), 1, feeds).toDoubleArray());
        assertArrayEquals(new double[] {2, 20, 200}, TestRuns.eval(grads.get(1), 1, feeds).toDoubleArray());
    }

    @Test
    void takesAnInitialGradient() {
        Output v = tf.placeholder("v", DType.FLOAT64, Shape.of(2));
        Output y = tf.mul(v, v);
        Output dy = tf.constant(Tensor.vector(1.0, -3.0));
        Output grad = Gradients.of(y, List.of(v), dy).get(0);
        // dy * 2v at v = [4, 5]: [8, -30]
        assertArrayEquals(new double[] {8, -30},
                TestRuns.eval(grad, 1, Map.of("v", Tensor.vector(4.0, 5.0))).toDoubleArray());

        GraphBuildException e = assertThrows(GraphBuildException.class,
                () -> Gradients.of(y, List.of(v), tf.withName("wrong").constant(Tensor.vector(1.0, 2.0, 3.0))));
        assertTrue(e.getMessage().contains("the initial gradient 'wrong:0' is float64[3]")
                && e.getMessage().contains("float64[2]"), e.getMessage());
    }

    @Test
    void integerAndBooleanEdgesAreNotPaths() {
        // relu written by hand: the mask goes through a comparison and a cast, which carry no gradient
        Output mask = tf.cast(tf.greater(x, tf.constant(0.0)), DType.FLOAT64);
        Output y = tf.mul(tf.mul(x, mask), tf.constant(3.0));
        Output grad = Gradients.of(y, List.of(x)).get(0);
        assertEquals(3.0, at(grad, 2.0));
        assertEquals(0.0, at(grad, -2.0));
    }

    @Test
    void anUnconnectedInputIsAnErrorOrZeroAsAsked() {
        Output other = tf.placeholder("other", DType.FLOAT64, Shape.of(2));
        Output y = tf.mul(x, x);
        GraphBuildException e = assertThrows(GraphBuildException.class, () -> Gradients.of(y, List.of(x, other)));
        assertTrue(e.getMessage().contains("'other:0' has no gradient path to '" + y.name() + "'")
                && e.getMessage().contains("NoGradient.ZERO"), e.getMessage());

        List<Output> grads = Gradients.from(y).withRespectTo(x, other).whenNoGradient(NoGradient.ZERO).compute();
        Tensor zeros = TestRuns.eval(grads.get(1), 1, Map.of("other", Tensor.vector(7.0, 8.0)));
        assertArrayEquals(new double[] {0, 0}, zeros.toDoubleArray());
    }

    @Test
    void aNodeWithoutGradientOnThePathIsAnErrorOrZeroAsAsked() {
        try (Graph opaque = new Graph(OpRegistry.global().with(List.of(new Opaque())))) {
            Ops t = Ops.on(opaque);
            Output in = t.placeholder("in", DType.FLOAT64, Shape.scalar());
            Output hidden = t.withName("hidden").node("Opaque", dev.flowgraph.spi.Attrs.empty(), in).output(0);
            Output y = t.add(t.mul(hidden, in), in);
            GraphBuildException e = assertThrows(GraphBuildException.class, () -> Gradients.of(y, List.of(in)));
            assertTrue(e.getMessage().contains("no gradient for node 'hidden' (op Opaque)")
                    && e.getMessage().contains("from ['in:0']"), e.getMessage());

            // treated as zero, only the direct paths count: d(h*in + in)/din = h + 1 with h = 2*in
            Output grad = Gradients.from(y).withRespectTo(in).whenNoGradient(NoGradient.ZERO).compute().get(0);
            assertEquals(7.0, TestRuns.eval(grad, 1, Map.of("in", Tensor.scalar(3.0))).getDouble());
        }
    }

    @Test
    void refusesNonFloatsAndOutputsOfOtherGraphs() {
        Output i = tf.withName("i").placeholder("i", DType.INT32, Shape.scalar());
        GraphBuildException e = assertThrows(GraphBuildException.class,
                () -> Gradients.of(tf.mul(x, x), List.of(i)));
        assertTrue(e.getMessage().contains("cannot differentiate with respect to 'i:0' (int32[])"), e.getMessage());
        GraphBuildException y = assertThrows(GraphBuildException.class,
                () -> Gradients.of(tf.mul(i, i), List.of(x)));
        assertTrue(y.getMessage().contains("gradients flow through float tensors only"), y.getMessage());
        try (Graph other = new Graph()) {
            Output elsewhere = Ops.on(other).placeholder("z", DType.FLOAT64, Shape.scalar());
            GraphBuildException d = assertThrows(GraphBuildException.class,
                    () -> Gradients.of(tf.mul(x, x), List.of(elsewhere)));
            assertTrue(d.getMessage().contains("they are in different graphs"), d.getMessage());
        }
    }

    @Test
    void gradientNodesAreNamedAfterTheForwardNodes() {
        Output y = tf.withName("square").mul(x, x);
        Output grad = Gradients.of(y, List.of(x)).get(0);
        assertTrue(grad.node().name().startsWith("gradients/"), grad.node().name());
        assertTrue(g.nodes().stream().anyMatch(n -> n.name().startsWith("gradients/square/")));
    }

    /** A float op with no gradient: doubles its input. */
    private static final class Opaque implements OpDef {
        @Override
        public String type() {
            return "Opaque";
        }

        @Override
        public int arity() {
            return 1;
        }

        @Override
        public List<OutputSpec> infer(NodeSpec node) {
            return List.of(node.input(0));
        }

        @Override
        public void compute(KernelContext k) {
            k.setOutput(0, Tensor.scalar(2 * k.input(0).getDouble()));
        }
    }
}
