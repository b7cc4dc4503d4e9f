package dev.flowgraph.ops.array;

import static dev.flowgraph.ops.TestRuns.eval;
import static dev.flowgraph.ops.array.ArrayTesting.assertMessage;
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
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ScatterAdd: slices added into zeros at indices, the adjoint of gather. */
class ScatterAddTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);

    @Test
    void repeatedIndicesAddUpAlongAxisZero() {
        Output like = tf.constant(Tensor.zeros(DType.BOOL, Shape.of(3, 2)));
        Output indices = tf.constant(Tensor.vector(2, 0, 2));
        Output updates = tf.constant(Tensor.matrix(new double[][] {{1, 2}, {10, 20}, {100, 200}}));
        Tensor t = eval(tf.scatterAdd(like, indices, updates, 0));
        assertEquals(DType.FLOAT64, t.dtype());
        // row 0 gets update 1 = [10, 20]; row 1 nothing; row 2 gets updates 0 and 2 = [101, 202]
        assertArrayEquals(new double[] {10, 20, 0, 0, 101, 202}, t.toDoubleArray(), 0);
    }

    @Test
    void scattersAlongALastAxisWithMatrixIndicesForIntegers() {
        Output like = tf.constant(Tensor.zeros(DType.FLOAT32, Shape.of(2, 3)));
        // indices [[1, 1], [0, 2]] make updates [2, 2, 2, 2]: updates[r, i, j] goes to out[r, indices[i, j]]
        Output indices = tf.constant(Tensor.of(new long[] {1, 1, 0, 2}, Shape.of(2, 2)));
        Output updates = tf.constant(Tensor.of(new long[] {1, 2, 3, 4, 5, 6, 7, 8}, Shape.of(2, 2, 2)));
        Tensor t = eval(tf.scatterAdd(like, indices, updates, -1));
        assertEquals(DType.INT64, t.dtype());
        // row 0: column 1 gets 1 + 2, column 0 gets 3, column 2 gets 4 -> [3, 3, 4]
        // row 1: column 1 gets 5 + 6, column 0 gets 7, column 2 gets 8 -> [7, 11, 8]
        assertArrayEquals(new long[] {3, 3, 4, 7, 11, 8}, t.toLongArray());
    }

    @Test
    void badShapesAndDTypesAreRefusedWhenAdded() {
        Output like = tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(3, 2)));
        Output indices = tf.constant(Tensor.vector(0, 1));
        GraphBuildException shape = assertThrows(GraphBuildException.class, () -> tf.withName("s")
                .scatterAdd(like, indices, tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(3, 2))), 0));
        assertMessage(shape, "'s'", "ScatterAdd", "updates have shape [3, 2]", "need [2, 2]");
        GraphBuildException bool = assertThrows(GraphBuildException.class, () -> tf.withName("b")
                .scatterAdd(like, indices, tf.constant(Tensor.zeros(DType.BOOL, Shape.of(2, 2))), 0));
        assertMessage(bool, "'b'", "bool updates", "must be numeric");
        GraphBuildException floatIndices = assertThrows(GraphBuildException.class, () -> tf.withName("f")
                .scatterAdd(like, tf.constant(Tensor.vector(0.0)), tf.constant(Tensor.zeros(DType.FLOAT64,
                        Shape.of(1, 2))), 0));
        assertMessage(floatIndices, "'f'", "indices must be int32 or int64");
    }

    @Test
    void anIndexOutOfRangeFailsTheRunNamingIt() {
        Output like = tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(3)));
        Output i = tf.placeholder("i", DType.INT64, Shape.of(-1));
        Output u = tf.placeholder("u", DType.FLOAT64, Shape.of(-1));
        tf.withName("s").scatterAdd(like, i, u, 0);
        KernelException e = runFails(g, "s", Map.of("i", Tensor.vector(0L, 3L), "u", Tensor.vector(1.0, 2.0)));
        assertMessage(e, "'s'", "ScatterAdd", "scatterAdd index 3", "element 1", "out of range [0, 3)");
        KernelException shape = runFails(g, "s", Map.of("i", Tensor.vector(0L), "u", Tensor.vector(1.0, 2.0)));
        assertMessage(shape, "'s'", "updates have shape [2]", "need [1]");
    }
}
