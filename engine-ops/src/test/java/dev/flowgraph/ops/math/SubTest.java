package dev.flowgraph.ops.math;

import static dev.flowgraph.ops.TestRuns.eval;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flowgraph.Graph;
import dev.flowgraph.GraphBuildException;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import org.junit.jupiter.api.Test;

/** Sub on every numeric dtype, with the operand order visible under broadcasting. */
class SubTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);

    private Tensor sub(Tensor x, Tensor y) {
        return eval(tf.sub(tf.constant(x), tf.constant(y)));
    }

    @Test
    void subtractsFloat32() {
        assertArrayEquals(new float[] {-0.75f, 4f}, sub(Tensor.vector(1.5f, 2f), Tensor.vector(2.25f, -2f)).toFloatArray());
    }

    @Test
    void subtractsFloat64() {
        assertArrayEquals(new double[] {-0.5, 1e10}, sub(Tensor.vector(1.0, 1e10), Tensor.vector(1.5, 0.0)).toDoubleArray());
    }

    @Test
    void subtractsInt32WrappingOnOverflow() {
        assertArrayEquals(new int[] {-4, Integer.MAX_VALUE},
                sub(Tensor.vector(3, Integer.MIN_VALUE), Tensor.vector(7, 1)).toIntArray());
    }

    @Test
    void subtractsInt64() {
        // 2^40 - 1 = 1099511627775.
        assertArrayEquals(new long[] {1099511627775L, Long.MAX_VALUE},
                sub(Tensor.vector(1L << 40, Long.MIN_VALUE), Tensor.vector(1L, 1L)).toLongArray());
    }

    @Test
    void keepsOperandOrderWhenBroadcasting() {
        // [3] - [2, 1]: out[i][j] = x[j] - y[i][0].
        Tensor out = sub(Tensor.vector(10.0, 20.0, 30.0), Tensor.matrix(new double[][] {{1}, {2}}));
        assertEquals(Tensor.matrix(new double[][] {{9, 19, 29}, {8, 18, 28}}), out);
        // scalar - matrix: 1 - m.
        assertEquals(Tensor.matrix(new int[][] {{0, -1}, {-2, 1}}),
                sub(Tensor.scalar(1), Tensor.matrix(new int[][] {{1, 2}, {3, 0}})));
    }

    @Test
    void refusesMixedIntegerDTypes() {
        GraphBuildException e = assertThrows(GraphBuildException.class,
                () -> tf.withName("d").sub(tf.constant(1), tf.constant(1L)));
        AddTest.assertMessage(e, "'d'", "Sub", "int32[]", "int64[]", "dtypes differ: int32 and int64");
    }
}
