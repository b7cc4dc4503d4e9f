package dev.flowgraph.ops;

import static dev.flowgraph.ops.OpSamples.random;
import static dev.flowgraph.ops.OpSamples.randomBooleans;
import static dev.flowgraph.ops.OpSamples.sample;

import dev.flowgraph.DType;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.OpSamples.Sample;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/** {@link OpContractTest} samples of the array ops (reshaping, joining, indexing, filling); see {@link OpSamples}. */
final class ArraySamples {
    static final Map<String, Function<Ops, Sample>> SAMPLES = Map.ofEntries(
            sample("Reshape", tf -> Sample.of(tf.reshape(tf.constant(random(101, 300, 300)), 900, -1))),
            sample("ReshapeLike", tf -> Sample.of(tf.reshapeLike(tf.constant(random(118, 300, 300)),
                    tf.constant(randomBooleans(119, 900, 100))))),
            sample("Transpose", tf -> Sample.of(tf.transpose(tf.constant(random(102, 300, 300))))),
            sample("ExpandDims", tf -> Sample.of(tf.expandDims(tf.constant(randomBooleans(103, 300, 300)), -1))),
            sample("Squeeze", tf -> Sample.of(tf.squeeze(tf.constant(random(104, 300, 1, 300))))),
            sample("Concat", tf -> Sample.of(tf.concat(1, tf.constant(random(105, 300, 300)),
                    tf.constant(random(106, 300, 100))))),
            sample("Stack", tf -> Sample.of(tf.stack(1, tf.constant(random(107, 300, 300)),
                    tf.constant(random(108, 300, 300))))),
            sample("Slice", tf -> Sample.of(tf.slice(tf.constant(random(109, 300, 300)), new long[] {10, 20},
                    new long[] {250, -1}))),
            sample("Pad", tf -> Sample.of(tf.pad(tf.constant(random(120, 300, 300)), new long[] {3, 0},
                    new long[] {5, 7}))),
            sample("Gather", tf -> Sample.of(tf.gather(tf.constant(random(110, 300, 300)),
                    tf.constant(randomIndices(111, 400, 0, 300)), 1))),
            // 400 indices into 300 columns: many repeat, and their rows add up.
            sample("ScatterAdd", tf -> Sample.of(tf.scatterAdd(tf.constant(random(121, 300, 300)),
                    tf.constant(randomIndices(122, 400, 0, 300)), tf.constant(random(123, 300, 400)), 1))),
            // Indices from -1 to 309 include some outside [0, 300), which give zero rows.
            sample("OneHot", tf -> Sample.of(tf.oneHot(tf.constant(randomIndices(112, 300, -1, 310)), 300))),
            sample("Fill", tf -> Sample.of(tf.fill(Shape.of(300, 300), Tensor.scalar(2.5f)))),
            sample("ZerosLike", tf -> Sample.of(tf.zerosLike(tf.constant(random(113, 300, 300))))),
            sample("OnesLike", tf -> Sample.of(tf.onesLike(tf.constant(randomBooleans(114, 300, 300))))),
            sample("Shape", tf -> {
                Output x = tf.placeholder("x", DType.FLOAT64, Shape.of(-1, 300));
                return new Sample(tf.shape(x), Map.of("x", random(115, 300, 300)));
            }),
            sample("Size", tf -> {
                Output x = tf.placeholder("x", DType.FLOAT64, Shape.of(-1, 300));
                return new Sample(tf.size(x), Map.of("x", random(116, 300, 300)));
            }),
            sample("Range", tf -> Sample.of(tf.range(-1000.0, 44000.0, 0.5))),
            sample("Tile", tf -> Sample.of(tf.tile(tf.constant(random(117, 30, 20)), 10, 15))));

    private ArraySamples() {}

    /** An INT64 vector of {@code n} values drawn from {@code [low, high)}. */
    static Tensor randomIndices(long seed, int n, long low, long high) {
        Random r = new Random(seed);
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = low + (long) (r.nextDouble() * (high - low));
        }
        return Tensor.vector(v);
    }
}
