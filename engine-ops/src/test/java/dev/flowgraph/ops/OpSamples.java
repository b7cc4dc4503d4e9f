package dev.flowgraph.ops;

import dev.flowgraph.DType;
import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/**
 * One sample node per registered op type, for {@link OpContractTest}. A sample is built in a
 * fresh graph and is large enough to span several {@code parallelFor} blocks (300x300
 * elementwise, 200x150 · 150x170 matmul), so that the pool size could matter. Adding an op means
 * adding its sample here or in its family's samples ({@link UnarySamples}, {@link BinarySamples},
 * {@link ArraySamples}, {@link NnSamples}, {@link TrainSamples}).
 */
final class OpSamples {
    /**
     * A sample node, the output to fetch and the values to feed for it, and the targets to run
     * first, each in its own run of the same session (variable initialisers, say).
     *
     * @param output the output to fetch
     * @param feeds values by output address, for the fetching run
     * @param setup the targets to run first, in order
     * @param node the node of the op under test: the output's node, or a target among the setup
     *     runs for an op with no outputs, whose effect the output shows
     */
    record Sample(Output output, Map<String, Tensor> feeds, List<Node> setup, Node node) {
        Sample(Output output, Map<String, Tensor> feeds) {
            this(output, feeds, List.of(), output.node());
        }

        static Sample of(Output output) {
            return new Sample(output, Map.of());
        }

        static Sample after(List<Node> setup, Output output) {
            return new Sample(output, Map.of(), setup, output.node());
        }
    }

    private static final int ROWS = 300;
    private static final int COLS = 300;

    private static final Map<String, Function<Ops, Sample>> SAMPLES = Map.ofEntries(
            sample("Const", tf -> Sample.of(tf.constant(random(1, ROWS, COLS)))),
            sample("Placeholder", tf -> new Sample(tf.placeholder("x", DType.FLOAT64, Shape.of(-1, COLS)),
                    Map.of("x", random(2, ROWS, COLS)))),
            sample("Add", tf -> broadcastSample(tf, tf::add)),
            sample("Sub", tf -> broadcastSample(tf, tf::sub)),
            sample("Mul", tf -> broadcastSample(tf, tf::mul)),
            sample("Div", tf -> broadcastSample(tf, tf::div)),
            sample("Neg", tf -> Sample.of(tf.neg(tf.constant(random(3, ROWS, COLS))))),
            sample("MatMul", tf -> Sample.of(tf.matMul(tf.constant(random(4, 200, 150)),
                    tf.constant(random(5, 150, 170))))),
            sample("Identity", tf -> Sample.of(tf.identity(tf.constant(randomBooleans(6, ROWS, COLS))))),
            // Reductions of 300x300 over either axis span several 65,536-element blocks.
            sample("Sum", tf -> Sample.of(tf.sum(tf.constant(random(9, ROWS, COLS)), new int[] {0}, true))),
            sample("Mean", tf -> Sample.of(tf.mean(tf.constant(random(10, ROWS, COLS)), new int[] {1}, false))),
            sample("Max", tf -> Sample.of(tf.max(tf.constant(random(11, ROWS, COLS)), new int[] {0}, false))),
            sample("Min", tf -> Sample.of(tf.min(tf.constant(random(12, ROWS, COLS)), new int[] {-1}, true))),
            sample("Prod", tf -> Sample.of(tf.prod(tf.constant(random(13, ROWS, COLS)), new int[] {0}, false))),
            sample("ArgMax", tf -> Sample.of(tf.argMax(tf.constant(random(14, ROWS, COLS)), 1))),
            sample("ArgMin", tf -> Sample.of(tf.argMin(tf.constant(random(15, ROWS, COLS)), 0))),
            sample("SumTo", tf -> Sample.of(tf.sumTo(tf.constant(random(16, ROWS, COLS)),
                    tf.constant(random(17, ROWS, 1))))));

    static Map.Entry<String, Function<Ops, Sample>> sample(String opType, Function<Ops, Sample> build) {
        return Map.entry(opType, build);
    }

    private OpSamples() {}

    /**
     * Returns the sample builder of an op type.
     *
     * @param opType the op type
     * @return a function that adds the sample to a graph, or empty if the type has none
     */
    static Optional<Function<Ops, Sample>> forType(String opType) {
        for (Map<String, Function<Ops, Sample>> family : List.of(SAMPLES, UnarySamples.SAMPLES,
                BinarySamples.SAMPLES, ArraySamples.SAMPLES, NnSamples.SAMPLES, TrainSamples.SAMPLES)) {
            if (family.containsKey(opType)) {
                return Optional.of(family.get(opType));
            }
        }
        return Optional.empty();
    }

    /** A fed {@code [-1, COLS]} operand with a constant {@code [COLS]} one, so that both broadcast. */
    static Sample broadcastSample(Ops tf, java.util.function.BinaryOperator<Output> op) {
        Output x = tf.placeholder("x", DType.FLOAT64, Shape.of(-1, COLS));
        Output y = tf.constant(random(7, COLS));
        return new Sample(op.apply(x, y), Map.of("x", random(8, ROWS, COLS)));
    }

    /** FLOAT64 values in [-1, 1), none of them zero. */
    static Tensor random(long seed, long... dims) {
        Random r = new Random(seed);
        double[] data = new double[(int) Shape.of(dims).size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = r.nextDouble() * 2 - 1;
            if (data[i] == 0) {
                data[i] = 0.5;
            }
        }
        return Tensor.of(data, Shape.of(dims));
    }

    static Tensor randomBooleans(long seed, long... dims) {
        Random r = new Random(seed);
        boolean[] data = new boolean[(int) Shape.of(dims).size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = r.nextBoolean();
        }
        return Tensor.of(data, Shape.of(dims));
    }
}
