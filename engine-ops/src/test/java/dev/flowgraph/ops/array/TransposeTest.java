package dev.flowgraph.ops.array;

import static dev.flowgraph.ops.TestRuns.eval;
import static dev.flowgraph.ops.array.ArrayTesting.assertIota;
import static dev.flowgraph.ops.array.ArrayTesting.assertMessage;
import static dev.flowgraph.ops.array.ArrayTesting.iota;
import static dev.flowgraph.ops.array.ArrayTesting.run;
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

/**
 * Transpose: output axis i is input axis perm[i]. Inputs are iota tensors, so an expected value
 * is the input's flat position: for x of shape [2, 3, 4], x[i, j, k] = 12i + 4j + k.
 */
class TransposeTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);

    @Test
    void transposesAMatrixOfEveryDType() {
        for (DType dtype : DType.values()) {
            // [[0, 1, 2], [3, 4, 5]] -> [[0, 3], [1, 4], [2, 5]]
            Output x = tf.constant(iota(dtype, 2, 3));
            assertIota(eval(tf.transpose(x)), dtype, Shape.of(3, 2), 0, 3, 1, 4, 2, 5);
            assertIota(eval(tf.transpose(x, 1, 0)), dtype, Shape.of(3, 2), 0, 3, 1, 4, 2, 5);
            assertIota(eval(tf.transpose(x, 0, 1)), dtype, Shape.of(2, 3), 0, 1, 2, 3, 4, 5);
        }
    }

    @Test
    void permutesRank3Axes() {
        Output x = tf.constant(iota(DType.INT32, 2, 3, 4));
        // out[j, i, k] = 12i + 4j + k: j=0 gives 0..3 then 12..15, and so on
        assertIota(eval(tf.transpose(x, 1, 0, 2)), DType.INT32, Shape.of(3, 2, 4),
                0, 1, 2, 3, 12, 13, 14, 15, 4, 5, 6, 7, 16, 17, 18, 19, 8, 9, 10, 11, 20, 21, 22, 23);
        // perm (-1, 0, 1) is (2, 0, 1): out[k, i, j] = 12i + 4j + k
        assertIota(eval(tf.transpose(x, -1, 0, 1)), DType.INT32, Shape.of(4, 2, 3),
                0, 4, 8, 12, 16, 20, 1, 5, 9, 13, 17, 21, 2, 6, 10, 14, 18, 22, 3, 7, 11, 15, 19, 23);
        // no perm reverses: out[k, j, i] = 12i + 4j + k
        assertIota(eval(tf.transpose(x)), DType.INT32, Shape.of(4, 3, 2),
                0, 12, 4, 16, 8, 20, 1, 13, 5, 17, 9, 21, 2, 14, 6, 18, 10, 22, 3, 15, 7, 19, 11, 23);
    }

    @Test
    void largeInputsSplitIntoSeveralBlocksStayCorrect() {
        // 300x300 = 90,000 elements span several copy blocks; out[j, i] = x[i, j] = 300i + j
        Tensor t = TestRuns.eval(tf.transpose(tf.constant(iota(DType.INT64, 300, 300))), 4, Map.of());
        long[] v = t.toLongArray();
        for (int j = 0; j < 300; j++) {
            for (int i = 0; i < 300; i++) {
                assertEquals(300L * i + j, v[300 * j + i], "element [" + j + ", " + i + "]");
            }
        }
        // the box rows 10..259, columns 20..299 of the same iota: out[r, c] = 300(r + 10) + c + 20
        Tensor box = TestRuns.eval(tf.slice(tf.constant(iota(DType.INT64, 300, 300)), new long[] {10, 20},
                new long[] {250, -1}), 4, Map.of());
        long[] b = box.toLongArray();
        assertEquals(250 * 280, b.length);
        for (int r = 0; r < 250; r++) {
            for (int c = 0; c < 280; c++) {
                assertEquals(300L * (r + 10) + c + 20, b[280 * r + c], "box element [" + r + ", " + c + "]");
            }
        }
    }

    @Test
    void scalarsAndEmptyTensors() {
        assertEquals(Tensor.scalar(2.0), eval(tf.transpose(tf.constant(2.0))));
        Tensor t = eval(tf.transpose(tf.constant(Tensor.zeros(DType.BOOL, Shape.of(0, 3)))));
        assertEquals(Shape.of(3, 0), t.shape());
    }

    @Test
    void unknownDimsMoveWithTheirAxes() {
        Output x = tf.placeholder("x", DType.FLOAT64, Shape.of(-1, 3));
        Output y = tf.withName("y").transpose(x);
        assertEquals(Shape.of(3, -1), y.shape());
        assertIota(run(g, "y", Map.of("x", iota(DType.FLOAT64, 2, 3))), DType.FLOAT64, Shape.of(3, 2),
                0, 3, 1, 4, 2, 5);
        Output u = tf.placeholder("u", DType.FLOAT64, Shape.unknown());
        assertEquals(Shape.of(-1, -1), tf.transpose(u, 1, 0).shape());
        assertEquals(Shape.unknown(), tf.transpose(u).shape());
    }

    @Test
    void refusesWhatIsNotAPermutation() {
        Output x = tf.constant(iota(DType.FLOAT32, 2, 3));
        GraphBuildException rep = assertThrows(GraphBuildException.class, () -> tf.withName("t").transpose(x, 0, 0));
        assertMessage(rep, "'t'", "Transpose", "float32[2, 3]", "perm [0, 0] repeats axis 0");
        GraphBuildException len = assertThrows(GraphBuildException.class, () -> tf.withName("l").transpose(x, 0));
        assertMessage(len, "'l'", "perm [0] has 1 entries for an input of rank 2");
        GraphBuildException range = assertThrows(GraphBuildException.class, () -> tf.withName("r").transpose(x, 2, 0));
        assertMessage(range, "'r'", "axis 2 is out of range for rank 2");
        Output u = tf.placeholder("u", DType.FLOAT64, Shape.of(-1, -1));
        assertThrows(GraphBuildException.class, () -> tf.transpose(u, 1, 1));
    }
}
