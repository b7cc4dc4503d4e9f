package dev.flowgraph.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.TestRuns;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gradients of matMul, dot and outer: by hand, and against finite differences for every form of matMul. */
class LinalgGradientsTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);

    @Test
    void matMulGradientsByHand() {
        Output a = tf.constant(Tensor.matrix(new double[][] {{1, 2}, {3, 4}}));
        Output b = tf.constant(Tensor.matrix(new double[][] {{5, 6}, {7, 8}}));
        List<Output> grads = Gradients.of(tf.sum(tf.matMul(a, b)), List.of(a, b));
        // dA = ones . B^T: each row holds B's row sums [5 + 6, 7 + 8]
        assertArrayEquals(new double[] {11, 15, 11, 15}, TestRuns.eval(grads.get(0)).toDoubleArray(), 0);
        // dB = A^T . ones: each column holds A's column sums, row k of dB is sum_i A[i, k]: [1 + 3, 2 + 4]
        assertArrayEquals(new double[] {4, 4, 6, 6}, TestRuns.eval(grads.get(1)).toDoubleArray(), 0);
    }

    @Test
    void matMulWithBroadcastBatchAxes() {
        SampleInputs.check((t, in) -> t.matMul(in.input(1, 2, 1, 3, 4), in.input(2, 3, 4, 2)));
        SampleInputs.check((t, in) -> t.matMul(in.input(1, 3, 2), in.input(2, 2, 2, 4)));
    }

    @Test
    void matMulWithTransposeFlags() {
        SampleInputs.check((t, in) -> t.matMul(in.input(1, 3, 4), in.input(2, 5, 4), false, true));
        SampleInputs.check((t, in) -> t.matMul(in.input(1, 4, 3), in.input(2, 4, 5), true, false));
        SampleInputs.check((t, in) -> t.matMul(in.input(1, 2, 4, 3), in.input(2, 5, 4), true, true));
    }

    @Test
    void matMulWithVectorOperands() {
        SampleInputs.check((t, in) -> t.matMul(in.input(1, 4), in.input(2, 4, 3)));
        SampleInputs.check((t, in) -> t.matMul(in.input(1, 3, 4), in.input(2, 4)));
        SampleInputs.check((t, in) -> t.matMul(in.input(1, 4), in.input(2, 4)));
        SampleInputs.check((t, in) -> t.matMul(in.input(1, 2, 3, 4), in.input(2, 4)));
        SampleInputs.check((t, in) -> t.matMul(in.input(1, 4), in.input(2, 2, 4, 3)));
    }

    @Test
    void matMulWithAnUnknownBatchDimension() {
        SampleInputs.check((t, in) -> t.matMul(in.unknown(1, Shape.of(-1, 3, 4), 2, 3, 4), in.input(2, 4, 2)));
    }

    @Test
    void dotAndOuterByHand() {
        Output x = tf.constant(Tensor.vector(1.0, 2.0));
        Output y = tf.constant(Tensor.vector(3.0, 4.0, 5.0));
        List<Output> outer = Gradients.of(tf.sum(tf.outer(x, y)), List.of(x, y));
        // d/dx_i sum_j x_i y_j = sum y = 12; d/dy_j = sum x = 3
        assertArrayEquals(new double[] {12, 12}, TestRuns.eval(outer.get(0)).toDoubleArray(), 0);
        assertArrayEquals(new double[] {3, 3, 3}, TestRuns.eval(outer.get(1)).toDoubleArray(), 0);
        Output z = tf.constant(Tensor.vector(7.0, -1.0));
        // d(x . z)/dx = z, scaled by the initial gradient 2
        Output dx = Gradients.of(tf.dot(x, z), List.of(x), tf.constant(2.0)).get(0);
        assertArrayEquals(new double[] {14, -2}, TestRuns.eval(dx).toDoubleArray(), 0);
    }

    @Test
    void secondOrderThroughMatMul() {
        // f = sum(x . x) for x of [n, n]: df/dx[i, j] = sum_k x[j, k] + sum_k x[k, i], so
        // sum(df/dx) = 2n sum(x) and its gradient is 2n everywhere: 4 for n = 2.
        Output x = tf.placeholder("x", DType.FLOAT64, Shape.of(2, 2));
        Output grad = Gradients.of(tf.sum(tf.matMul(x, x)), List.of(x)).get(0);
        Output second = Gradients.of(grad, List.of(x)).get(0);
        Tensor at = Tensor.matrix(new double[][] {{1, -2}, {0.5, 3}});
        assertArrayEquals(new double[] {4, 4, 4, 4},
                TestRuns.eval(second, 1, Map.of("x", at)).toDoubleArray(), 1e-12);
        // The gradient's own gradient, weighted, against finite differences.
        SampleInputs.check((t, in) -> {
            Output y = in.input(3, 3, 3);
            Output w = t.constant(GradientSample.uniform(5, -1, 1, 3, 3));
            return Gradients.of(t.sum(t.mul(t.matMul(y, y), w)), List.of(y)).get(0);
        });
    }
}
