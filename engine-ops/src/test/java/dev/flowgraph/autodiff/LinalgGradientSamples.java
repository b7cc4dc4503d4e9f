package dev.flowgraph.autodiff;

import static dev.flowgraph.autodiff.GradientSamples.sample;

import dev.flowgraph.ops.Ops;
import java.util.Map;
import java.util.function.Function;

/** Gradient samples of the linear algebra ops; {@link LinalgGradientsTest} covers more cases. */
final class LinalgGradientSamples {
    static final Map<String, Function<Ops, GradientSample>> SAMPLES = Map.ofEntries(
            sample("MatMul", tf -> {
                // A stack of two [3, 4] matrices times one [4, 5]: b's gradient sums over the batch.
                SampleInputs in = new SampleInputs(tf);
                return in.of(tf.matMul(in.input(1, 2, 3, 4), in.input(2, 4, 5)));
            }),
            sample("Dot", tf -> {
                SampleInputs in = new SampleInputs(tf);
                return in.of(tf.dot(in.input(1, 5), in.input(2, 5)));
            }),
            sample("Outer", tf -> {
                SampleInputs in = new SampleInputs(tf);
                return in.of(tf.outer(in.input(1, 3), in.input(2, 4)));
            }));

    private LinalgGradientSamples() {}
}
