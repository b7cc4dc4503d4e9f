package dev.flowgraph.ops;

import static dev.flowgraph.ops.OpSamples.random;
import static dev.flowgraph.ops.OpSamples.sample;

import dev.flowgraph.DType;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.OpSamples.Sample;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * {@link OpContractTest} samples of the elementwise unary math ops and cast; see {@link OpSamples}.
 * Each is a 300x300 input (several 16,384-element blocks); the dtypes vary between samples so
 * that every kernel path (float, double, int, long, the casts) runs at 1 and at 4 threads.
 */
final class UnarySamples {
    private static final int ROWS = 300;
    private static final int COLS = 300;

    static final Map<String, Function<Ops, Sample>> SAMPLES = Map.ofEntries(
            sample("Abs", tf -> unary(tf, tf::abs, ints(31))),
            sample("Sign", tf -> unary(tf, tf::sign, floats(32))),
            sample("Square", tf -> unary(tf, tf::square, longs(33))),
            sample("Sqrt", tf -> unary(tf, tf::sqrt, scaled(34, 100))),
            sample("Rsqrt", tf -> unary(tf, tf::rsqrt, floats(35))),
            sample("Exp", tf -> unary(tf, tf::exp, scaled(36, 50))),
            sample("Log", tf -> unary(tf, tf::log, scaled(37, 10))),
            sample("Log1p", tf -> unary(tf, tf::log1p, floats(38))),
            sample("Sin", tf -> unary(tf, tf::sin, scaled(39, 1e3))),
            sample("Cos", tf -> unary(tf, tf::cos, floats(40))),
            sample("Tanh", tf -> unary(tf, tf::tanh, scaled(41, 30))),
            sample("Sigmoid", tf -> unary(tf, tf::sigmoid, scaled(42, 800))),
            sample("Relu", tf -> unary(tf, tf::relu, ints(43))),
            sample("LeakyRelu", tf -> unary(tf, x -> tf.leakyRelu(x, 0.1), floats(44))),
            sample("Softplus", tf -> unary(tf, tf::softplus, scaled(45, 800))),
            sample("Reciprocal", tf -> unary(tf, tf::reciprocal, random(46, ROWS, COLS))),
            sample("Floor", tf -> unary(tf, tf::floor, scaled(47, 10))),
            sample("Ceil", tf -> unary(tf, tf::ceil, floats(48))),
            sample("Round", tf -> unary(tf, tf::round, scaled(49, 10))),
            // Doubles in [-1000, 1000) to INT32: truncation toward zero on every element.
            sample("Cast", tf -> unary(tf, x -> tf.cast(x, DType.INT32), scaled(50, 1000))));

    private UnarySamples() {}

    /** The op applied to a fed placeholder of unknown first dimension, so that shapes are inferred too. */
    private static Sample unary(Ops tf, Function<Output, Output> op, Tensor x) {
        Output in = tf.placeholder("x", x.dtype(), Shape.of(-1, COLS));
        return new Sample(op.apply(in), Map.of("x", x));
    }

    /** FLOAT64 values in [-scale, scale). */
    private static Tensor scaled(long seed, double scale) {
        double[] v = random(seed, ROWS, COLS).toDoubleArray();
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return Tensor.of(v, Shape.of(ROWS, COLS));
    }

    /** FLOAT32 values in [-1, 1). */
    private static Tensor floats(long seed) {
        double[] v = random(seed, ROWS, COLS).toDoubleArray();
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return Tensor.of(f, Shape.of(ROWS, COLS));
    }

    /** INT32 values over the whole range, MIN_VALUE included. */
    private static Tensor ints(long seed) {
        Random r = new Random(seed);
        int[] v = new int[ROWS * COLS];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextInt();
        }
        v[0] = Integer.MIN_VALUE;
        return Tensor.of(v, Shape.of(ROWS, COLS));
    }

    /** INT64 values over the whole range, so that squares wrap. */
    private static Tensor longs(long seed) {
        Random r = new Random(seed);
        long[] v = new long[ROWS * COLS];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextLong();
        }
        return Tensor.of(v, Shape.of(ROWS, COLS));
    }
}
