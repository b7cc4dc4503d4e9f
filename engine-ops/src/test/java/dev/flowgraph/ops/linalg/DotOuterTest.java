package dev.flowgraph.ops.linalg;

import static dev.flowgraph.ops.TestRuns.eval;
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
import org.junit.jupiter.api.Test;

/** Dot and Outer: values in every numeric dtype, empty vectors, inference and refusals. */
class DotOuterTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);

    @Test
    void dotsVectorsOfEveryNumericDType() {
        // [1, 2, 3] · [4, -5, 6] = 4 - 10 + 18 = 12.
        assertEquals(Tensor.scalar(12.0), eval(tf.dot(tf.constant(Tensor.vector(1.0, 2, 3)),
                tf.constant(Tensor.vector(4.0, -5, 6)))));
        assertEquals(Tensor.scalar(12f), eval(tf.dot(tf.constant(Tensor.vector(1f, 2, 3)),
                tf.constant(Tensor.vector(4f, -5, 6)))));
        assertEquals(Tensor.scalar(12), eval(tf.dot(tf.constant(Tensor.vector(1, 2, 3)),
                tf.constant(Tensor.vector(4, -5, 6)))));
        assertEquals(Tensor.scalar(12L), eval(tf.dot(tf.constant(Tensor.vector(1L, 2, 3)),
                tf.constant(Tensor.vector(4L, -5, 6)))));
    }

    @Test
    void dotOfEmptyVectorsIsZeroAndNaNPropagates() {
        Output e = tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(0)));
        assertEquals(Tensor.scalar(0.0), eval(tf.dot(e, e)));
        Tensor nan = eval(tf.dot(tf.constant(Tensor.vector(1.0, Double.NaN)), tf.constant(Tensor.vector(1.0, 0.0))));
        assertTrue(Double.isNaN(nan.getDouble()));
    }

    @Test
    void dotRefusesMatricesPointingToMatMulAndMismatchedLengths() {
        Output m = tf.constant(Tensor.matrix(new double[][] {{1, 2}, {3, 4}}));
        Output v = tf.constant(Tensor.vector(1.0, 2.0));
        GraphBuildException e = assertThrows(GraphBuildException.class, () -> tf.withName("d").dot(m, v));
        assertMessage(e, "'d'", "Dot", "float64[2, 2]", "must be 1-D", "matMul");
        Output s = tf.constant(1.0);
        assertMessage(assertThrows(GraphBuildException.class, () -> tf.dot(v, s)), "operand y", "matMul");
        Output w = tf.constant(Tensor.vector(1.0, 2.0, 3.0));
        assertMessage(assertThrows(GraphBuildException.class, () -> tf.withName("d2").dot(v, w)), "'d2'",
                "float64[2]", "float64[3]", "lengths differ");
        assertMessage(assertThrows(GraphBuildException.class, () -> tf.dot(v, tf.constant(Tensor.vector(1f, 2f)))),
                "dtypes differ");
    }

    @Test
    void dotInfersAScalarFromUnknownLengths() {
        Output x = tf.placeholder("x", DType.FLOAT32, Shape.of(-1));
        Output y = tf.placeholder("y", DType.FLOAT32, Shape.unknown());
        assertEquals(Shape.scalar(), tf.dot(x, y).shape());
    }

    @Test
    void outerMultipliesEveryPair() {
        // [1, 2] ⊗ [3, 4, 5] = [[3, 4, 5], [6, 8, 10]].
        assertEquals(Tensor.matrix(new double[][] {{3, 4, 5}, {6, 8, 10}}),
                eval(tf.outer(tf.constant(Tensor.vector(1.0, 2.0)), tf.constant(Tensor.vector(3.0, 4.0, 5.0)))));
        assertEquals(Tensor.matrix(new int[][] {{-3}, {-6}}),
                eval(tf.outer(tf.constant(Tensor.vector(1, 2)), tf.constant(Tensor.vector(-3)))));
        assertEquals(Tensor.matrix(new float[][] {{0.5f, 1f}}),
                eval(tf.outer(tf.constant(Tensor.vector(0.5f)), tf.constant(Tensor.vector(1f, 2f)))));
        assertEquals(Tensor.matrix(new long[][] {{1L << 40}}),
                eval(tf.outer(tf.constant(Tensor.vector(1L << 20)), tf.constant(Tensor.vector(1L << 20)))));
    }

    @Test
    void outerOfAnEmptyVectorIsEmpty() {
        Tensor out = eval(tf.outer(tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(0))),
                tf.constant(Tensor.vector(1.0, 2.0))));
        assertEquals(Shape.of(0, 2), out.shape());
    }

    @Test
    void outerInfersUnknownLengthsAndRefusesOtherRanks() {
        Output x = tf.placeholder("x", DType.FLOAT64, Shape.of(-1));
        Output y = tf.placeholder("y", DType.FLOAT64, Shape.of(4));
        assertEquals(Shape.of(-1, 4), tf.outer(x, y).shape());
        Output m = tf.constant(Tensor.matrix(new double[][] {{1}}));
        assertMessage(assertThrows(GraphBuildException.class, () -> tf.withName("o").outer(m, y)), "'o'", "Outer",
                "float64[1, 1]", "must be 1-D");
        Output b = tf.constant(Tensor.vector(true));
        assertMessage(assertThrows(GraphBuildException.class, () -> tf.outer(b, b)), "bool is not a numeric dtype");
    }

    private static void assertMessage(Exception e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message lacks '" + p + "': " + e.getMessage());
        }
    }
}
