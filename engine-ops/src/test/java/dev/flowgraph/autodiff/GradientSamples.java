package dev.flowgraph.autodiff;

import dev.flowgraph.ops.Ops;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One small FLOAT64 gradient sample per differentiable op type, for {@link GradientContractTest}.
 * Samples broadcast where the op does, and keep inputs away from kinks and poles (abs at 0, log at
 * 0) by more than the finite-difference step. A family's samples live in its own file.
 */
final class GradientSamples {
    static final Map<String, Function<Ops, GradientSample>> CORE = Map.ofEntries(
            sample("Add", tf -> binary(tf, tf::add)),
            sample("Sub", tf -> binary(tf, tf::sub)),
            sample("Mul", tf -> binary(tf, tf::mul)),
            sample("Neg", tf -> unary(tf, tf::neg)),
            sample("Identity", tf -> unary(tf, tf::identity)),
            sample("OnesLike", tf -> unary(tf, tf::onesLike)),
            sample("ZerosLike", tf -> unary(tf, tf::zerosLike)),
            sample("Sum", tf -> unary(tf, x -> tf.sum(x, new int[] {-1}, false))),
            sample("SumTo", tf -> {
                GradientSample.Builder b = new GradientSample.Builder(tf);
                return b.of(tf.sumTo(b.input(1, 3, 4), b.input(2, 3, 1)));
            }));

    private GradientSamples() {}

    static Map.Entry<String, Function<Ops, GradientSample>> sample(String opType,
            Function<Ops, GradientSample> build) {
        return Map.entry(opType, build);
    }

    /**
     * Returns the gradient sample of an op type.
     *
     * @param opType the op type
     * @return the sample's builder, or empty if the type has none
     */
    static Optional<Function<Ops, GradientSample>> forType(String opType) {
        for (Map<String, Function<Ops, GradientSample>> family : List.of(
                CORE,
                MathGradientSamples.SAMPLES,
                ReduceGradientSamples.SAMPLES,
                ArrayGradientSamples.SAMPLES,
                LinalgGradientSamples.SAMPLES,
                NnGradientSamples.SAMPLES)) {
            if (family.containsKey(opType)) {
                return Optional.of(family.get(opType));
            }
        }
        return Optional.empty();
    }

    /** A [3, 4] operand with a broadcast [4] one. */
    static GradientSample binary(Ops tf, java.util.function.BinaryOperator<dev.flowgraph.Output> op) {
        GradientSample.Builder b = new GradientSample.Builder(tf);
        return b.of(op.apply(b.input(1, 3, 4), b.input(2, 4)));
    }

    /** One [3, 4] operand in [-1, 1). */
    static GradientSample unary(Ops tf, java.util.function.UnaryOperator<dev.flowgraph.Output> op) {
        GradientSample.Builder b = new GradientSample.Builder(tf);
        return b.of(op.apply(b.input(1, 3, 4)));
    }
}
