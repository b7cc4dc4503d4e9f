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

/** Tile (tf.tile): repetition along each axis. */
class TileTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);

    @Test
    void tilesAMatrixOfEveryDType() {
        for (DType dtype : DType.values()) {
            // [[0, 1], [2, 3]] twice down and three times across
            Output x = tf.constant(iota(dtype, 2, 2));
            assertIota(eval(tf.tile(x, 2, 3)), dtype, Shape.of(4, 6),
                    0, 1, 0, 1, 0, 1,
                    2, 3, 2, 3, 2, 3,
                    0, 1, 0, 1, 0, 1,
                    2, 3, 2, 3, 2, 3);
            assertIota(eval(tf.tile(x, 1, 1)), dtype, Shape.of(2, 2), 0, 1, 2, 3);
        }
    }

    @Test
    void largeTileSplitIntoSeveralBlocksStaysCorrect() {
        // [30, 20] ten times down and fifteen across: out[r, c] = x[r % 30, c % 20] = 20 (r % 30) + c % 20
        int[] v = TestRuns.eval(tf.tile(tf.constant(iota(DType.INT32, 30, 20)), 10, 15), 4, Map.of()).toIntArray();
        assertEquals(300 * 300, v.length);
        for (int r = 0; r < 300; r++) {
            for (int c = 0; c < 300; c++) {
                assertEquals(20 * (r % 30) + c % 20, v[300 * r + c], "element [" + r + ", " + c + "]");
            }
        }
    }

    @Test
    void tilesVectorsScalarsAndEmptyTensors() {
        assertEquals(Tensor.vector(1.0, 2.0, 3.0, 1.0, 2.0, 3.0), eval(tf.tile(tf.constant(Tensor.vector(1.0, 2.0, 3.0)), 2)));
        assertEquals(Tensor.scalar(5L), eval(tf.tile(tf.constant(5L))));
        assertEquals(Shape.of(0, 4), eval(tf.tile(tf.constant(iota(DType.INT32, 2, 2)), 0, 2)).shape());
        assertEquals(Shape.of(0, 6), eval(tf.tile(tf.constant(Tensor.zeros(DType.BOOL, Shape.of(0, 2))), 5, 3))
                .shape());
    }

    @Test
    void shapeRuleWithUnknownDims() {
        Output x = tf.placeholder("x", DType.FLOAT64, Shape.of(-1, 2));
        Output t = tf.withName("t").tile(x, 3, 2);
        assertEquals(Shape.of(-1, 4), t.shape());
        assertEquals(Shape.of(0, 4), tf.tile(x, 0, 2).shape());
        assertEquals(Shape.of(-1, -1), tf.tile(tf.placeholder("u", DType.FLOAT64, Shape.unknown()), 2, 2).shape());
        // [[0, 1]] three times down and twice across
        assertIota(run(g, "t", Map.of("x", iota(DType.FLOAT64, 1, 2))), DType.FLOAT64, Shape.of(3, 4),
                0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1);
    }

    @Test
    void refusals() {
        Output x = tf.constant(iota(DType.FLOAT64, 2, 2));
        GraphBuildException len = assertThrows(GraphBuildException.class, () -> tf.withName("t").tile(x, 2));
        assertMessage(len, "'t'", "Tile", "float64[2, 2]", "multiples [2] need one entry per input axis (rank 2)");
        GraphBuildException neg = assertThrows(GraphBuildException.class, () -> tf.withName("n").tile(x, 1, -1));
        assertMessage(neg, "'n'", "multiples [1, -1] has a negative entry");
    }
}
