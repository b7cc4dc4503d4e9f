package dev.flowgraph.ops.reduce;

import static dev.flowgraph.ops.TestRuns.eval;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.flowgraph.ops.kernels.KernelTuning;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sum, mean, max, min and prod over chosen axes; expected values computed by hand in comments. */
class ReductionTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);
    /** [[1, 2, 3], [4, 5, 6]] */
    private final Output x = tf.constant(Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}}));

    /** 0..23 in shape [2, 3, 4]: element (i, j, k) is 12i + 4j + k. */
    private Output arange234() {
        double[] v = new double[24];
        for (int i = 0; i < 24; i++) {
            v[i] = i;
        }
        return tf.constant(Tensor.of(v, Shape.of(2, 3, 4)));
    }

    @Test
    void sumsOverAllAxesAndOverEachAxis() {
        assertEquals(Tensor.scalar(21.0), eval(tf.sum(x)));
        assertArrayEquals(new double[] {5, 7, 9}, eval(tf.sum(x, new int[] {0}, false)).toDoubleArray());
        assertArrayEquals(new double[] {6, 15}, eval(tf.sum(x, new int[] {1}, false)).toDoubleArray());
    }

    @Test
    void negativeAxesAndKeepDims() {
        Tensor rows = eval(tf.sum(x, new int[] {-1}, true));
        assertEquals(Shape.of(2, 1), rows.shape());
        assertArrayEquals(new double[] {6, 15}, rows.toDoubleArray());
        Tensor all = eval(tf.sum(x, new int[] {0, 1}, true));
        assertEquals(Shape.of(1, 1), all.shape());
        assertEquals(21.0, all.getDouble(0, 0));
    }

    @Test
    void noAxesReducesNothing() {
        assertEquals(eval(x), eval(tf.sum(x, new int[0], false)));
    }

    @Test
    void sumsOverNonAdjacentAxesOfARank3Tensor() {
        // sum over i in {0,1}, k in {0..3} of 12i + 4j + k = 8*4j + 4*12 + 2*6 = 32j + 60
        assertArrayEquals(new double[] {60, 92, 124},
                eval(tf.sum(arange234(), new int[] {0, 2}, false)).toDoubleArray());
        // sum over j in {0,1,2} of 12i + 4j + k = 36i + 12 + 3k
        Tensor middle = eval(tf.sum(arange234(), new int[] {1}, false));
        assertEquals(Shape.of(2, 4), middle.shape());
        assertArrayEquals(new double[] {12, 15, 18, 21, 48, 51, 54, 57}, middle.toDoubleArray());
    }

    @Test
    void meanMaxMinProd() {
        assertEquals(3.5, eval(tf.mean(x)).getDouble());
        assertArrayEquals(new double[] {2.5, 3.5, 4.5}, eval(tf.mean(x, new int[] {0}, false)).toDoubleArray());
        assertArrayEquals(new double[] {2, 5}, eval(tf.mean(x, new int[] {1}, false)).toDoubleArray());
        assertEquals(6.0, eval(tf.max(x)).getDouble());
        assertArrayEquals(new double[] {4, 5, 6}, eval(tf.max(x, new int[] {0}, false)).toDoubleArray());
        assertEquals(1.0, eval(tf.min(x)).getDouble());
        assertArrayEquals(new double[] {1, 4}, eval(tf.min(x, new int[] {1}, false)).toDoubleArray());
        // 1*2*3*4*5*6 = 720; per row 1*2*3 = 6 and 4*5*6 = 120
        assertEquals(720.0, eval(tf.prod(x)).getDouble());
        assertArrayEquals(new double[] {6, 120}, eval(tf.prod(x, new int[] {1}, false)).toDoubleArray());
    }

    @Test
    void float32IsSummedInDoubleAndRoundedOnce() {
        // 0.1f + 0.2f + 0.3f = 0.10000000149 + 0.20000000298 + 0.30000001192 = 0.60000001639 in
        // double, which rounds to the float 0.60000002384 (= 0.6f), not 0.59999996424.
        Tensor s = eval(tf.sum(tf.constant(Tensor.vector(0.1f, 0.2f, 0.3f))));
        assertEquals(DType.FLOAT32, s.dtype());
        assertEquals(0.6f, s.getFloat());
        assertEquals(Tensor.scalar(2.5f), eval(tf.mean(tf.constant(Tensor.vector(1f, 4f)))));
    }

    @Test
    void aLongFloatFoldIsSplitIntoTheSamePartsAtAnyPoolSize() {
        // 2^53 then 3 * 65,536 + 3 ones: one chain would give 2^53 (each + 1 is a tie that rounds
        // back to it, to even); parts of 65,536 give 2^53 (its ones lost the same way), 65,536,
        // 65,536 and 4, whose sum 2^53 + 131,076 is exact. The mean divides that by the count.
        int part = KernelTuning.REDUCE_PART_ELEMENTS;
        double[] v = new double[3 * part + 4];
        Arrays.fill(v, 1.0);
        v[0] = 0x1p53;
        Output ones = tf.constant(Tensor.of(v, Shape.of(4, v.length / 4)));
        for (int threads : new int[] {1, 2, 4}) {
            assertEquals(0x1p53 + 131_076, eval(tf.sum(ones), threads, Map.of()).getDouble(), "pool of " + threads);
            assertEquals((0x1p53 + 131_076) / v.length, eval(tf.mean(ones), threads, Map.of()).getDouble());
        }
        // FLOAT32 down the columns of [3 * 65,536, 2]: column 0 all 0.5, column 1 all -3.
        float[] f = new float[3 * part * 2];
        for (int i = 0; i < f.length; i += 2) {
            f[i] = 0.5f;
            f[i + 1] = -3f;
        }
        Output columns = tf.constant(Tensor.of(f, Shape.of(3L * part, 2)));
        for (int threads : new int[] {1, 4}) {
            Tensor sums = eval(tf.sum(columns, new int[] {0}, false), threads, Map.of());
            assertEquals(Tensor.vector(1.5f * part, -9f * part), sums, "pool of " + threads);
        }
        // A per-channel max of [65,537, 2, 4] over axes 0 and 2 (two reduced runs, cut along
        // axis 0): channel 0 counts up to 65,537 * 4 - 1 at its last element, channel 1 down.
        int rows = part + 1;
        float[] c = new float[rows * 8];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < 4; j++) {
                c[r * 8 + j] = r * 4 + j;
                c[r * 8 + 4 + j] = -(r * 4 + j);
            }
        }
        Output channels = tf.constant(Tensor.of(c, Shape.of(rows, 2, 4)));
        for (int threads : new int[] {1, 4}) {
            Tensor max = eval(tf.max(channels, new int[] {0, 2}, false), threads, Map.of());
            assertEquals(Tensor.vector(rows * 4f - 1, 0f), max, "pool of " + threads);
        }
    }

    @Test
    void integersKeepTheirDtypeAndWrap() {
        Tensor s = eval(tf.sum(tf.constant(Tensor.matrix(new int[][] {{1, 2}, {3, 4}})), new int[] {0}, false));
        assertEquals(DType.INT32, s.dtype());
        assertArrayEquals(new int[] {4, 6}, s.toIntArray());
        // MAX_VALUE + 1 wraps to MIN_VALUE, as int arithmetic does
        assertEquals(Integer.MIN_VALUE, eval(tf.sum(tf.constant(Tensor.vector(Integer.MAX_VALUE, 1)))).getInt());
        // 2^31 * 2^31 = 2^62 fits in int64
        assertEquals(1L << 62, eval(tf.prod(tf.constant(Tensor.vector(1L << 31, 1L << 31)))).getLong());
        assertEquals(-3L, eval(tf.min(tf.constant(Tensor.vector(5L, -3L, 7L)))).getLong());
    }

    @Test
    void aScalarReducesToItself() {
        assertEquals(Tensor.scalar(5.0), eval(tf.sum(tf.constant(5.0))));
    }

    @Test
    void emptyReductionsGiveTheIdentityOrNaN() {
        Output empty = tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(0, 3)));
        assertArrayEquals(new double[] {0, 0, 0}, eval(tf.sum(empty, new int[] {0}, false)).toDoubleArray());
        assertEquals(1.0, eval(tf.prod(empty)).getDouble());
        assertTrue(Double.isNaN(eval(tf.mean(empty)).getDouble()));
        // Reducing the non-empty axis of an empty tensor is an empty result, not an error.
        assertEquals(Shape.of(0), eval(tf.max(empty, new int[] {1}, false)).shape());
    }

    @Test
    void maxOfAnEmptyAxisIsRefusedAtBuildTimeWhenTheShapeSaysSo() {
        Output empty = tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(0, 3)));
        GraphBuildException e = assertThrows(GraphBuildException.class,
                () -> tf.withName("m").max(empty, new int[] {0}, false));
        assertTrue(e.getMessage().contains("'m' (op Max; inputs float64[0, 3])"), e.getMessage());
        assertTrue(e.getMessage().contains("max of an empty axis"), e.getMessage());
    }

    @Test
    void maxOfAnEmptyAxisIsRefusedAtRunTimeOtherwise() {
        Output p = tf.placeholder("p", DType.FLOAT64, Shape.of(-1, 3));
        Output m = tf.withName("m").min(p, new int[] {0}, false);
        KernelException e = assertThrows(KernelException.class,
                () -> TestRuns.eval(m, 1, Map.of("p", Tensor.zeros(DType.FLOAT64, Shape.of(0, 3)))));
        assertEquals("m", e.nodeName());
        assertTrue(e.getMessage().contains("min of an empty axis has no identity"), e.getMessage());
    }

    @Test
    void nanPropagatesThroughMaxAndMin() {
        Output withNan = tf.constant(Tensor.vector(1.0, Double.NaN, 3.0));
        assertTrue(Double.isNaN(eval(tf.max(withNan)).getDouble()));
        assertTrue(Double.isNaN(eval(tf.min(withNan)).getDouble()));
    }

    @Test
    void infersShapesWithUnknownDimensionsAndRank() {
        Output p = tf.placeholder("p", DType.FLOAT32, Shape.of(-1, 3));
        assertEquals(Shape.of(-1), tf.sum(p, new int[] {1}, false).shape());
        assertEquals(Shape.of(1, 3), tf.sum(p, new int[] {0}, true).shape());
        assertEquals(Shape.scalar(), tf.mean(p).shape());
        Output u = tf.placeholder("u", DType.FLOAT32, Shape.unknown());
        assertEquals(Shape.scalar(), tf.sum(u).shape());
        assertEquals(Shape.unknown(), tf.sum(u, new int[] {0}, false).shape());
    }

    @Test
    void refusesBadAxesAndDtypes() {
        GraphBuildException range = assertThrows(GraphBuildException.class, () -> tf.sum(x, new int[] {2}, false));
        assertTrue(range.getMessage().contains("axis 2 is out of range for rank 2"), range.getMessage());
        GraphBuildException repeated = assertThrows(GraphBuildException.class,
                () -> tf.sum(x, new int[] {0, -2}, false));
        assertTrue(repeated.getMessage().contains("axis -2 is repeated in axes [0, -2]"), repeated.getMessage());
        GraphBuildException mean = assertThrows(GraphBuildException.class,
                () -> tf.mean(tf.constant(Tensor.vector(1, 2))));
        assertTrue(mean.getMessage().contains("mean of int32 is not defined; cast to float32 or float64 first"),
                mean.getMessage());
        GraphBuildException bool = assertThrows(GraphBuildException.class,
                () -> tf.sum(tf.constant(Tensor.vector(true, false))));
        assertTrue(bool.getMessage().contains("sum of bool is not defined"), bool.getMessage());
    }
}
