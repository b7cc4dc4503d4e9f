package dev.flowgraph.autodiff;

import static dev.flowgraph.autodiff.GradientSamples.sample;

import dev.flowgraph.DType;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import java.util.Map;
import java.util.function.Function;

/**
 * Gradient samples of the array ops. Several inputs have an unknown static batch dimension
 * ({@code [-1, n]}), so that the gradient has to restore the shape fed at run time.
 */
final class ArrayGradientSamples {
    static final Map<String, Function<Ops, GradientSample>> SAMPLES = Map.ofEntries(
            sample("Reshape", tf -> {
                SampleInputs in = new SampleInputs(tf);
                return in.of(tf.reshape(in.unknown(1, Shape.of(-1, 6), 2, 6), 3, -1));
            }),
            sample("ReshapeLike", tf -> {
                SampleInputs in = new SampleInputs(tf);
                return in.of(tf.reshapeLike(in.unknown(1, Shape.of(-1, 6), 2, 6),
                        tf.constant(Tensor.zeros(DType.INT32, Shape.of(3, 4)))));
            }),
            sample("Transpose", tf -> {
                SampleInputs in = new SampleInputs(tf);
                return in.of(tf.transpose(in.input(1, 2, 3, 4), -1, 0, 1));
            }),
            sample("ExpandDims", tf -> {
                SampleInputs in = new SampleInputs(tf);
                return in.of(tf.expandDims(in.unknown(1, Shape.of(-1, 3), 2, 3), -1));
            }),
            sample("Squeeze", tf -> {
                SampleInputs in = new SampleInputs(tf);
                return in.of(tf.squeeze(in.unknown(1, Shape.of(-1, 1, 3), 2, 1, 3), -2));
            }),
            sample("Concat", tf -> {
                // The batch is unknown, and so is the last input's extent along the joined axis.
                SampleInputs in = new SampleInputs(tf);
                return in.of(tf.concat(-1, in.unknown(1, Shape.of(-1, 3), 2, 3), in.unknown(2, Shape.of(-1, 2), 2, 2),
                        in.unknown(3, Shape.of(-1, -1), 2, 1)));
            }),
            sample("Stack", tf -> {
                SampleInputs in = new SampleInputs(tf);
                return in.of(tf.stack(-1, in.unknown(1, Shape.of(-1, 3), 2, 3), in.input(2, 2, 3),
                        in.input(3, 2, 3)));
            }),
            sample("Slice", tf -> {
                SampleInputs in = new SampleInputs(tf);
                return in.of(tf.slice(in.unknown(1, Shape.of(-1, 5), 3, 5), new long[] {1, 1}, new long[] {-1, 3}));
            }),
            sample("Pad", tf -> {
                SampleInputs in = new SampleInputs(tf);
                return in.of(tf.pad(in.unknown(1, Shape.of(-1, 3), 2, 3), new long[] {1, 0}, new long[] {0, 2}));
            }),
            sample("Gather", tf -> {
                // Rows 2 and 0 are picked twice, so their gradients add up.
                SampleInputs in = new SampleInputs(tf);
                return in.of(tf.gather(in.input(1, 4, 3), tf.constant(Tensor.of(new int[] {2, 0, 2, 0, 3},
                        Shape.of(5))), 0));
            }),
            sample("ScatterAdd", tf -> {
                SampleInputs in = new SampleInputs(tf);
                return in.of(tf.scatterAdd(tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(3, 4))),
                        tf.constant(Tensor.of(new long[] {3, 1, 3}, Shape.of(3))), in.input(1, 3, 3), -1));
            }),
            sample("Tile", tf -> {
                SampleInputs in = new SampleInputs(tf);
                return in.of(tf.tile(in.unknown(1, Shape.of(-1, 3), 2, 3), 2, 3));
            }));

    private ArrayGradientSamples() {}
}
