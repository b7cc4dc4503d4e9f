package dev.flowgraph.ops.array;

import static dev.flowgraph.ops.TestRuns.eval;
import static dev.flowgraph.ops.array.ArrayTesting.assertMessage;
import static dev.flowgraph.ops.array.ArrayTesting.iota;
import static dev.flowgraph.ops.array.ArrayTesting.run;
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
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pad: zeros around a tensor, as numpy.pad in constant mode. */
class PadTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);

    @Test
    void padsEveryAxisWithZerosOfEveryDType() {
        for (DType dtype : DType.values()) {
            // iota [2, 2] = [[0, 1], [2, 3]] with one row before, one column before and two after:
            // [[0, 0, 0, 0, 0], [0, 0, 1, 0, 0], [0, 2, 3, 0, 0]]
            Tensor t = eval(tf.pad(tf.constant(iota(dtype, 2, 2)), new long[] {1, 1}, new long[] {0, 2}));
            assertEquals(dtype, t.dtype());
            assertEquals(Shape.of(3, 5), t.shape());
            if (dtype == DType.BOOL) {
                // iota BOOL is "odd": [[false, true], [false, true]]
                assertArrayEquals(new boolean[] {false, false, false, false, false, false, false, true, false, false,
                        false, false, true, false, false}, t.toBooleanArray());
            } else {
                assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2, 3, 0, 0}, t.toDoubleArray(), 0);
            }
        }
    }

    @Test
    void scalarsEmptyInputsAndUnknownSizes() {
        assertEquals(Tensor.scalar(4.0), eval(tf.pad(tf.constant(4.0), new long[0], new long[0])));
        Tensor empty = eval(tf.pad(tf.constant(Tensor.zeros(DType.INT32, Shape.of(0, 2))), new long[] {1, 0},
                new long[] {1, 0}));
        assertEquals(Shape.of(2, 2), empty.shape());
        assertArrayEquals(new int[] {0, 0, 0, 0}, empty.toIntArray());
        Output x = tf.placeholder("x", DType.FLOAT64, Shape.of(-1, 2));
        Output p = tf.withName("p").pad(x, new long[] {0, 1}, new long[] {2, 0});
        assertEquals(Shape.of(-1, 3), p.shape());
        // [[1, 2]] gets a zero column before and two zero rows after: [[0, 1, 2], [0, 0, 0], [0, 0, 0]]
        Tensor out = run(g, "p", Map.of("x", Tensor.matrix(new double[][] {{1, 2}})));
        assertArrayEquals(new double[] {0, 1, 2, 0, 0, 0, 0, 0, 0}, out.toDoubleArray(), 0);
    }

    @Test
    void badWidthsAreRefusedWhenAdded() {
        Output x = tf.constant(iota(DType.FLOAT32, 2, 3));
        GraphBuildException rank = assertThrows(GraphBuildException.class,
                () -> tf.withName("p").pad(x, new long[] {1}, new long[] {1}));
        assertMessage(rank, "'p'", "Pad", "float32[2, 3]", "need one entry per input axis (rank 2)");
        GraphBuildException negative = assertThrows(GraphBuildException.class,
                () -> tf.withName("q").pad(x, new long[] {0, -1}, new long[] {0, 0}));
        assertMessage(negative, "'q'", "widths >= 0", "axis 1");
    }
}
