package dev.flowgraph.ops.nn;

import static dev.flowgraph.ops.TestRuns.eval;
import static dev.flowgraph.ops.nn.SoftmaxTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.GraphBuildException;
import dev.flowgraph.KernelException;
import dev.flowgraph.Output;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import org.junit.jupiter.api.Test;

/** SoftmaxCrossEntropy, SparseSoftmaxCrossEntropy and MeanSquaredError by hand, with refusals. */
class LossesTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);

    @Test
    void crossEntropyOfEqualLogitsIsLogC() {
        // Logits [0, 0, 0, 0]: logSoftmax = -ln 4 everywhere; a one-hot label gives ln 4, and so
        // does any distribution (its entries sum to 1).
        Output logits = tf.constant(Tensor.matrix(new double[][] {{0, 0, 0, 0}, {0, 0, 0, 0}}));
        Output labels = tf.constant(Tensor.matrix(new double[][] {{0, 1, 0, 0}, {0.25, 0.25, 0.5, 0}}));
        assertArrayEquals(new double[] {Math.log(4), Math.log(4)},
                eval(tf.softmaxCrossEntropy(logits, labels)).toDoubleArray(), 1e-15);
        Output sparse = tf.constant(Tensor.vector(3L, 0L));
        assertArrayEquals(new double[] {Math.log(4), Math.log(4)},
                eval(tf.sparseSoftmaxCrossEntropy(logits, sparse)).toDoubleArray(), 1e-15);
    }

    @Test
    void crossEntropyOfLargeLogitsIsFinite() {
        // Logits [1000, -1000], label class 1: -logSoftmax[1] = 1000 - (-1000) + ln(1 + e^-2000) = 2000.
        Output logits = tf.constant(Tensor.vector(1000f, -1000f));
        assertEquals(Tensor.scalar(2000f), eval(tf.sparseSoftmaxCrossEntropy(logits, tf.constant(Tensor.scalar(1)))));
        assertEquals(Tensor.scalar(2000f), eval(tf.softmaxCrossEntropy(logits, tf.constant(Tensor.vector(0f, 1f)))));
        // The right class: loss ln(1 + e^-2000) = 0 in double.
        assertEquals(Tensor.scalar(0f), eval(tf.sparseSoftmaxCrossEntropy(logits, tf.constant(Tensor.scalar(0L)))));
    }

    @Test
    void crossEntropyOverLeadingBatchAxesAndEmptyBatches() {
        // [2, 1, 2] logits of equal entries: each loss ln 2, shape [2, 1].
        Output logits = tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(2, 1, 2)));
        Output labels = tf.constant(Tensor.of(new int[] {0, 1}, Shape.of(2, 1)));
        Tensor loss = eval(tf.sparseSoftmaxCrossEntropy(logits, labels));
        assertEquals(Shape.of(2, 1), loss.shape());
        assertArrayEquals(new double[] {Math.log(2), Math.log(2)}, loss.toDoubleArray(), 1e-15);
        Output empty = tf.constant(Tensor.zeros(DType.FLOAT32, Shape.of(0, 3)));
        assertEquals(Shape.of(0), eval(tf.softmaxCrossEntropy(empty, empty)).shape());
    }

    @Test
    void infersOneLossPerExample() {
        Output logits = tf.placeholder("logits", DType.FLOAT32, Shape.of(-1, 10));
        assertEquals(Shape.of(-1), tf.softmaxCrossEntropy(logits, tf.placeholder("y", DType.FLOAT32, Shape.of(-1, 10)))
                .shape());
        assertEquals(Shape.of(32), tf.sparseSoftmaxCrossEntropy(logits, tf.placeholder("l", DType.INT64, Shape.of(32)))
                .shape());
        assertEquals(Shape.of(32), tf.softmaxCrossEntropy(logits, tf.placeholder("p", DType.FLOAT32, Shape.of(32, -1)))
                .shape());
        assertEquals(Shape.unknown(), tf.softmaxCrossEntropy(tf.placeholder("u", DType.FLOAT64, Shape.unknown()),
                tf.placeholder("v", DType.FLOAT64, Shape.unknown())).shape());
    }

    @Test
    void refusesMismatchedLabels() {
        Output logits = tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(4, 3)));
        Output wrongShape = tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(4, 2)));
        assertMessage(assertThrows(GraphBuildException.class, () -> tf.withName("ce").softmaxCrossEntropy(logits,
                wrongShape)), "'ce'", "SoftmaxCrossEntropy", "float64[4, 3]", "float64[4, 2]", "labels must have");
        Output wrongDType = tf.constant(Tensor.zeros(DType.FLOAT32, Shape.of(4, 3)));
        assertMessage(assertThrows(GraphBuildException.class, () -> tf.softmaxCrossEntropy(logits, wrongDType)),
                "dtypes differ");
        Output floatLabels = tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(4)));
        assertMessage(assertThrows(GraphBuildException.class, () -> tf.withName("sce").sparseSoftmaxCrossEntropy(
                logits, floatLabels)), "'sce'", "SparseSoftmaxCrossEntropy", "int32 or int64", "softmaxCrossEntropy");
        Output fewLabels = tf.constant(Tensor.vector(0L, 1L, 2L));
        assertMessage(assertThrows(GraphBuildException.class, () -> tf.sparseSoftmaxCrossEntropy(logits, fewLabels)),
                "int64[3]", "examples of shape [4]");
        Output intLogits = tf.constant(Tensor.matrix(new int[][] {{1, 2}}));
        assertMessage(assertThrows(GraphBuildException.class, () -> tf.sparseSoftmaxCrossEntropy(intLogits,
                tf.constant(Tensor.vector(0)))), "not a float dtype", "cast to float32");
        assertMessage(assertThrows(GraphBuildException.class, () -> tf.sparseSoftmaxCrossEntropy(tf.constant(1.0),
                tf.constant(Tensor.scalar(0)))), "scalar", "class axis");
    }

    @Test
    void aLabelOutOfRangeFailsTheRunNamingNodeLabelAndC() {
        Output logits = tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(2, 3)));
        Output labels = tf.placeholder("labels", DType.INT32, Shape.of(2));
        tf.withName("loss").sparseSoftmaxCrossEntropy(logits, labels);
        try (Session s = new Session(g)) {
            for (int bad : new int[] {3, -1}) {
                KernelException e = assertThrows(KernelException.class, () -> s.runner()
                        .feed("labels", Tensor.vector(0, bad)).fetch("loss").run());
                assertEquals("loss", e.nodeName());
                assertMessage(e, "loss", "label " + bad, "[0, 3)");
            }
        }
    }

    @Test
    void fedLabelsOfTheWrongShapeFailTheRun() {
        Output logits = tf.placeholder("logits", DType.FLOAT64, Shape.of(-1, 3));
        Output labels = tf.placeholder("labels", DType.INT64, Shape.of(-1));
        tf.withName("loss").sparseSoftmaxCrossEntropy(logits, labels);
        try (Session s = new Session(g)) {
            KernelException e = assertThrows(KernelException.class, () -> s.runner()
                    .feed("logits", Tensor.zeros(DType.FLOAT64, Shape.of(2, 3)))
                    .feed("labels", Tensor.vector(0L, 1L, 2L)).fetch("loss").run());
            assertMessage(e, "loss", "[3]", "[2, 3]");
        }
    }

    @Test
    void meanSquaredErrorByHand() {
        // p = [[1, 2], [3, 4]], t = [1, 0] broadcast: diffs [[0, 2], [2, 4]], squares 0 + 4 + 4 + 16 = 24, mean 6.
        Output p = tf.constant(Tensor.matrix(new double[][] {{1, 2}, {3, 4}}));
        assertEquals(Tensor.scalar(6.0), eval(tf.meanSquaredError(p, tf.constant(Tensor.vector(1.0, 0.0)))));
        // Float32 scalars: (0.5 - 2)^2 = 2.25.
        assertEquals(Tensor.scalar(2.25f), eval(tf.meanSquaredError(tf.constant(0.5f), tf.constant(2f))));
        // Size-1 axes broadcast both ways: [2, 1] - [1, 2] = [[0, -1], [1, 0]], mean of squares 0.5.
        Output col = tf.constant(Tensor.of(new double[] {1, 2}, Shape.of(2, 1)));
        Output row = tf.constant(Tensor.of(new double[] {1, 2}, Shape.of(1, 2)));
        assertEquals(Tensor.scalar(0.5), eval(tf.meanSquaredError(col, row)));
    }

    @Test
    void meanSquaredErrorOfNothingIsNaNAndNaNPropagates() {
        Output e = tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(0, 2)));
        assertTrue(Double.isNaN(eval(tf.meanSquaredError(e, e)).getDouble()));
        Output p = tf.constant(Tensor.vector(1.0, Double.NaN));
        assertTrue(Double.isNaN(eval(tf.meanSquaredError(p, tf.constant(0.0))).getDouble()));
        Output inf = tf.constant(Tensor.vector(Double.POSITIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, eval(tf.meanSquaredError(inf, tf.constant(0.0))).getDouble());
    }

    @Test
    void meanSquaredErrorIsAScalarAndRefusesIntegersAndMismatches() {
        Output p = tf.placeholder("p", DType.FLOAT32, Shape.of(-1, 3));
        assertEquals(Shape.scalar(), tf.meanSquaredError(p, tf.placeholder("t", DType.FLOAT32, Shape.of(3))).shape());
        Output ints = tf.constant(Tensor.vector(1, 2));
        assertMessage(assertThrows(GraphBuildException.class, () -> tf.withName("mse").meanSquaredError(ints, ints)),
                "'mse'", "MeanSquaredError", "int32[2]", "cast to float32");
        Output a = tf.constant(Tensor.vector(1.0, 2.0));
        Output b = tf.constant(Tensor.vector(1.0, 2.0, 3.0));
        assertMessage(assertThrows(GraphBuildException.class, () -> tf.meanSquaredError(a, b)), "float64[2]",
                "float64[3]", "cannot be broadcast");
    }
}
