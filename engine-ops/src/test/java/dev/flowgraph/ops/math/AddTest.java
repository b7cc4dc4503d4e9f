package dev.flowgraph.ops.math;

import static dev.flowgraph.ops.TestRuns.eval;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** Add on every numeric dtype, NumPy broadcasting, refusals and static shape inference. */
class AddTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);

    private Tensor add(Tensor x, Tensor y) {
        return eval(tf.add(tf.constant(x), tf.constant(y)));
    }

    @Test
    void addsFloat32InFloat() {
        // 0.1f = 0.100000001490, 0.2f = 0.200000002980; their exact sum 0.300000004470 lies
        // between the floats 0.299999982118 and 0.300000011921 (= 0.3f), nearer the latter.
        Tensor out = add(Tensor.vector(1.5f, 0.1f, -2f), Tensor.vector(2.25f, 0.2f, 2f));
        assertEquals(DType.FLOAT32, out.dtype());
        assertArrayEquals(new float[] {3.75f, 0.3f, 0f}, out.toFloatArray());
    }

    @Test
    void addsFloat64() {
        Tensor out = add(Tensor.vector(1.5, -0.25), Tensor.vector(2.0, 0.25));
        assertArrayEquals(new double[] {3.5, 0.0}, out.toDoubleArray());
    }

    @Test
    void addsInt32WrappingOnOverflow() {
        Tensor out = add(Tensor.vector(1, -7, Integer.MAX_VALUE), Tensor.vector(2, 3, 1));
        assertEquals(DType.INT32, out.dtype());
        assertArrayEquals(new int[] {3, -4, Integer.MIN_VALUE}, out.toIntArray());
    }

    @Test
    void addsInt64WrappingOnOverflow() {
        // 2^40 + 2^40 = 2^41 = 2199023255552, beyond int but exact in long.
        Tensor out = add(Tensor.vector(1L << 40, Long.MAX_VALUE), Tensor.vector(1L << 40, 1L));
        assertEquals(DType.INT64, out.dtype());
        assertArrayEquals(new long[] {2199023255552L, Long.MIN_VALUE}, out.toLongArray());
    }

    @Test
    void broadcastsAVectorOverTheRowsOfAMatrix() {
        // [2, 3] + [3]: each row gets [10, 20, 30] added.
        Tensor out = add(Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}}), Tensor.vector(10.0, 20.0, 30.0));
        assertEquals(Tensor.matrix(new double[][] {{11, 22, 33}, {14, 25, 36}}), out);
    }

    @Test
    void broadcastsAColumnAgainstARow() {
        // [2, 1] + [1, 3] = [2, 3]: out[i][j] = col[i] + row[j].
        Tensor out = add(Tensor.matrix(new double[][] {{1}, {2}}), Tensor.matrix(new double[][] {{10, 20, 30}}));
        assertEquals(Tensor.matrix(new double[][] {{11, 21, 31}, {12, 22, 32}}), out);
    }

    @Test
    void broadcastsAVectorAgainstAColumn() {
        // [3] + [2, 1] = [2, 3]: out[i][j] = vec[j] + col[i].
        Tensor out = add(Tensor.vector(1, 2, 3), Tensor.matrix(new int[][] {{100}, {200}}));
        assertEquals(Tensor.matrix(new int[][] {{101, 102, 103}, {201, 202, 203}}), out);
    }

    @Test
    void broadcastsAScalarOnEitherSide() {
        Tensor m = Tensor.matrix(new long[][] {{1, 2}, {3, 4}});
        Tensor expected = Tensor.matrix(new long[][] {{11, 12}, {13, 14}});
        assertEquals(expected, add(Tensor.scalar(10L), m));
        assertEquals(expected, add(m, Tensor.scalar(10L)));
    }

    @Test
    void broadcastsSizeOneAxesInTheMiddle() {
        // [2, 1, 2] + [1, 3, 1] = [2, 3, 2]: out[i][j][l] = x[i][0][l] + y[0][j][0].
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4}, Shape.of(2, 1, 2));
        Tensor y = Tensor.of(new double[] {10, 20, 30}, Shape.of(1, 3, 1));
        Tensor expected = Tensor.of(new double[] {11, 12, 21, 22, 31, 32, 13, 14, 23, 24, 33, 34}, Shape.of(2, 3, 2));
        assertEquals(expected, add(x, y));
    }

    @Test
    void keepsSizeOneAxesOfEqualShapes() {
        Tensor x = Tensor.of(new float[] {1, 2}, Shape.of(1, 2, 1));
        Tensor y = Tensor.of(new float[] {3, 5}, Shape.of(1, 2, 1));
        assertEquals(Tensor.of(new float[] {4, 7}, Shape.of(1, 2, 1)), add(x, y));
    }

    @Test
    void addsScalars() {
        assertEquals(Tensor.scalar(5.0), add(Tensor.scalar(2.0), Tensor.scalar(3.0)));
    }

    @Test
    void broadcastsEmptyTensors() {
        Tensor out = add(Tensor.zeros(DType.FLOAT64, Shape.of(0, 3)), Tensor.vector(1.0, 2.0, 3.0));
        assertEquals(Shape.of(0, 3), out.shape());
        assertEquals(0, out.size());
        // A size-1 axis broadcasts against a zero one: [2, 0] + [2, 1] = [2, 0].
        Tensor out2 = add(Tensor.zeros(DType.INT32, Shape.of(2, 0)), Tensor.matrix(new int[][] {{1}, {2}}));
        assertEquals(Shape.of(2, 0), out2.shape());
    }

    @Test
    void refusesBool() {
        Output b = tf.constant(true);
        GraphBuildException e = assertThrows(GraphBuildException.class, () -> tf.withName("both").add(b, b));
        assertMessage(e, "'both'", "Add", "bool[], bool[]", "bool is not a numeric dtype");
    }

    @Test
    void refusesDifferentDTypes() {
        Output x = tf.constant(Tensor.vector(1f, 2f));
        Output y = tf.constant(Tensor.vector(1.0, 2.0));
        GraphBuildException e = assertThrows(GraphBuildException.class, () -> tf.withName("mixed").add(x, y));
        assertMessage(e, "'mixed'", "Add", "float32[2]", "float64[2]", "dtypes differ: float32 and float64",
                "cast one operand");
    }

    @Test
    void refusesShapesThatDoNotBroadcast() {
        Output x = tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(2, 3)));
        Output y = tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(4)));
        GraphBuildException e = assertThrows(GraphBuildException.class, () -> tf.withName("bad").add(x, y));
        assertMessage(e, "'bad'", "Add", "float64[2, 3]", "float64[4]", "cannot be broadcast");
        assertEquals(2, g.size(), "a refused node leaves the graph unchanged");
    }

    @Test
    void infersUnknownBatchDimensions() {
        Output x = tf.placeholder("x", DType.FLOAT64, Shape.of(-1, 3));
        Output sum = tf.add(x, tf.constant(Tensor.vector(1.0, 2.0, 3.0)));
        assertEquals(Shape.of(-1, 3), sum.shape());
        assertEquals(DType.FLOAT64, sum.dtype());
        Tensor out = TestRuns.eval(sum, 1, Map.of("x", Tensor.matrix(new double[][] {{0, 0, 0}, {1, 1, 1}})));
        assertEquals(Tensor.matrix(new double[][] {{1, 2, 3}, {2, 3, 4}}), out);
    }

    @Test
    void infersAnUnknownRankAsUnknown() {
        Output x = tf.placeholder("x", DType.INT64, Shape.unknown());
        assertEquals(Shape.unknown(), tf.add(x, tf.constant(1L)).shape());
    }

    @Test
    void settlesAnUnknownDimensionAgainstAKnownOne() {
        // -1 against 3 must be 3 (or 1, which broadcasts to 3); -1 against 1 stays unknown.
        Output x = tf.placeholder("x", DType.FLOAT32, Shape.of(-1, -1));
        Output y = tf.placeholder("y", DType.FLOAT32, Shape.of(1, 3));
        assertEquals(Shape.of(-1, 3), tf.add(x, y).shape());
    }

    static void assertMessage(Exception e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message lacks '" + p + "': " + e.getMessage());
        }
    }
}
