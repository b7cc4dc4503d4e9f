package dev.flowgraph.ops.math;

import static dev.flowgraph.ops.TestRuns.eval;
import static dev.flowgraph.ops.math.AddTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.GraphBuildException;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.TestRuns;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where as np.where: every dtype, three-way broadcasting, scalars, empty tensors, refusals and inference. */
class WhereTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);
    private final Output cond = tf.constant(Tensor.vector(true, false, true));

    private Tensor where(Output c, Tensor x, Tensor y) {
        Output out = tf.where(c, tf.constant(x), tf.constant(y));
        assertEquals(x.dtype(), out.dtype());
        return eval(out);
    }

    @Test
    void selectsInEveryDType() {
        assertArrayEquals(new float[] {1f, 20f, 3f},
                where(cond, Tensor.vector(1f, 2f, 3f), Tensor.vector(10f, 20f, 30f)).toFloatArray());
        assertArrayEquals(new double[] {1, 20, Double.NaN},
                where(cond, Tensor.vector(1.0, 2.0, Double.NaN), Tensor.vector(10.0, 20.0, 30.0)).toDoubleArray());
        assertArrayEquals(new int[] {1, 20, 3}, where(cond, Tensor.vector(1, 2, 3), Tensor.vector(10, 20, 30)).toIntArray());
        assertArrayEquals(new long[] {Long.MIN_VALUE, 20, 3},
                where(cond, Tensor.vector(Long.MIN_VALUE, 2L, 3L), Tensor.vector(10L, 20L, 30L)).toLongArray());
        assertArrayEquals(new boolean[] {true, true, true},
                where(cond, Tensor.vector(true, false, true), Tensor.vector(false, true, false)).toBooleanArray());
    }

    @Test
    void broadcastsAllThreeOperands() {
        // cond [2, 1], x [3], y scalar: row 0 is x, row 1 is all y.
        Output c = tf.constant(Tensor.of(new boolean[] {true, false}, Shape.of(2, 1)));
        Tensor out = where(c, Tensor.vector(1, 2, 3), Tensor.scalar(-1));
        assertEquals(Tensor.matrix(new int[][] {{1, 2, 3}, {-1, -1, -1}}), out);
        // cond [3], x [2, 1], y [1, 3]: out[i][j] = cond[j] ? x[i] : y[j].
        Tensor out2 = where(cond, Tensor.of(new double[] {100, 200}, Shape.of(2, 1)),
                Tensor.of(new double[] {1, 2, 3}, Shape.of(1, 3)));
        assertEquals(Tensor.matrix(new double[][] {{100, 2, 100}, {200, 2, 200}}), out2);
        // Only the condition is large: a scalar x and y fill by it.
        Output big = tf.constant(Tensor.of(new boolean[] {false, true, true, false}, Shape.of(2, 2)));
        assertEquals(Tensor.matrix(new long[][] {{0, 1}, {1, 0}}), where(big, Tensor.scalar(1L), Tensor.scalar(0L)));
    }

    @Test
    void selectsScalarsAndEmptyTensors() {
        assertEquals(Tensor.scalar(2.5f), where(tf.constant(false), Tensor.scalar(1f), Tensor.scalar(2.5f)));
        Output none = tf.constant(Tensor.zeros(DType.BOOL, Shape.of(0, 3)));
        Tensor out = where(none, Tensor.vector(1.0, 2.0, 3.0), Tensor.scalar(0.0));
        assertEquals(Shape.of(0, 3), out.shape());
    }

    @Test
    void infersTheBroadcastOfAllThreeShapes() {
        Output c = tf.placeholder("c", DType.BOOL, Shape.of(-1, 1));
        Output x = tf.placeholder("x", DType.INT32, Shape.of(4));
        Output y = tf.placeholder("y", DType.INT32, Shape.of(5, 1, 1));
        Output out = tf.where(c, x, y);
        assertEquals(Shape.of(5, -1, 4), out.shape());
        assertEquals(DType.INT32, out.dtype());
        assertEquals(Shape.unknown(), tf.where(tf.placeholder("u", DType.BOOL, Shape.unknown()), x, y).shape());
        Tensor fed = TestRuns.eval(out, 2, Map.of("c", Tensor.of(new boolean[] {true, false}, Shape.of(2, 1)),
                "x", Tensor.vector(1, 2, 3, 4), "y", Tensor.zeros(DType.INT32, Shape.of(5, 1, 1))));
        assertEquals(Shape.of(5, 2, 4), fed.shape());
        assertArrayEquals(new int[] {1, 2, 3, 4, 0, 0, 0, 0}, java.util.Arrays.copyOf(fed.toIntArray(), 8));
    }

    @Test
    void refusesANonBoolCondition() {
        Output c = tf.constant(Tensor.vector(1, 0, 1));
        Output x = tf.constant(Tensor.vector(1.0, 2.0, 3.0));
        GraphBuildException e = assertThrows(GraphBuildException.class, () -> tf.withName("pick").where(c, x, x));
        assertMessage(e, "'pick'", "Where", "int32[3]", "float64[3]", "the condition is int32, not bool");
    }

    @Test
    void refusesXAndYOfDifferentDTypes() {
        Output x = tf.constant(Tensor.vector(1.0, 2.0, 3.0));
        Output y = tf.constant(Tensor.vector(1f, 2f, 3f));
        GraphBuildException e = assertThrows(GraphBuildException.class, () -> tf.withName("pick").where(cond, x, y));
        assertMessage(e, "'pick'", "Where", "float64[3]", "float32[3]", "x and y dtypes differ: float64 and float32",
                "cast one of them");
    }

    @Test
    void refusesShapesThatDoNotBroadcast() {
        Output x = tf.constant(Tensor.vector(1, 2, 3));
        Output y = tf.constant(Tensor.vector(1, 2));
        GraphBuildException e = assertThrows(GraphBuildException.class, () -> tf.withName("pick").where(cond, x, y));
        assertMessage(e, "'pick'", "Where", "bool[3]", "int32[3]", "int32[2]", "cannot be broadcast");
        Output c4 = tf.constant(Tensor.vector(true, false, true, false));
        GraphBuildException e2 = assertThrows(GraphBuildException.class, () -> tf.withName("pick2").where(c4, x, x));
        assertMessage(e2, "'pick2'", "Where", "bool[4]", "cannot be broadcast");
    }
}
