package dev.flowgraph.autodiff;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gradients of the neural-network ops: by hand, second order, refusals. */
class NnGradientsTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);
    // softmax([0, ln 3]) = [1/4, 3/4]; softmax([ln 2, ln 2]) = [1/2, 1/2]
    private final Output logits = tf.constant(Tensor.matrix(new double[][] {{0, Math.log(3)}, {Math.log(2),
            Math.log(2)}}));

    private static double[] eval(Output o) {
        return TestRuns.eval(o).toDoubleArray();
    }

    @Test
    void softmaxCrossEntropyGradientIsSoftmaxMinusLabelsPerExample() {
        Output labels = tf.constant(Tensor.matrix(new double[][] {{0, 1}, {1, 0}}));
        List<Output> grads = Gradients.of(tf.softmaxCrossEntropy(logits, labels), List.of(logits, labels));
        // one loss per example, no mean over the batch: softmax - labels row by row
        assertArrayEquals(new double[] {0.25, -0.25, -0.5, 0.5}, eval(grads.get(0)), 1e-15);
        // labels' gradient is -logSoftmax: -log [1/4, 3/4] and -log [1/2, 1/2]
        assertArrayEquals(new double[] {Math.log(4), Math.log(4.0 / 3), Math.log(2), Math.log(2)},
                eval(grads.get(1)), 1e-15);
        Output sparse = tf.sparseSoftmaxCrossEntropy(logits, tf.constant(Tensor.vector(1L, 0L)));
        assertArrayEquals(new double[] {0.25, -0.25, -0.5, 0.5},
                eval(Gradients.of(sparse, List.of(logits)).get(0)), 1e-15);
    }

    @Test
    void softmaxAndLogSoftmaxByHand() {
        // weights [1, 0] on softmax [1/4, 3/4]: ds = s (w - s . w) = [1/4 * 3/4, 3/4 * -1/4]
        Output w = tf.constant(Tensor.matrix(new double[][] {{1, 0}, {0, 0}}));
        Output ds = Gradients.of(tf.sum(tf.mul(tf.softmax(logits), w)), List.of(logits)).get(0);
        assertArrayEquals(new double[] {0.1875, -0.1875, 0, 0}, eval(ds), 1e-15);
        // sum of logSoftmax over a row of 2: dz - softmax * 2
        Output dl = Gradients.of(tf.logSoftmax(logits), List.of(logits)).get(0);
        assertArrayEquals(new double[] {0.5, -0.5, 0, 0}, eval(dl), 1e-15);
    }

    @Test
    void meanSquaredErrorAndDropoutByHand() {
        Output p = tf.constant(Tensor.vector(1.0, 3.0));
        Output t = tf.constant(Tensor.vector(0.0, 0.0));
        List<Output> grads = Gradients.of(tf.meanSquaredError(p, t), List.of(p, t));
        // L = (1 + 9) / 2: dp = 2 (p - t) / 2 = [1, 3], dt = -dp
        assertArrayEquals(new double[] {1, 3}, eval(grads.get(0)), 0);
        assertArrayEquals(new double[] {-1, -3}, eval(grads.get(1)), 0);
        // dropout is linear in x with a fixed mask: its gradient is dropout of ones, 0 or 1 / (1 - rate) = 4
        Output x = tf.constant(GradientSample.uniform(3, 1, 2, 40));
        double[] dx = eval(Gradients.of(tf.dropout(x, 0.75, 11), List.of(x)).get(0));
        double[] mask = eval(tf.dropout(tf.onesLike(x), 0.75, 11));
        assertArrayEquals(mask, dx, 0);
        long kept = java.util.Arrays.stream(dx).filter(v -> v == 4).count();
        assertEquals(dx.length, kept + java.util.Arrays.stream(dx).filter(v -> v == 0).count());
        assertTrue(kept > 0 && kept < dx.length, "some kept, some dropped: " + kept);
    }

    @Test
    void secondOrderThroughSoftmaxAndLogSoftmax() {
        SampleInputs.check((ops, in) -> {
            Output z = in.input(1, -2, 2, Shape.of(2, 3), 2, 3);
            Output w = ops.constant(GradientSample.uniform(2, -1, 1, 2, 3));
            return Gradients.of(ops.sum(ops.mul(ops.softmax(z), w)), List.of(z)).get(0);
        });
        SampleInputs.check((ops, in) -> {
            Output z = in.input(1, -2, 2, Shape.of(2, 3), 2, 3);
            Output w = ops.constant(GradientSample.uniform(2, -1, 1, 2, 3));
            return Gradients.of(ops.sum(ops.mul(ops.logSoftmax(z, 0), w)), List.of(z)).get(0);
        });
    }

    @Test
    void float32SoftmaxRegressionWithAnUnknownBatch() {
        Output x = tf.placeholder("x", DType.FLOAT32, Shape.of(-1, 2));
        Output w = tf.constant(Tensor.zeros(DType.FLOAT32, Shape.of(2, 3)));
        Output b = tf.constant(Tensor.zeros(DType.FLOAT32, Shape.of(3)));
        Output labels = tf.placeholder("labels", DType.INT64, Shape.of(-1));
        Output loss = tf.sum(tf.sparseSoftmaxCrossEntropy(tf.add(tf.matMul(x, w), b), labels));
        List<Output> grads = Gradients.of(loss, List.of(w, b));
        // With zero weights softmax is 1/3 everywhere; labels [0, 2] make softmax - oneHot
        // G = [[-2/3, 1/3, 1/3], [1/3, 1/3, -2/3]]; db = column sums of G; dW = x^T G with x = [[1, 2], [3, 4]]:
        // row 0: [-2/3 + 3/3, 1/3 + 3/3, 1/3 - 6/3], row 1: [-4/3 + 4/3, 2/3 + 4/3, 2/3 - 8/3]
        Map<String, Tensor> feeds = Map.of("x", Tensor.of(new float[] {1, 2, 3, 4}, Shape.of(2, 2)),
                "labels", Tensor.vector(0L, 2L));
        Tensor dw = TestRuns.eval(grads.get(0), 1, feeds);
        Tensor db = TestRuns.eval(grads.get(1), 1, feeds);
        assertEquals(DType.FLOAT32, dw.dtype());
        assertArrayEquals(new double[] {1.0 / 3, 4.0 / 3, -5.0 / 3, 0, 2, -2}, dw.toDoubleArray(), 1e-6);
        assertArrayEquals(new double[] {-1.0 / 3, 2.0 / 3, -1.0 / 3}, db.toDoubleArray(), 1e-6);
    }

    @Test
    void sparseCrossEntropyNeedsTheClassCount() {
        Output z = tf.placeholder("z", DType.FLOAT64, Shape.of(2, -1));
        Output loss = tf.withName("xent").sparseSoftmaxCrossEntropy(z, tf.constant(Tensor.vector(0, 1)));
        GraphBuildException e = assertThrows(GraphBuildException.class, () -> Gradients.of(loss, List.of(z)));
        assertTrue(e.getMessage().contains("cannot differentiate node 'xent' (op SparseSoftmaxCrossEntropy)")
                && e.getMessage().contains("number of classes"), e.getMessage());
    }
}
