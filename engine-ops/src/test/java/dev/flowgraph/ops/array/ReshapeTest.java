package dev.flowgraph.ops.array;

import static dev.flowgraph.ops.TestRuns.eval;
import static dev.flowgraph.ops.array.ArrayTesting.assertIota;
import static dev.flowgraph.ops.array.ArrayTesting.assertMessage;
import static dev.flowgraph.ops.array.ArrayTesting.iota;
import static dev.flowgraph.ops.array.ArrayTesting.run;
import static dev.flowgraph.ops.array.ArrayTesting.runFails;
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

/** Reshape, ExpandDims and Squeeze: the same elements in the same order under a new shape. */
class ReshapeTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);

    @Test
    void reshapeKeepsRowMajorOrderForEveryDType() {
        for (DType dtype : DType.values()) {
            Output x = tf.constant(iota(dtype, 2, 3));
            assertIota(eval(tf.reshape(x, 3, 2)), dtype, Shape.of(3, 2), 0, 1, 2, 3, 4, 5);
            assertIota(eval(tf.reshape(x, 6)), dtype, Shape.of(6), 0, 1, 2, 3, 4, 5);
        }
    }

    @Test
    void reshapeInfersOneMinusOne() {
        Output x = tf.constant(iota(DType.INT64, 2, 3, 4));
        // 24 elements / 4 = 6
        Output y = tf.reshape(x, 4, -1);
        assertEquals(Shape.of(4, 6), y.shape());
        assertEquals(Shape.of(4, 6), eval(y).shape());
        assertEquals(Shape.of(24), tf.reshape(x, -1).shape());
        assertEquals(Shape.of(2, 1, 12), tf.reshape(x, 2, 1, -1).shape());
    }

    @Test
    void reshapeOfScalarsAndEmptyTensors() {
        Tensor one = eval(tf.reshape(tf.constant(7.0), 1, 1));
        assertEquals(Shape.of(1, 1), one.shape());
        Tensor back = eval(tf.reshape(tf.constant(Tensor.matrix(new double[][] {{7}})))); // to shape []
        assertEquals(Tensor.scalar(7.0), back);
        Output empty = tf.constant(Tensor.zeros(DType.BOOL, Shape.of(0, 3)));
        assertEquals(Shape.of(3, 0), eval(tf.reshape(empty, 3, 0)).shape());
        assertEquals(Shape.of(0, 3), eval(tf.reshape(empty, -1, 3)).shape());
        // NumPy refuses (0, -1) for an empty array: any size would do.
        GraphBuildException e = assertThrows(GraphBuildException.class, () -> tf.withName("r").reshape(empty, 0, -1));
        assertMessage(e, "'r'", "Reshape", "bool[0, 3]", "cannot reshape", "the -1 could be anything");
    }

    @Test
    void reshapeWithUnknownDims() {
        Output x = tf.placeholder("x", DType.FLOAT32, Shape.of(-1, 4));
        Output y = tf.withName("y").reshape(x, 2, -1);
        assertEquals(Shape.of(2, -1), y.shape());
        // [3, 4] holds 12 elements: [2, 6]
        Tensor fed = iota(DType.FLOAT32, 3, 4);
        assertIota(run(g, "y", Map.of("x", fed)), DType.FLOAT32, Shape.of(2, 6), 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
                11);
        Output u = tf.placeholder("u", DType.INT32, Shape.unknown());
        assertEquals(Shape.of(-1), tf.reshape(u, -1).shape());
        assertEquals(Shape.of(3, 2), tf.reshape(u, 3, 2).shape());
    }

    @Test
    void reshapeRefusesAKnownSizeMismatch() {
        Output x = tf.constant(iota(DType.FLOAT64, 2, 3));
        GraphBuildException e = assertThrows(GraphBuildException.class, () -> tf.withName("r").reshape(x, 4, 2));
        assertMessage(e, "'r'", "Reshape", "float64[2, 3]", "6 elements", "[4, 2] (8 elements)");
        GraphBuildException m = assertThrows(GraphBuildException.class, () -> tf.withName("m").reshape(x, 4, -1));
        assertMessage(m, "'m'", "Reshape", "6 is not a multiple of 4");
    }

    @Test
    void reshapeRefusesTwoMinusOnesAndNegativeSizes() {
        Output x = tf.placeholder("x", DType.FLOAT64, Shape.of(-1, 4));
        GraphBuildException two = assertThrows(GraphBuildException.class, () -> tf.withName("r").reshape(x, -1, -1));
        assertMessage(two, "'r'", "Reshape", "float64[-1, 4]", "more than one -1");
        GraphBuildException neg = assertThrows(GraphBuildException.class, () -> tf.withName("n").reshape(x, -2, 2));
        assertMessage(neg, "'n'", "negative size -2");
    }

    @Test
    void reshapeFailsTheRunOnASizeMismatchItCouldNotSee() {
        Output x = tf.placeholder("x", DType.FLOAT64, Shape.of(-1, 3));
        tf.withName("r").reshape(x, 4, 2);
        tf.withName("q").reshape(x, 5, -1);
        // 3x3 = 9 elements, not 8
        KernelException e = runFails(g, "r", Map.of("x", iota(DType.FLOAT64, 3, 3)));
        assertMessage(e, "'r'", "Reshape", "float64[3, 3]", "cannot reshape", "9 elements", "[4, 2]");
        // 12 elements are not a multiple of 5
        KernelException q = runFails(g, "q", Map.of("x", iota(DType.FLOAT64, 4, 3)));
        assertMessage(q, "'q'", "12 is not a multiple of 5");
        // 5x3 = 15 elements: [5, 3]
        assertEquals(Shape.of(5, 3), run(g, "q", Map.of("x", iota(DType.FLOAT64, 5, 3))).shape());
    }

    @Test
    void expandDimsInsertsASizeOneAxis() {
        for (DType dtype : DType.values()) {
            Output x = tf.constant(iota(dtype, 2, 3));
            assertIota(eval(tf.expandDims(x, 0)), dtype, Shape.of(1, 2, 3), 0, 1, 2, 3, 4, 5);
            assertIota(eval(tf.expandDims(x, -1)), dtype, Shape.of(2, 3, 1), 0, 1, 2, 3, 4, 5);
        }
        Output x = tf.constant(iota(DType.INT32, 2, 3));
        assertEquals(Shape.of(2, 1, 3), tf.expandDims(x, 1).shape());
        assertEquals(Shape.of(2, 3, 1), tf.expandDims(x, 2).shape());
        assertEquals(Shape.of(1, 2, 3), tf.expandDims(x, -3).shape());
        assertEquals(Shape.of(2, 1, 3), tf.expandDims(x, -2).shape());
        assertEquals(Shape.of(1), eval(tf.expandDims(tf.constant(true), 0)).shape());
        assertEquals(Shape.of(0, 1), eval(tf.expandDims(tf.constant(Tensor.zeros(DType.FLOAT32, Shape.of(0))), -1))
                .shape());
    }

    @Test
    void expandDimsWithUnknownShapes() {
        assertEquals(Shape.of(-1, 1, 3), tf.expandDims(tf.placeholder("x", DType.INT64, Shape.of(-1, 3)), 1).shape());
        assertEquals(Shape.unknown(), tf.expandDims(tf.placeholder("u", DType.INT64, Shape.unknown()), 1).shape());
    }

    @Test
    void expandDimsRefusesAnAxisOutOfRange() {
        Output x = tf.constant(iota(DType.FLOAT64, 2, 3));
        GraphBuildException e = assertThrows(GraphBuildException.class, () -> tf.withName("e").expandDims(x, 3));
        assertMessage(e, "'e'", "ExpandDims", "float64[2, 3]", "axis 3 is out of range", "-3 to 2");
        assertThrows(GraphBuildException.class, () -> tf.expandDims(x, -4));
    }

    @Test
    void squeezeRemovesSizeOneAxes() {
        for (DType dtype : DType.values()) {
            Output x = tf.constant(iota(dtype, 1, 2, 1, 3));
            assertIota(eval(tf.squeeze(x)), dtype, Shape.of(2, 3), 0, 1, 2, 3, 4, 5);
        }
        Output x = tf.constant(iota(DType.INT32, 1, 2, 1, 3));
        assertEquals(Shape.of(2, 1, 3), eval(tf.squeeze(x, 0)).shape());
        assertEquals(Shape.of(1, 2, 3), eval(tf.squeeze(x, -2)).shape());
        assertEquals(Shape.of(2, 3), eval(tf.squeeze(x, 2, 0)).shape());
        assertEquals(Shape.scalar(), eval(tf.squeeze(tf.constant(iota(DType.BOOL, 1, 1)))).shape());
        assertEquals(Shape.of(0), eval(tf.squeeze(tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(0, 1))))).shape());
    }

    @Test
    void squeezeWithUnknownShapes() {
        Output x = tf.placeholder("x", DType.FLOAT64, Shape.of(-1, 1, 3));
        // An unknown size may be 1, so squeezing every size-1 axis leaves even the rank unknown.
        Output all = tf.withName("all").squeeze(x);
        assertEquals(Shape.unknown(), all.shape());
        assertEquals(Shape.of(-1, 3), tf.squeeze(x, 1).shape());
        Output first = tf.withName("first").squeeze(x, 0);
        assertEquals(Shape.of(1, 3), first.shape());
        assertEquals(Shape.of(3), run(g, "all", Map.of("x", iota(DType.FLOAT64, 1, 1, 3))).shape());
        assertEquals(Shape.of(2, 3), run(g, "all", Map.of("x", iota(DType.FLOAT64, 2, 1, 3))).shape());
        KernelException e = runFails(g, "first", Map.of("x", iota(DType.FLOAT64, 2, 1, 3)));
        assertMessage(e, "'first'", "Squeeze", "float64[2, 1, 3]", "cannot squeeze axis 0", "size is 2");
        assertEquals(Shape.unknown(), tf.squeeze(tf.placeholder("u", DType.BOOL, Shape.unknown())).shape());
    }

    @Test
    void squeezeRefusesAxesOfOtherSizesRepeatsAndOutOfRange() {
        Output x = tf.constant(iota(DType.INT64, 1, 2));
        GraphBuildException e = assertThrows(GraphBuildException.class, () -> tf.withName("s").squeeze(x, 1));
        assertMessage(e, "'s'", "Squeeze", "int64[1, 2]", "cannot squeeze axis 1", "size is 2, not 1");
        GraphBuildException rep = assertThrows(GraphBuildException.class, () -> tf.withName("r").squeeze(x, 0, -2));
        assertMessage(rep, "'r'", "repeated");
        GraphBuildException range = assertThrows(GraphBuildException.class, () -> tf.withName("o").squeeze(x, 2));
        assertMessage(range, "'o'", "axis 2 is out of range for rank 2");
    }
}
