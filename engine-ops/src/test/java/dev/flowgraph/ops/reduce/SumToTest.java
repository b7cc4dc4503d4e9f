package dev.flowgraph.ops.reduce;

import static dev.flowgraph.ops.TestRuns.eval;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.GraphBuildException;
import dev.flowgraph.KernelException;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.TestRuns;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SumTo: undoing a broadcast, with the axes found from the run-time shapes. */
class SumToTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);
    /** [[1, 2, 3], [4, 5, 6]] */
    private final Output x = tf.constant(Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}}));

    @Test
    void sumsTheLeadingAxesTheTargetLacks() {
        Tensor t = eval(tf.sumTo(x, tf.constant(Tensor.vector(0.0, 0.0, 0.0))));
        assertEquals(Shape.of(3), t.shape());
        // columns: 1+4, 2+5, 3+6
        assertArrayEquals(new double[] {5, 7, 9}, t.toDoubleArray());
    }

    @Test
    void sumsTheAxesWhereTheTargetHasSizeOne() {
        Tensor rows = eval(tf.sumTo(x, tf.constant(Tensor.of(new double[2], Shape.of(2, 1)))));
        assertEquals(Shape.of(2, 1), rows.shape());
        // rows: 1+2+3, 4+5+6
        assertArrayEquals(new double[] {6, 15}, rows.toDoubleArray());
        Tensor all = eval(tf.sumTo(x, tf.constant(Tensor.scalar(0.0))));
        assertEquals(Shape.scalar(), all.shape());
        assertEquals(21.0, all.getDouble());
        Tensor ones = eval(tf.sumTo(x, tf.constant(Tensor.of(new double[1], Shape.of(1, 1)))));
        assertEquals(Shape.of(1, 1), ones.shape());
        assertArrayEquals(new double[] {21}, ones.toDoubleArray());
    }

    @Test
    void anEqualShapeIsPassedThroughAndIntegersSumToo() {
        Tensor same = Tensor.matrix(new double[][] {{1, 2}, {3, 4}});
        Output p = tf.placeholder("p", DType.FLOAT64, Shape.of(-1, 2));
        assertSame(same, TestRuns.eval(tf.sumTo(p, p), 1, Map.of("p", same)));
        Tensor ints = eval(tf.sumTo(tf.constant(Tensor.of(new int[] {1, 2, 3, 4}, Shape.of(2, 2))),
                tf.constant(Tensor.of(new int[] {0, 0}, Shape.of(2)))));
        assertEquals(DType.INT32, ints.dtype());
        assertArrayEquals(new int[] {4, 6}, ints.toIntArray());
    }

    @Test
    void unknownStaticDimsAreResolvedAtRunTime() {
        Output p = tf.placeholder("p", DType.FLOAT64, Shape.of(-1, -1));
        Output like = tf.placeholder("like", DType.FLOAT64, Shape.of(-1, -1));
        Output s = tf.sumTo(p, like);
        assertEquals(Shape.of(-1, -1), s.shape());
        Tensor t = TestRuns.eval(s, 1, Map.of("p", Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}}),
                "like", Tensor.of(new double[3], Shape.of(1, 3))));
        assertArrayEquals(new double[] {5, 7, 9}, t.toDoubleArray());
    }

    @Test
    void refusesTargetsThatDoNotBroadcastToX() {
        GraphBuildException e = assertThrows(GraphBuildException.class,
                () -> tf.withName("bad").sumTo(x, tf.constant(Tensor.vector(0.0, 0.0))));
        assertTrue(e.getMessage().contains("bad") && e.getMessage().contains("SumTo")
                && e.getMessage().contains("[2] does not broadcast to [2, 3]"), e.getMessage());
        GraphBuildException more = assertThrows(GraphBuildException.class,
                () -> tf.sumTo(tf.constant(Tensor.vector(1.0)), x));
        assertTrue(more.getMessage().contains("the target has more axes"), more.getMessage());

        Output p = tf.placeholder("p", DType.FLOAT64, Shape.of(-1));
        Output s = tf.withName("late").sumTo(p, tf.constant(Tensor.vector(0.0, 0.0)));
        KernelException k = assertThrows(KernelException.class,
                () -> TestRuns.eval(s, 1, Map.of("p", Tensor.vector(1.0, 2.0, 3.0))));
        assertTrue(k.getMessage().contains("late") && k.getMessage().contains("[2] does not broadcast to [3]"),
                k.getMessage());
    }
}
