package dev.flowgraph.autodiff;

import static dev.flowgraph.autodiff.GradientSamples.binary;
import static dev.flowgraph.autodiff.GradientSamples.sample;
import static dev.flowgraph.autodiff.GradientSamples.unary;

import dev.flowgraph.DType;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * FLOAT64 gradient samples of the math family, for {@link GradientContractTest}. Inputs stay far
 * (at least 0.1) from kinks, jumps and poles compared with the finite-difference step of 1e-6:
 * log, sqrt and the divisors in [0.5, 2), the piecewise ops on {@link #awayFromJumps} values, and
 * maximum, minimum and mod on seeds whose values have no near-ties (checked by the test passing,
 * since a tie within the step would break the finite differences).
 */
final class MathGradientSamples {
    static final Map<String, Function<Ops, GradientSample>> SAMPLES = Map.ofEntries(
            sample("Div", tf -> positiveRight(tf, tf::div)),
            sample("Pow", tf -> {
                GradientSample.Builder b = new GradientSample.Builder(tf);
                return b.of(tf.pow(b.input(1, 0.5, 2, 3, 4), b.input(2, -1.5, 1.5, 3, 1)));
            }),
            sample("Maximum", tf -> binary(tf, tf::maximum)),
            sample("Minimum", tf -> binary(tf, tf::minimum)),
            sample("Mod", tf -> {
                GradientSample.Builder b = new GradientSample.Builder(tf);
                return b.of(tf.mod(b.input(1, -3.0, 3.0, 3, 4), b.input(2, 0.5, 2, 4)));
            }),
            sample("SquaredDifference", tf -> binary(tf, tf::squaredDifference)),
            sample("Where", tf -> {
                GradientSample.Builder b = new GradientSample.Builder(tf);
                Output cond = tf.less(tf.constant(GradientSample.uniform(7, -1, 1, 3, 4)), tf.constant(0.0));
                return b.of(tf.where(cond, b.input(1, 3, 4), b.input(2, 4)));
            }),
            // Differentiated in dz only: x is a constant, so no finite difference crosses x = 0.
            sample("ReluGrad", tf -> {
                GradientSample.Builder b = new GradientSample.Builder(tf);
                return b.of(tf.reluGrad(b.input(1, 3, 4), tf.constant(GradientSample.uniform(8, -1, 1, 4))));
            }),
            sample("Abs", tf -> awayFromJumps(tf, tf::abs)),
            sample("Sign", tf -> awayFromJumps(tf, tf::sign)),
            sample("Relu", tf -> awayFromJumps(tf, tf::relu)),
            sample("LeakyRelu", tf -> awayFromJumps(tf, x -> tf.leakyRelu(x, 0.1))),
            sample("Floor", tf -> awayFromJumps(tf, tf::floor)),
            sample("Ceil", tf -> awayFromJumps(tf, tf::ceil)),
            sample("Round", tf -> awayFromJumps(tf, tf::round)),
            sample("Square", tf -> unary(tf, tf::square)),
            sample("Exp", tf -> unary(tf, tf::exp)),
            sample("Sin", tf -> unary(tf, tf::sin)),
            sample("Cos", tf -> unary(tf, tf::cos)),
            sample("Tanh", tf -> unary(tf, tf::tanh)),
            sample("Sigmoid", tf -> unary(tf, tf::sigmoid)),
            sample("Softplus", tf -> unary(tf, tf::softplus)),
            sample("Sqrt", tf -> positive(tf, tf::sqrt)),
            sample("Rsqrt", tf -> positive(tf, tf::rsqrt)),
            sample("Log", tf -> positive(tf, tf::log)),
            sample("Reciprocal", tf -> positive(tf, tf::reciprocal)),
            sample("Log1p", tf -> {
                GradientSample.Builder b = new GradientSample.Builder(tf);
                return b.of(tf.log1p(b.input(1, -0.5, 1, 3, 4)));
            }),
            // The check's loss is FLOAT64, so the sample casts to FLOAT64; MathGradientsTest covers FLOAT32.
            sample("Cast", tf -> unary(tf, x -> tf.cast(x, DType.FLOAT64))));

    private MathGradientSamples() {}

    /** A [3, 4] operand in [-1, 1) with a broadcast [4] one in [0.5, 2), away from 0. */
    private static GradientSample positiveRight(Ops tf, java.util.function.BinaryOperator<Output> op) {
        GradientSample.Builder b = new GradientSample.Builder(tf);
        return b.of(op.apply(b.input(1, 3, 4), b.input(2, 0.5, 2, 4)));
    }

    /** One [3, 4] operand in [0.5, 2). */
    private static GradientSample positive(Ops tf, UnaryOperator<Output> op) {
        GradientSample.Builder b = new GradientSample.Builder(tf);
        return b.of(op.apply(b.input(1, 0.5, 2, 3, 4)));
    }

    /**
     * One [3, 4] operand whose values have magnitudes in [0.1, 0.4) and both signs (the placeholder
     * times a constant of ±1): at least 0.1 from the jumps of sign, floor, ceil and round (0, the
     * integers, ±0.5) and from the kinks of abs and the relus (0).
     */
    private static GradientSample awayFromJumps(Ops tf, UnaryOperator<Output> op) {
        GradientSample.Builder b = new GradientSample.Builder(tf);
        double[] signs = {1, -1, -1, 1, -1, 1, 1, -1, 1, 1, -1, -1};
        return b.of(op.apply(tf.mul(b.input(1, 0.1, 0.4, 3, 4), tf.constant(Tensor.of(signs, Shape.of(3, 4))))));
    }
}
