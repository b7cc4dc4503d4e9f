package dev.flowgraph.ops;

import static dev.flowgraph.ops.OpSamples.broadcastSample;
import static dev.flowgraph.ops.OpSamples.random;
import static dev.flowgraph.ops.OpSamples.randomBooleans;
import static dev.flowgraph.ops.OpSamples.sample;

import dev.flowgraph.ops.OpSamples.Sample;
import java.util.Map;
import java.util.function.Function;

/** {@link OpContractTest} samples of the elementwise binary math ops, comparisons, logic and where; see {@link OpSamples}. */
final class BinarySamples {
    static final Map<String, Function<Ops, Sample>> SAMPLES = Map.ofEntries(
            // Random operands in [-1, 1): pow of a negative base to a fractional power gives NaN,
            // which must come out the same at any pool size too.
            sample("Pow", tf -> broadcastSample(tf, tf::pow)),
            sample("Maximum", tf -> broadcastSample(tf, tf::maximum)),
            sample("Minimum", tf -> broadcastSample(tf, tf::minimum)),
            sample("Mod", tf -> broadcastSample(tf, tf::mod)),
            sample("SquaredDifference", tf -> broadcastSample(tf, tf::squaredDifference)),
            sample("Equal", tf -> broadcastSample(tf, tf::equal)),
            sample("NotEqual", tf -> broadcastSample(tf, tf::notEqual)),
            sample("Less", tf -> broadcastSample(tf, tf::less)),
            sample("LessEqual", tf -> broadcastSample(tf, tf::lessEqual)),
            sample("Greater", tf -> broadcastSample(tf, tf::greater)),
            sample("GreaterEqual", tf -> broadcastSample(tf, tf::greaterEqual)),
            sample("LogicalAnd", tf -> Sample.of(tf.logicalAnd(tf.constant(randomBooleans(20, 300, 300)),
                    tf.constant(randomBooleans(21, 300))))),
            sample("LogicalOr", tf -> Sample.of(tf.logicalOr(tf.constant(randomBooleans(22, 300, 1)),
                    tf.constant(randomBooleans(23, 300))))),
            sample("LogicalNot", tf -> Sample.of(tf.logicalNot(tf.constant(randomBooleans(24, 300, 300))))),
            // [300, 300] condition, [300] x and [300, 1] y: each operand broadcasts differently.
            sample("Where", tf -> Sample.of(tf.where(tf.constant(randomBooleans(25, 300, 300)),
                    tf.constant(random(26, 300)), tf.constant(random(27, 300, 1))))),
            // A [300, 300] dz masked by a broadcast [300] x: half the mask is open.
            sample("ReluGrad", tf -> Sample.of(tf.reluGrad(tf.constant(random(28, 300, 300)),
                    tf.constant(random(29, 300))))));

    private BinarySamples() {}
}
