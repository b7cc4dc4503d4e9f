package dev.flowgraph.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/**
 * The reductions' gradients at chosen points: mean over an unknown batch dimension, max and min
 * ties split evenly, and prod with zeros in the input.
 */
class ReduceGradientsTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);
    private final Output x = tf.placeholder("x", DType.FLOAT64, Shape.of(-1, 3));

    private double[] gradient(Output y, Output dy, double[] values, long rows) {
        Output grad = dy == null ? Gradients.of(y, List.of(x)).get(0) : Gradients.of(y, List.of(x), dy).get(0);
        return TestRuns.eval(grad, 1, Map.of("x", Tensor.of(values, Shape.of(rows, 3)))).toDoubleArray();
    }

    @Test
    void meanDividesByTheCountReducedAtRunTime() {
        double[] two = new double[6];
        double[] four = new double[12];
        Output overBatch = tf.mean(x, new int[] {0}, false);
        // each element is one of 2 (then 4) rows averaged into a result
        assertArrayEquals(filled(6, 0.5), gradient(overBatch, null, two, 2), 0);
        assertArrayEquals(filled(12, 0.25), gradient(overBatch, null, four, 4), 0);
        // all 6 elements into one mean; keepDims over the last axis: 3 per mean
        assertArrayEquals(filled(6, 1.0 / 6), gradient(tf.mean(x), null, two, 2), 1e-16);
        assertArrayEquals(filled(6, 1.0 / 3), gradient(tf.mean(x, new int[] {-1}, true), null, two, 2), 1e-16);
    }

    @Test
    void maxAndMinSplitTheGradientAmongTies() {
        double[] values = {1, 3, 3, 5, 4, 6};
        // max of all: 6 once
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 1}, gradient(tf.max(x), null, values, 2), 0);
        // per row, dy = [10, 100]: row 0's two 3s get 5 each, row 1's 6 gets 100
        Output rowMax = tf.max(x, new int[] {-1}, false);
        assertArrayEquals(new double[] {0, 5, 5, 0, 0, 100},
                gradient(rowMax, tf.constant(Tensor.vector(10.0, 100.0)), values, 2), 0);
        // per column, kept: the minima 1, 3, 3 are all in row 0; dy = [[2, 4, 8]]
        Output colMin = tf.min(x, new int[] {0}, true);
        assertArrayEquals(new double[] {2, 4, 8, 0, 0, 0},
                gradient(colMin, tf.constant(Tensor.of(new double[] {2, 4, 8}, Shape.of(1, 3))), values, 2), 0);
        // three-way tie in one row: a third each
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3},
                gradient(tf.min(x, new int[] {1}, false), null, new double[] {2, 2, 2}, 1), 1e-16);
    }

    @Test
    void prodIsExactWithZeros() {
        // rows: no zero, one zero, two zeros; d prod / d x_i = product of the others
        double[] values = {2, 3, 4, 2, 0, 5, 0, 0, 7};
        Output rowProd = tf.prod(x, new int[] {-1}, false);
        // [3*4, 2*4, 2*3], [0*5, 2*5, 2*0], [0*7, 0*7, 0*0]
        assertArrayEquals(new double[] {12, 8, 6, 0, 10, 0, 0, 0, 0}, gradient(rowProd, null, values, 3), 0);
        // with dy = [1, 2, 3] the rows scale: row 1 becomes [0, 20, 0]
        assertArrayEquals(new double[] {12, 8, 6, 0, 20, 0, 0, 0, 0},
                gradient(rowProd, tf.constant(Tensor.vector(1.0, 2.0, 3.0)), values, 3), 0);
        // over all six elements of [[2, 3, 4], [2, 0.5, 5]]: 120 / x_i
        assertArrayEquals(new double[] {60, 40, 30, 60, 240, 24},
                gradient(tf.prod(x), null, new double[] {2, 3, 4, 2, 0.5, 5}, 2), 1e-12);
    }

    @Test
    void secondDerivativeOfAProductWithoutZeros() {
        // d2 (x0 x1 x2) / dx0 dx_j summed over j, for row [2, 3, 4]: 0 + x2 + x1 = 7 at x0, 6 at x1, 5 at x2
        Output first = Gradients.of(tf.prod(x), List.of(x)).get(0);
        Output second = Gradients.of(first, List.of(x)).get(0);
        double[] at = {2, 3, 4};
        // d/dx_k sum_i prod_{j != i} x_j = sum_{i != k} prod_{j != i, k} x_j: 3+4, 2+4, 2+3
        assertArrayEquals(new double[] {7, 6, 5},
                TestRuns.eval(second, 1, Map.of("x", Tensor.of(at, Shape.of(1, 3)))).toDoubleArray(), 1e-12);
    }

    @Test
    void float32ReductionsKeepTheirDtype() {
        Output f = tf.placeholder("f", DType.FLOAT32, Shape.of(2, 2));
        Output z = tf.add(tf.add(tf.mean(f), tf.prod(f)), tf.max(f));
        Output grad = Gradients.of(z, List.of(f)).get(0);
        Tensor value = TestRuns.eval(grad, 1, Map.of("f", Tensor.of(new float[] {1, 2, 3, 4}, Shape.of(2, 2))));
        assertEquals(DType.FLOAT32, value.dtype());
        // 1/4 + 24/x_i + [x_i is the max 4]: 24.25, 12.25, 8.25, 6.25 + 1
        assertArrayEquals(new double[] {24.25, 12.25, 8.25, 7.25}, value.toDoubleArray(), 1e-5);
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
