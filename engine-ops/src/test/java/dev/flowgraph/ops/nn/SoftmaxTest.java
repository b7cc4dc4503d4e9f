package dev.flowgraph.ops.nn;

import static dev.flowgraph.ops.TestRuns.eval;
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
import org.junit.jupiter.api.Test;

/** Softmax and LogSoftmax by hand: exact cases, NaN/Inf, empty tensors, inference and refusals. */
class SoftmaxTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);

    @Test
    void equalLogitsGiveAUniformDistribution() {
        // Four equal logits: each exp(0) / 4 = 0.25 exactly; log 0.25 = -log 4.
        Output x = tf.constant(Tensor.vector(7.0, 7.0, 7.0, 7.0));
        assertEquals(Tensor.vector(0.25, 0.25, 0.25, 0.25), eval(tf.softmax(x)));
        assertArrayEquals(new double[] {-Math.log(4), -Math.log(4), -Math.log(4), -Math.log(4)},
                eval(tf.logSoftmax(x)).toDoubleArray(), 1e-15);
    }

    @Test
    void hugeLogitsDoNotOverflow() {
        // [1000, 1000 + ln 3]: softmax [1/4, 3/4]; naive exp(1000) would be Inf and give NaN.
        double[] p = eval(tf.softmax(tf.constant(Tensor.vector(1000.0, 1000.0 + Math.log(3))))).toDoubleArray();
        assertArrayEquals(new double[] {0.25, 0.75}, p, 1e-12);
        // In float32 too: two equal logits of 1000 give exactly 1/2 each.
        assertEquals(Tensor.vector(0.5f, 0.5f), eval(tf.softmax(tf.constant(Tensor.vector(1000f, 1000f)))));
        // Logits of -1000: log-softmax stays finite, [-ln 2, -ln 2].
        double[] lp = eval(tf.logSoftmax(tf.constant(Tensor.vector(-1000.0, -1000.0)))).toDoubleArray();
        assertArrayEquals(new double[] {-Math.log(2), -Math.log(2)}, lp, 1e-12);
    }

    @Test
    void infinitiesAndNaN() {
        // -Inf gets probability 0 and log-probability -Inf; NaN poisons its lane only.
        Output withInf = tf.constant(Tensor.vector(0.0, Double.NEGATIVE_INFINITY));
        assertEquals(Tensor.vector(1.0, 0.0), eval(tf.softmax(withInf)));
        Tensor lp = eval(tf.logSoftmax(withInf));
        assertEquals(Tensor.vector(0.0, Double.NEGATIVE_INFINITY), lp);
        Tensor nan = eval(tf.softmax(tf.constant(Tensor.matrix(new double[][] {{Double.NaN, 1}, {2, 2}}))));
        assertTrue(Double.isNaN(nan.getDouble(0, 0)) && Double.isNaN(nan.getDouble(0, 1)));
        assertEquals(0.5, nan.getDouble(1, 0));
    }

    @Test
    void normalizesAlongTheGivenAxisIncludingSizeOneAxes() {
        // Axis 0 of [[0, 5], [0, 5]]: each column has equal entries, so 0.5 everywhere.
        Output x = tf.constant(Tensor.matrix(new double[][] {{0, 5}, {0, 5}}));
        assertEquals(Tensor.matrix(new double[][] {{0.5, 0.5}, {0.5, 0.5}}), eval(tf.softmax(x, -2)));
        // A size-1 softmax axis: every probability is 1, every log-probability 0.
        Output col = tf.constant(Tensor.of(new double[] {3, -4}, Shape.of(2, 1)));
        assertEquals(Tensor.of(new double[] {1, 1}, Shape.of(2, 1)), eval(tf.softmax(col)));
        assertEquals(Tensor.of(new double[] {0, 0}, Shape.of(2, 1)), eval(tf.logSoftmax(col, 1)));
    }

    @Test
    void emptyTensorsStayEmpty() {
        Output x = tf.constant(Tensor.zeros(DType.FLOAT32, Shape.of(0, 3)));
        assertEquals(Shape.of(0, 3), eval(tf.softmax(x)).shape());
        Output noClasses = tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(3, 0)));
        assertEquals(Shape.of(3, 0), eval(tf.logSoftmax(noClasses)).shape());
    }

    @Test
    void infersTheInputShapeAndDType() {
        Output x = tf.placeholder("x", DType.FLOAT32, Shape.of(-1, 10));
        assertEquals(Shape.of(-1, 10), tf.softmax(x).shape());
        assertEquals(DType.FLOAT32, tf.logSoftmax(x).dtype());
        assertEquals(Shape.unknown(), tf.softmax(tf.placeholder("u", DType.FLOAT64, Shape.unknown()), 5).shape());
    }

    @Test
    void refusesIntegersScalarsAndBadAxes() {
        Output ints = tf.constant(Tensor.vector(1, 2));
        assertMessage(assertThrows(GraphBuildException.class, () -> tf.withName("sm").softmax(ints)), "'sm'",
                "Softmax", "int32[2]", "not a float dtype", "cast to float32");
        assertMessage(assertThrows(GraphBuildException.class, () -> tf.logSoftmax(tf.constant(1.0))), "LogSoftmax",
                "scalar");
        Output m = tf.constant(Tensor.matrix(new double[][] {{1, 2}}));
        assertMessage(assertThrows(GraphBuildException.class, () -> tf.withName("ax").softmax(m, 2)), "'ax'",
                "float64[1, 2]", "axis 2 is out of range for rank 2");
        assertMessage(assertThrows(GraphBuildException.class, () -> tf.logSoftmax(m, -3)), "axis -3");
    }

    static void assertMessage(Exception e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message lacks '" + p + "': " + e.getMessage());
        }
    }
}
