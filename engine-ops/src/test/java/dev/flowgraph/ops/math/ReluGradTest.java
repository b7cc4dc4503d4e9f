package dev.flowgraph.ops.math;

import static dev.flowgraph.ops.TestRuns.eval;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.GraphBuildException;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.autodiff.Gradients;
import dev.flowgraph.ops.Ops;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ReluGrad against the graph ops it replaces in relu's gradient,
 * {@code where(greater(x, zerosLike(x)), dz, zerosLike(dz))}: the same bits at the edges (x at
 * ±0, NaN and infinities, dz NaN, infinite or -0), in both float dtypes, broadcast.
 */
class ReluGradTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);

    @AfterEach
    void closeGraph() {
        g.close();
    }

    private Output chain(Output dz, Output x) {
        return tf.where(tf.greater(x, tf.zerosLike(x)), dz, tf.zerosLike(dz));
    }

    @Test
    void equalsTheWhereChainBitForBit() {
        double inf = Double.POSITIVE_INFINITY;
        double nan = Double.NaN;
        double[] x = {1, -1, 0.0, -0.0, nan, inf, -inf, 1e-300, 2, 2, 2, -2};
        double[] dz = {3, 3, 3, 3, 3, 3, 3, 3, nan, -inf, -0.0, nan};
        Output x64 = tf.constant(Tensor.vector(x));
        Output dz64 = tf.constant(Tensor.vector(dz));
        Tensor fused = eval(tf.reluGrad(dz64, x64));
        assertEquals(eval(chain(dz64, x64)), fused);
        // dz where x > 0, +0.0 elsewhere (x = 0, -0, NaN, -inf, -1 and -2 close the mask).
        assertArrayEquals(new double[] {3, 0, 0, 0, 0, 3, 0, 3, nan, -inf, -0.0, 0}, fused.toDoubleArray());
        Output x32 = tf.cast(x64, DType.FLOAT32);
        Output dz32 = tf.cast(dz64, DType.FLOAT32);
        assertEquals(eval(chain(dz32, x32)), eval(tf.reluGrad(dz32, x32)));
    }

    @Test
    void broadcastsAndIsReluGradient() {
        Output dz = tf.constant(Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, Shape.of(2, 3)));
        Output x = tf.constant(Tensor.vector(-1f, 0.5f, 2f));
        // Rows of dz masked by x > 0 = {false, true, true}.
        assertArrayEquals(new float[] {0, 2, 3, 0, 5, 6}, eval(tf.reluGrad(dz, x)).toFloatArray());

        Output w = tf.placeholder("w", DType.FLOAT32, Shape.of(3));
        Output dw = Gradients.of(tf.sum(tf.relu(w)), List.of(w)).get(0);
        assertEquals("ReluGrad", dw.node().opType());
    }

    @Test
    void refusesMixedOrIntegerDTypes() {
        Output f = tf.constant(Tensor.vector(1f, 2f));
        GraphBuildException mixed = assertThrows(GraphBuildException.class,
                () -> tf.withName("g").reluGrad(f, tf.constant(Tensor.vector(1.0, 2.0))));
        assertEquals("Cannot add 'g' (op ReluGrad; inputs float32[2], float64[2]): dz and x must be both FLOAT32 or"
                + " both FLOAT64, not float32 and float64", mixed.getMessage());
        Output i = tf.constant(Tensor.vector(1, 2));
        assertThrows(GraphBuildException.class, () -> tf.reluGrad(i, i));
    }
}
