package dev.flowgraph.ops.math;

import static dev.flowgraph.ops.TestRuns.eval;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.KernelException;
import dev.flowgraph.Output;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import org.junit.jupiter.api.Test;

/** Div: IEEE 754 for floats, truncation toward zero and a named failure on zero for integers. */
class DivTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);

    private Tensor div(Tensor x, Tensor y) {
        return eval(tf.div(tf.constant(x), tf.constant(y)));
    }

    @Test
    void dividesFloat32() {
        assertArrayEquals(new float[] {0.75f, -4f}, div(Tensor.vector(1.5f, 8f), Tensor.vector(2f, -2f)).toFloatArray());
    }

    @Test
    void dividesFloat64() {
        assertArrayEquals(new double[] {0.125, -2.5}, div(Tensor.vector(1.0, 5.0), Tensor.vector(8.0, -2.0)).toDoubleArray());
    }

    @Test
    void dividesFloatsByZeroAsIeee() {
        Tensor x = Tensor.vector(1.0, -1.0, 0.0, 1.0);
        Tensor y = Tensor.vector(0.0, 0.0, 0.0, -0.0);
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
                Double.NEGATIVE_INFINITY}, div(x, y).toDoubleArray());
        Tensor f = div(Tensor.vector(1f, -1f, 0f), Tensor.scalar(0f));
        assertArrayEquals(new float[] {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN}, f.toFloatArray());
    }

    @Test
    void dividesInt32TruncatingTowardZero() {
        // 7/2 = 3.5 -> 3; -7/2 = -3.5 -> -3; 7/-2 -> -3; -7/-2 -> 3; 1/3 -> 0.
        Tensor out = div(Tensor.vector(7, -7, 7, -7, 1), Tensor.vector(2, 2, -2, -2, 3));
        assertEquals(DType.INT32, out.dtype());
        assertArrayEquals(new int[] {3, -3, -3, 3, 0}, out.toIntArray());
    }

    @Test
    void dividesInt64TruncatingTowardZero() {
        // 10^12 / 7 = 142857142857.14... -> 142857142857; negated likewise toward zero.
        Tensor out = div(Tensor.vector(1_000_000_000_000L, -1_000_000_000_000L), Tensor.scalar(7L));
        assertArrayEquals(new long[] {142_857_142_857L, -142_857_142_857L}, out.toLongArray());
    }

    @Test
    void minValueByMinusOneWraps() {
        // MIN_VALUE / -1 = 2^31 (resp. 2^63), one past MAX_VALUE, which wraps back to MIN_VALUE.
        assertArrayEquals(new int[] {Integer.MIN_VALUE},
                div(Tensor.vector(Integer.MIN_VALUE), Tensor.vector(-1)).toIntArray());
        assertArrayEquals(new long[] {Long.MIN_VALUE},
                div(Tensor.vector(Long.MIN_VALUE), Tensor.vector(-1L)).toLongArray());
    }

    @Test
    void integerDivisionByZeroFailsTheRunNamingTheNode() {
        Output x = tf.placeholder("x", DType.INT32, Shape.of(3));
        Output y = tf.placeholder("y", DType.INT32, Shape.of(3));
        tf.withName("quotient").div(x, y);
        try (Session s = new Session(g, 2)) {
            KernelException e = assertThrows(KernelException.class, () -> s.runner()
                    .feed("x", Tensor.vector(1, 2, 3)).feed("y", Tensor.vector(1, 0, 1)).fetch("quotient").run());
            assertEquals("quotient", e.nodeName());
            assertEquals("Div", e.opType());
            AddTest.assertMessage(e, "quotient", "Div", "division by zero");

            // The session stays usable: 6/3 = 2, 9/2 = 4.5 -> 4, -8/4 = -2.
            Tensor ok = s.runner().feed("x", Tensor.vector(6, 9, -8)).feed("y", Tensor.vector(3, 2, 4))
                    .fetch("quotient").run().get("quotient");
            assertArrayEquals(new int[] {2, 4, -2}, ok.toIntArray());
        }
    }

    @Test
    void int64DivisionByZeroFailsToo() {
        tf.withName("q").div(tf.constant(Tensor.vector(1L, 2L)), tf.constant(0L));
        try (Session s = new Session(g, 1)) {
            KernelException e = assertThrows(KernelException.class, () -> s.runner().fetch("q").run());
            AddTest.assertMessage(e, "'q'", "Div", "integer division by zero");
        }
    }

    @Test
    void divisionByZeroInALargeParallelRunIsReportedWithItsReason() {
        // 300x300 spans several blocks; the zero sits in the last one, which a pool thread may run.
        int n = 300 * 300;
        int[] divisors = new int[n];
        java.util.Arrays.fill(divisors, 1);
        divisors[n - 1] = 0;
        Output x = tf.constant(Tensor.of(new int[n], Shape.of(300, 300)));
        Output y = tf.constant(Tensor.of(divisors, Shape.of(300, 300)));
        tf.withName("big").div(x, y);
        for (int attempt = 0; attempt < 20; attempt++) {
            try (Session s = new Session(g, 4)) {
                KernelException e = assertThrows(KernelException.class, () -> s.runner().fetch("big").run());
                assertTrue(e.getMessage().contains("division by zero"), e.getMessage());
            }
        }
    }
}
