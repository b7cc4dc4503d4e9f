package dev.flowgraph.ops.math;

import static dev.flowgraph.ops.TestRuns.eval;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.GraphBuildException;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import org.junit.jupiter.api.Test;

/** Mul on every numeric dtype and with broadcasting. */
class MulTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);

    private Tensor mul(Tensor x, Tensor y) {
        return eval(tf.mul(tf.constant(x), tf.constant(y)));
    }

    @Test
    void multipliesFloat32() {
        assertArrayEquals(new float[] {3.375f, -4f}, mul(Tensor.vector(1.5f, 2f), Tensor.vector(2.25f, -2f)).toFloatArray());
    }

    @Test
    void multipliesFloat32InFloat() {
        // 1f/3f is the float 0.3333333432674408 (1/3 rounded up); times 3 that is
        // 1.0000000298023224, whose nearest float is 1f (the next one up is 1.00000011920929).
        assertArrayEquals(new float[] {1f}, mul(Tensor.vector(3f), Tensor.vector(1f / 3f)).toFloatArray());
    }

    @Test
    void multipliesFloat64() {
        assertArrayEquals(new double[] {-0.5, 6e20}, mul(Tensor.vector(0.25, 2e10), Tensor.vector(-2.0, 3e10)).toDoubleArray());
    }

    @Test
    void multipliesInt32WrappingOnOverflow() {
        // 65536 * 65536 = 2^32, which wraps to 0 in 32 bits; 46341^2 = 2147488281 = 2^31 + 4633,
        // which wraps to -2^31 + 4633 = -2147479015.
        assertArrayEquals(new int[] {-6, 0, -2147479015},
                mul(Tensor.vector(2, 65536, 46341), Tensor.vector(-3, 65536, 46341)).toIntArray());
    }

    @Test
    void multipliesInt64() {
        // 65536 * 65536 = 4294967296 in 64 bits.
        assertArrayEquals(new long[] {4294967296L, -10L},
                mul(Tensor.vector(65536L, 5L), Tensor.vector(65536L, -2L)).toLongArray());
    }

    @Test
    void broadcastsARowOverAColumn() {
        // [2, 1] * [3]: out[i][j] = col[i] * row[j].
        Tensor out = mul(Tensor.matrix(new float[][] {{1}, {-2}}), Tensor.vector(1f, 2f, 3f));
        assertEquals(Tensor.matrix(new float[][] {{1, 2, 3}, {-2, -4, -6}}), out);
    }

    @Test
    void multipliesEmptyTensors() {
        Tensor out = mul(Tensor.zeros(DType.INT64, Shape.of(0, 3)), Tensor.vector(1L, 2L, 3L));
        assertEquals(Shape.of(0, 3), out.shape());
    }

    @Test
    void refusesBool() {
        GraphBuildException e = assertThrows(GraphBuildException.class,
                () -> tf.withName("m").mul(tf.constant(true), tf.constant(false)));
        AddTest.assertMessage(e, "'m'", "Mul", "bool", "bool is not a numeric dtype");
    }
}
