package dev.flowgraph.ops;

import static dev.flowgraph.ops.OpSamples.random;
import static dev.flowgraph.ops.OpSamples.sample;

import dev.flowgraph.DType;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.OpSamples.Sample;
import java.util.Map;
import java.util.function.Function;

/** {@link OpContractTest} samples of the linear algebra beyond matMul, neural-network ops and random ops; see {@link OpSamples}. */
final class NnSamples {
    static final Map<String, Function<Ops, Sample>> SAMPLES = Map.ofEntries(
            // 90,000 elements each: several 65,536-multiply-add blocks, or several rows per block.
            sample("Dot", tf -> Sample.of(tf.dot(tf.constant(random(40, 90_000)), tf.constant(random(41, 90_000))))),
            sample("Outer", tf -> Sample.of(tf.outer(tf.constant(random(42, 300)), tf.constant(random(43, 300))))),
            // 300x300 logits, rows of 300: about 218 rows per block, so two blocks or more.
            sample("Softmax", tf -> Sample.of(tf.softmax(tf.constant(random(44, 300, 300)), 0))),
            sample("LogSoftmax", tf -> Sample.of(tf.logSoftmax(tf.constant(random(45, 300, 300))))),
            sample("SoftmaxCrossEntropy", tf -> Sample.of(tf.softmaxCrossEntropy(tf.constant(random(46, 300, 300)),
                    tf.softmax(tf.constant(random(47, 300, 300)))))),
            sample("SparseSoftmaxCrossEntropy", tf -> Sample.of(tf.sparseSoftmaxCrossEntropy(
                    tf.constant(random(48, 300, 300)), tf.constant(labels(300, 300))))),
            sample("MeanSquaredError", tf -> Sample.of(tf.meanSquaredError(tf.constant(random(49, 300, 300)),
                    tf.constant(random(50, 300))))),
            sample("Dropout", tf -> Sample.of(tf.dropout(tf.constant(random(54, 300, 300)), 0.3, 55))),
            sample("RandomUniform", tf -> Sample.of(tf.randomUniform(Shape.of(300, 300), DType.FLOAT64, 51))),
            sample("RandomNormal", tf -> Sample.of(tf.randomNormal(Shape.of(300, 300), DType.FLOAT32, 52))),
            sample("TruncatedNormal", tf -> Sample.of(tf.truncatedNormal(Shape.of(300, 300), DType.FLOAT64, 53))));

    private NnSamples() {}

    /** INT64 class indices {@code (7 * i) % classes}, one per example. */
    private static Tensor labels(int examples, int classes) {
        long[] l = new long[examples];
        for (int i = 0; i < examples; i++) {
            l[i] = (7L * i) % classes;
        }
        return Tensor.vector(l);
    }
}
