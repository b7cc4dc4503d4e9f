package dev.flowgraph.ops.reduce;

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

/** ArgMax and ArgMin: INT64 indices along one axis, first index on ties, first NaN wins. */
class ArgExtremeTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);
    /** [[1, 9, 3], [7, 2, 7]] */
    private final Output x = tf.constant(Tensor.matrix(new double[][] {{1, 9, 3}, {7, 2, 7}}));

    @Test
    void findsIndicesAlongEitherAxis() {
        Tensor rows = eval(tf.argMax(x, 1));
        assertEquals(DType.INT64, rows.dtype());
        // row 0: 9 at 1; row 1: 7 at 0 and 2, the first wins
        assertArrayEquals(new long[] {1, 0}, rows.toLongArray());
        assertArrayEquals(new long[] {1, 0}, eval(tf.argMax(x, -1)).toLongArray());
        // columns: max(1,7) at 1, max(9,2) at 0, max(3,7) at 1
        assertArrayEquals(new long[] {1, 0, 1}, eval(tf.argMax(x, 0)).toLongArray());
        // row minima: 1 at 0, 2 at 1
        assertArrayEquals(new long[] {0, 1}, eval(tf.argMin(x, 1)).toLongArray());
    }

    @Test
    void worksOnIntegersAndRank3() {
        Tensor t = eval(tf.argMin(tf.constant(Tensor.vector(4, -2, 8, -2)), 0));
        assertEquals(Shape.scalar(), t.shape());
        assertEquals(1L, t.getLong());
        // 0..23 in [2, 3, 4] increases along every axis, so the max along axis 1 is always at 2
        long[] v = new long[24];
        for (int i = 0; i < 24; i++) {
            v[i] = i;
        }
        Tensor m = eval(tf.argMax(tf.constant(Tensor.of(v, Shape.of(2, 3, 4))), 1));
        assertEquals(Shape.of(2, 4), m.shape());
        assertArrayEquals(new long[] {2, 2, 2, 2, 2, 2, 2, 2}, m.toLongArray());
    }

    @Test
    void theFirstNanWins() {
        Output withNan = tf.constant(Tensor.vector(1.0, Double.NaN, 3.0, Double.NaN));
        assertEquals(1L, eval(tf.argMax(withNan, 0)).getLong());
        assertEquals(1L, eval(tf.argMin(withNan, 0)).getLong());
    }

    @Test
    void refusesScalarsEmptyAxesAndBool() {
        GraphBuildException scalar = assertThrows(GraphBuildException.class, () -> tf.argMax(tf.constant(1.0), 0));
        assertTrue(scalar.getMessage().contains("a scalar has no axis"), scalar.getMessage());
        Output empty = tf.constant(Tensor.zeros(DType.FLOAT32, Shape.of(2, 0)));
        GraphBuildException e = assertThrows(GraphBuildException.class, () -> tf.withName("a").argMax(empty, 1));
        assertTrue(e.getMessage().contains("'a' (op ArgMax; inputs float32[2, 0])"), e.getMessage());
        assertTrue(e.getMessage().contains("along an empty axis"), e.getMessage());
        assertThrows(GraphBuildException.class, () -> tf.argMin(tf.constant(Tensor.vector(true)), 0));
        GraphBuildException range = assertThrows(GraphBuildException.class, () -> tf.argMin(x, 2));
        assertTrue(range.getMessage().contains("axis 2 is out of range for rank 2"), range.getMessage());
    }

    @Test
    void searchingANonEmptyAxisOfAnEmptyTensorGivesAnEmptyResult() {
        Tensor t = eval(tf.argMax(tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(3, 0))), 0));
        assertEquals(Shape.of(0), t.shape());
    }
}
