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

/** Gather (tf.gather) and OneHot (tf.one_hot). */
class GatherTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);
    /** [[1, 2], [3, 4], [5, 6]] */
    private final Output params = tf.constant(Tensor.matrix(new double[][] {{1, 2}, {3, 4}, {5, 6}}));

    @Test
    void gathersRowsAndColumns() {
        Tensor rows = eval(tf.gather(params, tf.constant(Tensor.vector(2, 0)), 0));
        assertEquals(Shape.of(2, 2), rows.shape());
        assertArrayEquals(new double[] {5, 6, 1, 2}, rows.toDoubleArray());
        Tensor cols = eval(tf.gather(params, tf.constant(Tensor.vector(1L)), 1));
        assertEquals(Shape.of(3, 1), cols.shape());
        assertArrayEquals(new double[] {2, 4, 6}, cols.toDoubleArray());
        assertEquals(cols, eval(tf.gather(params, tf.constant(Tensor.vector(1L)), -1)));
        // a scalar index drops the axis: row 1
        Tensor row = eval(tf.gather(params, tf.constant(1), 0));
        assertEquals(Tensor.vector(3.0, 4.0), row);
        // indices may repeat
        assertArrayEquals(new double[] {3, 4, 3, 4}, eval(tf.gather(params, tf.constant(Tensor.vector(1, 1)), 0))
                .toDoubleArray());
    }

    @Test
    void indicesOfAnyShapeAndParamsOfEveryDType() {
        for (DType dtype : DType.values()) {
            // [0, 1, 2, 3] picked by [[3, 0], [1, 1]]
            Output v = tf.constant(iota(dtype, 4));
            Output idx = tf.constant(Tensor.matrix(new long[][] {{3, 0}, {1, 1}}));
            assertIota(eval(tf.gather(v, idx, 0)), dtype, Shape.of(2, 2), 3, 0, 1, 1);
        }
        // params [2, 3, 2]: p[i, j, k] = 6i + 2j + k; indices [[2], [0]] along axis 1 give [2, 2, 1, 2]
        Output p = tf.constant(iota(DType.INT32, 2, 3, 2));
        Output idx = tf.constant(Tensor.matrix(new int[][] {{2}, {0}}));
        assertIota(eval(tf.gather(p, idx, 1)), DType.INT32, Shape.of(2, 2, 1, 2), 4, 5, 0, 1, 10, 11, 6, 7);
    }

    @Test
    void largeGatherSplitIntoSeveralBlocksStaysCorrect() {
        // columns 299, 298, ..., 0 of a [300, 300] iota: out[r, j] = 300r + (299 - j)
        long[] reversed = new long[300];
        for (int j = 0; j < 300; j++) {
            reversed[j] = 299 - j;
        }
        Output x = tf.constant(iota(DType.FLOAT64, 300, 300));
        double[] v = TestRuns.eval(tf.gather(x, tf.constant(Tensor.vector(reversed)), 1), 4, Map.of())
                .toDoubleArray();
        for (int r = 0; r < 300; r++) {
            for (int j = 0; j < 300; j++) {
                assertEquals(300.0 * r + 299 - j, v[300 * r + j], "element [" + r + ", " + j + "]");
            }
        }
    }

    @Test
    void emptyIndicesAndEmptyParams() {
        Output none = tf.constant(Tensor.zeros(DType.INT64, Shape.of(0)));
        assertEquals(Shape.of(0, 2), eval(tf.gather(params, none, 0)).shape());
        assertEquals(Shape.of(3, 0), eval(tf.gather(params, none, 1)).shape());
        Output emptyRows = tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(3, 0)));
        assertEquals(Shape.of(2, 0), eval(tf.gather(emptyRows, tf.constant(Tensor.vector(2, 0)), 0)).shape());
    }

    @Test
    void shapeRuleWithUnknownDims() {
        Output p = tf.placeholder("p", DType.FLOAT32, Shape.of(-1, 5));
        Output i = tf.placeholder("i", DType.INT32, Shape.of(-1));
        assertEquals(Shape.of(-1, -1), tf.gather(p, i, 1).shape());
        Output rows = tf.withName("rows").gather(p, i, 0);
        assertEquals(Shape.of(-1, 5), rows.shape());
        Tensor t = run(g, "rows", Map.of("p", iota(DType.FLOAT32, 2, 5), "i", Tensor.vector(1, 1, 0)));
        assertIota(t, DType.FLOAT32, Shape.of(3, 5), 5, 6, 7, 8, 9, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4);
        assertEquals(Shape.unknown(), tf.gather(tf.placeholder("u", DType.BOOL, Shape.unknown()), i, 0).shape());
        assertEquals(Shape.unknown(), tf.gather(p, tf.placeholder("v", DType.INT64, Shape.unknown()), 0).shape());
    }

    @Test
    void refusals() {
        GraphBuildException floats = assertThrows(GraphBuildException.class,
                () -> tf.withName("g").gather(params, tf.constant(Tensor.vector(1.0)), 0));
        assertMessage(floats, "'g'", "Gather", "float64[3, 2], float64[1]", "gather indices must be int32 or int64");
        GraphBuildException scalar = assertThrows(GraphBuildException.class,
                () -> tf.withName("s").gather(tf.constant(1.0), tf.constant(0), 0));
        assertMessage(scalar, "'s'", "cannot gather from a scalar");
        GraphBuildException axis = assertThrows(GraphBuildException.class,
                () -> tf.withName("a").gather(params, tf.constant(0), 2));
        assertMessage(axis, "'a'", "axis 2 is out of range for rank 2");
    }

    @Test
    void anIndexOutOfRangeFailsTheRunNamingIt() {
        Output i = tf.placeholder("i", DType.INT64, Shape.of(-1));
        tf.withName("g").gather(params, i, 0);
        KernelException e = runFails(g, "g", Map.of("i", Tensor.vector(0L, 3L)));
        assertMessage(e, "'g'", "Gather", "int64[2]", "gather index 3", "element 1", "out of range [0, 3)",
                "axis 0");
        KernelException neg = runFails(g, "g", Map.of("i", Tensor.vector(-1L)));
        assertMessage(neg, "'g'", "gather index -1", "out of range [0, 3)");
    }

    @Test
    void oneHotEncodes() {
        // 0 -> [1, 0, 0], 2 -> [0, 0, 1], -1 and 3 are outside [0, 3): zero rows
        Tensor t = eval(tf.oneHot(tf.constant(Tensor.vector(0L, 2L, -1L, 3L)), 3));
        assertEquals(DType.FLOAT32, t.dtype());
        assertEquals(Shape.of(4, 3), t.shape());
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0}, t.toFloatArray());
        Tensor m = eval(tf.oneHot(tf.constant(Tensor.matrix(new int[][] {{1, 0}, {0, 1}})), 2, DType.INT64));
        assertEquals(Shape.of(2, 2, 2), m.shape());
        assertArrayEquals(new long[] {0, 1, 1, 0, 1, 0, 0, 1}, m.toLongArray());
        Tensor b = eval(tf.oneHot(tf.constant(1), 3, DType.BOOL));
        assertEquals(Tensor.vector(false, true, false), b);
        assertEquals(Tensor.vector(0.0, 1.0), eval(tf.oneHot(tf.constant(1L), 2, DType.FLOAT64)));
        assertEquals(Tensor.vector(0, 0, 1), eval(tf.oneHot(tf.constant(2), 3, DType.INT32)));
    }

    @Test
    void oneHotOfEmptyInputsAndZeroDepth() {
        assertEquals(Shape.of(4, 0), eval(tf.oneHot(tf.constant(Tensor.vector(0, 1, 2, 3)), 0)).shape());
        assertEquals(Shape.of(0, 5), eval(tf.oneHot(tf.constant(Tensor.zeros(DType.INT32, Shape.of(0))), 5)).shape());
    }

    @Test
    void oneHotShapeRuleAndRefusals() {
        assertEquals(Shape.of(-1, 3), tf.oneHot(tf.placeholder("i", DType.INT32, Shape.of(-1)), 3).shape());
        assertEquals(Shape.unknown(), tf.oneHot(tf.placeholder("u", DType.INT64, Shape.unknown()), 3).shape());
        GraphBuildException floats = assertThrows(GraphBuildException.class,
                () -> tf.withName("f").oneHot(tf.constant(Tensor.vector(1.0)), 3));
        assertMessage(floats, "'f'", "OneHot", "float64[1]", "one-hot indices must be int32 or int64");
        GraphBuildException depth = assertThrows(GraphBuildException.class,
                () -> tf.withName("d").oneHot(tf.constant(Tensor.vector(1)), -1));
        assertMessage(depth, "'d'", "depth -1 is negative");
    }
}
