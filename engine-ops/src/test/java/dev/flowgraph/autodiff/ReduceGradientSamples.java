package dev.flowgraph.autodiff;

import static dev.flowgraph.autodiff.GradientSamples.sample;
import static dev.flowgraph.autodiff.GradientSamples.unary;

import dev.flowgraph.ops.Ops;
import java.util.Map;
import java.util.function.Function;

/**
 * FLOAT64 gradient samples of the reductions, for {@link GradientContractTest}: between them every
 * axes form (all axes, a positive axis, a negative one, two axes) with keepDims true and false.
 * Max and min use seeds without near-ties; Prod's inputs in [-1, 1) hold no zero.
 */
final class ReduceGradientSamples {
    static final Map<String, Function<Ops, GradientSample>> SAMPLES = Map.ofEntries(
            sample("Mean", tf -> unary(tf, tf::mean)),
            sample("Max", tf -> unary(tf, x -> tf.max(x, new int[] {0}, true))),
            sample("Min", tf -> unary(tf, x -> tf.min(x, new int[] {-1}, false))),
            sample("Prod", tf -> unary(tf, x -> tf.prod(x, new int[] {1, -2}, true))));

    private ReduceGradientSamples() {}
}
