package dev.flowgraph.autodiff;

import static dev.flowgraph.autodiff.GradientSamples.sample;

import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import java.util.Map;
import java.util.function.Function;

/** Gradient samples of the neural-network ops. */
final class NnGradientSamples {
    static final Map<String, Function<Ops, GradientSample>> SAMPLES = Map.ofEntries(
            sample("Softmax", tf -> {
                SampleInputs in = new SampleInputs(tf);
                return in.of(tf.softmax(in.input(1, -2, 2, Shape.of(3, 4), 3, 4), 0));
            }),
            sample("LogSoftmax", tf -> {
                SampleInputs in = new SampleInputs(tf);
                return in.of(tf.logSoftmax(in.input(1, -2, 2, Shape.of(-1, 4), 3, 4), -1));
            }),
            sample("SoftmaxCrossEntropy", tf -> {
                // The labels need not sum to 1 per row: the gradient is right for any labels.
                SampleInputs in = new SampleInputs(tf);
                return in.of(tf.softmaxCrossEntropy(in.input(1, -2, 2, Shape.of(3, 4), 3, 4),
                        in.input(2, 0, 1, Shape.of(3, 4), 3, 4)));
            }),
            sample("SparseSoftmaxCrossEntropy", tf -> {
                SampleInputs in = new SampleInputs(tf);
                return in.of(tf.sparseSoftmaxCrossEntropy(in.input(1, -2, 2, Shape.of(-1, 4), 3, 4),
                        tf.constant(Tensor.of(new long[] {3, 0, 1}, Shape.of(3)))));
            }),
            sample("MeanSquaredError", tf -> {
                SampleInputs in = new SampleInputs(tf);
                return in.of(tf.meanSquaredError(in.input(1, 3, 4), in.input(2, 4)));
            }),
            sample("Dropout", tf -> {
                SampleInputs in = new SampleInputs(tf);
                return in.of(tf.dropout(in.input(1, 3, 4), 0.5, 7));
            }));

    private NnGradientSamples() {}
}
