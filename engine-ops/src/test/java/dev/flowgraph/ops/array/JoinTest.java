package dev.flowgraph.ops.array;

import static dev.flowgraph.ops.TestRuns.eval;
import static dev.flowgraph.ops.array.ArrayTesting.assertIota;
import static dev.flowgraph.ops.array.ArrayTesting.assertMessage;
import static dev.flowgraph.ops.array.ArrayTesting.iota;
import static dev.flowgraph.ops.array.ArrayTesting.run;
import static dev.flowgraph.ops.array.ArrayTesting.runFails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

/** Concat and Stack: joining along an existing or a new axis. */
class JoinTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);
    /** [[1, 2], [3, 4]] */
    private final Output a = tf.constant(Tensor.matrix(new double[][] {{1, 2}, {3, 4}}));

    @Test
    void concatAlongEitherAxis() {
        Tensor rows = eval(tf.concat(0, a, tf.constant(Tensor.matrix(new double[][] {{5, 6}}))));
        assertEquals(Shape.of(3, 2), rows.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, rows.toDoubleArray());
        // [[1, 2], [3, 4]] beside [[7], [8]]
        Output b = tf.constant(Tensor.matrix(new double[][] {{7}, {8}}));
        Tensor cols = eval(tf.concat(1, a, b));
        assertEquals(Shape.of(2, 3), cols.shape());
        assertArrayEquals(new double[] {1, 2, 7, 3, 4, 8}, cols.toDoubleArray());
        assertEquals(cols, eval(tf.concat(-1, a, b)));
        assertEquals(a.shape(), eval(tf.concat(0, a)).shape());
    }

    @Test
    void concatOfEveryDType() {
        for (DType dtype : DType.values()) {
            // [[0, 1, 2], [3, 4, 5]] beside [[0], [1]] along axis 1
            Tensor t = eval(tf.concat(1, tf.constant(iota(dtype, 2, 3)), tf.constant(iota(dtype, 2, 1))));
            assertIota(t, dtype, Shape.of(2, 4), 0, 1, 2, 0, 3, 4, 5, 1);
            Tensor r = eval(tf.concat(0, tf.constant(iota(dtype, 1, 3)), tf.constant(iota(dtype, 2, 3))));
            assertIota(r, dtype, Shape.of(3, 3), 0, 1, 2, 0, 1, 2, 3, 4, 5);
        }
    }

    @Test
    void largeConcatSplitIntoSeveralBlocksStaysCorrect() {
        // [300, 300] beside [300, 100]: out[r, c] = 300r + c for c < 300, else 100r + (c - 300)
        Output x = tf.constant(iota(DType.INT64, 300, 300));
        Output y = tf.constant(iota(DType.INT64, 300, 100));
        long[] v = TestRuns.eval(tf.concat(1, x, y), 4, Map.of()).toLongArray();
        for (int r = 0; r < 300; r++) {
            for (int c = 0; c < 400; c++) {
                long expected = c < 300 ? 300L * r + c : 100L * r + (c - 300);
                assertEquals(expected, v[400 * r + c], "element [" + r + ", " + c + "]");
            }
        }
    }

    @Test
    void concatWithEmptyInputs() {
        Output empty = tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(0, 2)));
        assertEquals(eval(a), eval(tf.concat(0, empty, a, empty)));
        assertEquals(Shape.of(0, 2), eval(tf.concat(0, empty, empty)).shape());
    }

    @Test
    void concatShapeRuleWithUnknownDims() {
        Output p = tf.placeholder("p", DType.FLOAT64, Shape.of(-1, 3));
        Output q = tf.placeholder("q", DType.FLOAT64, Shape.of(2, 3));
        Output r = tf.placeholder("r", DType.FLOAT64, Shape.of(2, -1));
        Output u = tf.placeholder("u", DType.FLOAT64, Shape.unknown());
        assertEquals(Shape.of(-1, 3), tf.concat(0, p, q).shape());
        assertEquals(Shape.of(4, 3), tf.concat(0, q, r).shape());
        // p's rows meet r's 2; the joined columns are 3 + unknown
        assertEquals(Shape.of(2, -1), tf.concat(1, p, r).shape());
        assertEquals(Shape.of(-1, 3), tf.concat(0, u, q).shape());
        assertEquals(Shape.of(2, -1), tf.concat(1, q, u).shape());
        assertEquals(Shape.unknown(), tf.concat(0, u, u).shape());
        Output joined = tf.withName("j").concat(0, p, q);
        Tensor t = run(g, "j", Map.of("p", iota(DType.FLOAT64, 1, 3), "q", iota(DType.FLOAT64, 2, 3)));
        assertIota(t, DType.FLOAT64, Shape.of(3, 3), 0, 1, 2, 0, 1, 2, 3, 4, 5);
        assertEquals(DType.FLOAT64, joined.dtype());
    }

    @Test
    void concatRefusals() {
        Output i = tf.constant(Tensor.matrix(new int[][] {{1, 2}}));
        GraphBuildException dtype = assertThrows(GraphBuildException.class, () -> tf.withName("c").concat(0, a, i));
        assertMessage(dtype, "'c'", "Concat", "float64[2, 2], int32[1, 2]", "input 1 is int32 but input 0 is float64");
        Output v = tf.constant(Tensor.vector(1.0, 2.0));
        GraphBuildException rank = assertThrows(GraphBuildException.class, () -> tf.withName("r").concat(0, a, v));
        assertMessage(rank, "'r'", "float64[2]", "input 1 has rank 1 but another input has rank 2");
        Output wide = tf.constant(Tensor.matrix(new double[][] {{1, 2, 3}}));
        GraphBuildException dim = assertThrows(GraphBuildException.class, () -> tf.withName("d").concat(0, a, wide));
        assertMessage(dim, "'d'", "float64[1, 3]", "input 1 has size 3 in dimension 1 where the inputs before it have 2");
        GraphBuildException scalars = assertThrows(GraphBuildException.class,
                () -> tf.withName("s").concat(0, tf.constant(1.0), tf.constant(2.0)));
        assertMessage(scalars, "'s'", "cannot concatenate scalars; use stack");
        GraphBuildException axis = assertThrows(GraphBuildException.class, () -> tf.withName("x").concat(2, a, a));
        assertMessage(axis, "'x'", "axis 2 is out of range for rank 2");
        GraphBuildException none = assertThrows(GraphBuildException.class, () -> tf.withName("n").concat(0));
        assertMessage(none, "'n'", "at least one input");
    }

    @Test
    void concatFailsTheRunWhenUnknownDimsDisagree() {
        Output p = tf.placeholder("p", DType.INT32, Shape.of(-1, 3));
        Output q = tf.placeholder("q", DType.INT32, Shape.of(-1, 3));
        tf.withName("c").concat(1, p, q);
        KernelException e = runFails(g, "c", Map.of("p", iota(DType.INT32, 2, 3), "q", iota(DType.INT32, 3, 3)));
        assertMessage(e, "'c'", "Concat", "int32[2, 3], int32[3, 3]", "differ in dimension 0");
    }

    @Test
    void stackAlongANewAxis() {
        Output x = tf.constant(Tensor.vector(1.0, 2.0, 3.0));
        Output y = tf.constant(Tensor.vector(4.0, 5.0, 6.0));
        Tensor rows = eval(tf.stack(0, x, y));
        assertEquals(Shape.of(2, 3), rows.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, rows.toDoubleArray());
        Tensor cols = eval(tf.stack(1, x, y));
        assertEquals(Shape.of(3, 2), cols.shape());
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, cols.toDoubleArray());
        assertEquals(cols, eval(tf.stack(-1, x, y)));
        assertEquals(rows, eval(tf.stack(-2, x, y)));
        Tensor scalars = eval(tf.stack(0, tf.constant(7L), tf.constant(8L), tf.constant(9L)));
        assertEquals(Tensor.vector(7L, 8L, 9L), scalars);
    }

    @Test
    void stackOfEveryDTypeAndEmptyTensors() {
        for (DType dtype : DType.values()) {
            // [[0, 1], [2, 3]] and itself, stacked on the middle axis: out[i, s, j] = 2i + j
            Output m = tf.constant(iota(dtype, 2, 2));
            assertIota(eval(tf.stack(1, m, m)), dtype, Shape.of(2, 2, 2), 0, 1, 0, 1, 2, 3, 2, 3);
        }
        Output empty = tf.constant(Tensor.zeros(DType.BOOL, Shape.of(0, 2)));
        assertEquals(Shape.of(0, 3, 2), eval(tf.stack(1, empty, empty, empty)).shape());
    }

    @Test
    void stackShapeRuleWithUnknownDims() {
        Output p = tf.placeholder("p", DType.FLOAT64, Shape.of(-1, 3));
        Output q = tf.placeholder("q", DType.FLOAT64, Shape.of(2, -1));
        Output u = tf.placeholder("u", DType.FLOAT64, Shape.unknown());
        assertEquals(Shape.of(2, 2, 3), tf.stack(0, p, q).shape());
        assertEquals(Shape.of(-1, 3, 3), tf.stack(1, p, u, p).shape());
        assertEquals(Shape.unknown(), tf.stack(0, u, u).shape());
        Output r = tf.placeholder("r", DType.FLOAT64, Shape.of(-1, 3));
        tf.withName("s").stack(0, p, r);
        KernelException e = runFails(g, "s", Map.of("p", iota(DType.FLOAT64, 2, 3), "r", iota(DType.FLOAT64, 1, 3)));
        assertMessage(e, "'s'", "Stack", "float64[2, 3], float64[1, 3]", "differ in dimension 0");
    }

    @Test
    void stackRefusals() {
        Output v = tf.constant(Tensor.vector(1.0, 2.0));
        GraphBuildException shape = assertThrows(GraphBuildException.class, () -> tf.withName("s").stack(0, a, v));
        assertMessage(shape, "'s'", "Stack", "float64[2, 2], float64[2]", "has rank 1");
        Output w = tf.constant(Tensor.vector(1.0, 2.0, 3.0));
        GraphBuildException dim = assertThrows(GraphBuildException.class, () -> tf.withName("d").stack(0, v, w));
        assertMessage(dim, "'d'", "input 1 has size 3 in dimension 0 where the inputs before it have 2");
        GraphBuildException axis = assertThrows(GraphBuildException.class, () -> tf.withName("x").stack(2, v, v));
        assertMessage(axis, "'x'", "axis 2 is out of range for stacking rank 1", "-2 to 1");
        GraphBuildException dtype = assertThrows(GraphBuildException.class,
                () -> tf.withName("t").stack(0, tf.constant(1.0), tf.constant(1f)));
        assertMessage(dtype, "'t'", "input 1 is float32 but input 0 is float64");
    }
}
