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

/**
 * Slice, with TensorFlow's begin/size semantics. The input is an iota tensor: for [3, 4],
 * x[i, j] = 4i + j, so [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]].
 */
class SliceTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);

    @Test
    void slicesABoxOfEveryDType() {
        for (DType dtype : DType.values()) {
            Output x = tf.constant(iota(dtype, 3, 4));
            // rows 1..2, columns 1..2
            assertIota(eval(tf.slice(x, new long[] {1, 1}, new long[] {2, 2})), dtype, Shape.of(2, 2), 5, 6, 9, 10);
            // size -1: from row 1 and column 2 to the end
            assertIota(eval(tf.slice(x, new long[] {1, 2}, new long[] {-1, -1})), dtype, Shape.of(2, 2),
                    6, 7, 10, 11);
            assertIota(eval(tf.slice(x, new long[] {0, 0}, new long[] {-1, -1})), dtype, Shape.of(3, 4),
                    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        }
    }

    @Test
    void slicesRank3AndScalars() {
        // [2, 3, 4]: x[i, j, k] = 12i + 4j + k; the box [1, 1:3, 3]
        Output x = tf.constant(iota(DType.INT64, 2, 3, 4));
        assertIota(eval(tf.slice(x, new long[] {1, 1, 3}, new long[] {1, 2, 1})), DType.INT64, Shape.of(1, 2, 1),
                19, 23);
        assertEquals(Tensor.scalar(4.0), eval(tf.slice(tf.constant(4.0), new long[0], new long[0])));
    }

    @Test
    void emptyBoxesAndEmptyInputs() {
        Output x = tf.constant(iota(DType.FLOAT32, 3, 4));
        assertEquals(Shape.of(0, 2), eval(tf.slice(x, new long[] {1, 0}, new long[] {0, 2})).shape());
        // begin may equal the size: an empty box at the end
        assertEquals(Shape.of(0, 4), eval(tf.slice(x, new long[] {3, 0}, new long[] {-1, -1})).shape());
        Output empty = tf.constant(Tensor.zeros(DType.BOOL, Shape.of(0, 3)));
        assertEquals(Shape.of(0, 2), eval(tf.slice(empty, new long[] {0, 1}, new long[] {-1, 2})).shape());
    }

    @Test
    void shapeRuleWithUnknownDims() {
        Output x = tf.placeholder("x", DType.FLOAT64, Shape.of(-1, 4));
        assertEquals(Shape.of(2, 4), tf.slice(x, new long[] {1, 0}, new long[] {2, -1}).shape());
        Output rest = tf.withName("rest").slice(x, new long[] {1, 1}, new long[] {-1, 2});
        assertEquals(Shape.of(-1, 2), rest.shape());
        assertIota(run(g, "rest", Map.of("x", iota(DType.FLOAT64, 3, 4))), DType.FLOAT64, Shape.of(2, 2),
                5, 6, 9, 10);
        Output u = tf.placeholder("u", DType.FLOAT64, Shape.unknown());
        assertEquals(Shape.of(2, -1), tf.slice(u, new long[] {0, 1}, new long[] {2, -1}).shape());
    }

    @Test
    void refusesABoxOutsideTheInput() {
        Output x = tf.constant(iota(DType.FLOAT64, 3, 4));
        GraphBuildException e = assertThrows(GraphBuildException.class,
                () -> tf.withName("s").slice(x, new long[] {2, 0}, new long[] {2, 4}));
        assertMessage(e, "'s'", "Slice", "float64[3, 4]", "begin [2, 0] size [2, 4] leaves the input on axis 0 of size 3");
        GraphBuildException begin = assertThrows(GraphBuildException.class,
                () -> tf.withName("b").slice(x, new long[] {0, 5}, new long[] {-1, -1}));
        assertMessage(begin, "'b'", "leaves the input on axis 1 of size 4");
        // begin + size would overflow a long; the box is still refused as too large
        GraphBuildException huge = assertThrows(GraphBuildException.class,
                () -> tf.withName("h").slice(x, new long[] {1, 0}, new long[] {Long.MAX_VALUE, 1}));
        assertMessage(huge, "'h'", "leaves the input on axis 0 of size 3");
        GraphBuildException neg = assertThrows(GraphBuildException.class,
                () -> tf.withName("n").slice(x, new long[] {-1, 0}, new long[] {1, 1}));
        assertMessage(neg, "'n'", "begin [-1, 0] is negative on axis 0");
        GraphBuildException size = assertThrows(GraphBuildException.class,
                () -> tf.withName("z").slice(x, new long[] {0, 0}, new long[] {1, -2}));
        assertMessage(size, "'z'", "size [1, -2] is below -1 on axis 1");
        GraphBuildException rank = assertThrows(GraphBuildException.class,
                () -> tf.withName("r").slice(x, new long[] {0}, new long[] {1}));
        assertMessage(rank, "'r'", "need one entry per input axis (rank 2)");
    }

    @Test
    void failsTheRunWhenAnUnknownDimIsTooSmall() {
        Output x = tf.placeholder("x", DType.INT32, Shape.of(-1, 4));
        tf.withName("s").slice(x, new long[] {1, 0}, new long[] {2, -1});
        KernelException e = runFails(g, "s", Map.of("x", iota(DType.INT32, 2, 4)));
        assertMessage(e, "'s'", "Slice", "int32[2, 4]", "leaves the input on axis 0 of size 2");
    }
}
