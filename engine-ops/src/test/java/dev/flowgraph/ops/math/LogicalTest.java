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
import org.junit.jupiter.api.Test;

/** LogicalAnd, LogicalOr and LogicalNot: truth tables, broadcasting, scalars, empty tensors, refusals. */
class LogicalTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);
    private final Output x = tf.constant(Tensor.vector(true, true, false, false));
    private final Output y = tf.constant(Tensor.vector(true, false, true, false));

    @Test
    void truthTables() {
        assertArrayEquals(new boolean[] {true, false, false, false}, eval(tf.logicalAnd(x, y)).toBooleanArray());
        assertArrayEquals(new boolean[] {true, true, true, false}, eval(tf.logicalOr(x, y)).toBooleanArray());
        assertArrayEquals(new boolean[] {false, false, true, true}, eval(tf.logicalNot(x)).toBooleanArray());
    }

    @Test
    void broadcastsSizeOneAxesAndScalars() {
        // [2, 1] and [1, 2]: out[i][j] = col[i] op row[j], with col = [true, false], row = [true, false].
        Output col = tf.constant(Tensor.of(new boolean[] {true, false}, Shape.of(2, 1)));
        Output row = tf.constant(Tensor.of(new boolean[] {true, false}, Shape.of(1, 2)));
        assertEquals(Tensor.of(new boolean[] {true, false, false, false}, Shape.of(2, 2)), eval(tf.logicalAnd(col, row)));
        assertEquals(Tensor.of(new boolean[] {true, true, true, false}, Shape.of(2, 2)), eval(tf.logicalOr(col, row)));
        assertArrayEquals(new boolean[] {true, true, false, false},
                eval(tf.logicalAnd(x, tf.constant(true))).toBooleanArray());
        assertEquals(Tensor.scalar(true), eval(tf.logicalNot(tf.constant(false))));
        assertEquals(Tensor.scalar(true), eval(tf.logicalOr(tf.constant(false), tf.constant(true))));
    }

    @Test
    void emptyTensorsGiveEmptyResults() {
        Output empty = tf.constant(Tensor.zeros(DType.BOOL, Shape.of(3, 0)));
        assertEquals(Shape.of(3, 0), eval(tf.logicalNot(empty)).shape());
        assertEquals(Shape.of(3, 0), eval(tf.logicalOr(empty, tf.constant(true))).shape());
    }

    @Test
    void infersShapes() {
        Output p = tf.placeholder("p", DType.BOOL, Shape.of(-1, 5));
        assertEquals(Shape.of(-1, 5), tf.logicalNot(p).shape());
        assertEquals(Shape.of(2, -1, 5), tf.logicalAnd(p, tf.placeholder("q", DType.BOOL, Shape.of(2, 1, 1))).shape());
        assertEquals(Shape.unknown(), tf.logicalOr(p, tf.placeholder("u", DType.BOOL, Shape.unknown())).shape());
    }

    @Test
    void refusesNumericInputs() {
        Output f = tf.constant(Tensor.vector(1f, 0f));
        GraphBuildException and = assertThrows(GraphBuildException.class, () -> tf.withName("and").logicalAnd(f, f));
        assertMessage(and, "'and'", "LogicalAnd", "float32[2]", "LogicalAnd does not take float32 inputs",
                "compare first");
        Output i = tf.constant(Tensor.vector(1, 0));
        GraphBuildException or = assertThrows(GraphBuildException.class, () -> tf.withName("or").logicalOr(i, i));
        assertMessage(or, "'or'", "LogicalOr", "int32[2]", "LogicalOr does not take int32 inputs");
        GraphBuildException not = assertThrows(GraphBuildException.class, () -> tf.withName("not").logicalNot(i));
        assertMessage(not, "'not'", "LogicalNot", "int32[2]", "takes a bool input, not int32", "compare first");
    }

    @Test
    void refusesABoolAgainstANumberAndShapesThatDoNotBroadcast() {
        Output i = tf.constant(Tensor.vector(1, 0, 1, 0));
        GraphBuildException mixed = assertThrows(GraphBuildException.class, () -> tf.withName("mixed").logicalAnd(x, i));
        assertMessage(mixed, "'mixed'", "LogicalAnd", "bool[4]", "int32[4]", "dtypes differ: bool and int32");
        Output three = tf.constant(Tensor.vector(true, true, true));
        GraphBuildException shapes = assertThrows(GraphBuildException.class, () -> tf.withName("bad").logicalOr(x, three));
        assertMessage(shapes, "'bad'", "LogicalOr", "bool[4]", "bool[3]", "cannot be broadcast");
    }
}
