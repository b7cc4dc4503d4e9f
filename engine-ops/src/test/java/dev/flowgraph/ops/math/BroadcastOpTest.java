package dev.flowgraph.ops.math;

import static dev.flowgraph.ops.TestRuns.eval;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.KernelTuning;
import dev.flowgraph.spi.TensorBuffers;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link BroadcastOp} driver's two paths give the same bits: a node of at most
 * {@link KernelTuning#ELEMENTWISE_GRAIN} elements runs its one block directly (with the shared
 * unit-stride index when the shapes are equal, or a broadcast index otherwise), while a larger
 * node goes through {@code parallelFor} in blocks. Each case computes a small broadcast result
 * on the direct path, then the same elements again as the head of operands that are broadcast
 * by hand to the result's shape and padded past one block, so they take the block path on a pool
 * of two threads; the heads must be equal element for element, on every dtype the op takes.
 */
class BroadcastOpTest {
    /** Past one block, so the padded operands take parallelFor's path. */
    private static final int PAD = KernelTuning.ELEMENTWISE_GRAIN + 7;

    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);

    /** Operand shapes of binary cases: equal, scalar, trailing-axis and both-sided broadcasting. */
    private static final long[][][] BINARY_SHAPES = {
        {{}, {}}, {{5}, {5}}, {{2, 3}, {2, 3}}, {{2, 3}, {3}}, {{2, 3}, {}}, {{}, {4}}, {{4, 1}, {1, 3}},
        {{3, 1}, {3}},
    };

    static Stream<Arguments> binaryCases() {
        List<Arguments> cases = new ArrayList<>();
        Map<String, BiFunction<Ops, Output[], Output>> ops = Map.of(
                "add", (tf, in) -> tf.add(in[0], in[1]),
                "sub", (tf, in) -> tf.sub(in[0], in[1]),
                "mul", (tf, in) -> tf.mul(in[0], in[1]),
                "div", (tf, in) -> tf.div(in[0], in[1]),
                "maximum", (tf, in) -> tf.maximum(in[0], in[1]),
                "squaredDifference", (tf, in) -> tf.squaredDifference(in[0], in[1]),
                "greater", (tf, in) -> tf.greater(in[0], in[1]),
                "equal", (tf, in) -> tf.equal(in[0], in[1]));
        for (var op : ops.entrySet()) {
            for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64, DType.INT32, DType.INT64}) {
                for (long[][] shapes : BINARY_SHAPES) {
                    cases.add(Arguments.of(op.getKey(), op.getValue(), new DType[] {dtype, dtype}, shapes));
                }
            }
        }
        for (long[][] shapes : BINARY_SHAPES) {
            cases.add(Arguments.of("logicalAnd", (BiFunction<Ops, Output[], Output>) (tf, in) -> tf.logicalAnd(in[0],
                    in[1]), new DType[] {DType.BOOL, DType.BOOL}, shapes));
        }
        // Three operands: where(cond, x, y) on every dtype, and one operand: logicalNot.
        long[][][] whereShapes = {{{}, {}, {}}, {{4}, {4}, {4}}, {{2, 3}, {3}, {}}, {{2, 1}, {1, 3}, {3}}};
        for (DType dtype : DType.values()) {
            for (long[][] shapes : whereShapes) {
                cases.add(Arguments.of("where", (BiFunction<Ops, Output[], Output>) (tf, in) -> tf.where(in[0], in[1],
                        in[2]), new DType[] {DType.BOOL, dtype, dtype}, shapes));
            }
        }
        for (long[] shape : new long[][] {{}, {6}, {2, 3}}) {
            cases.add(Arguments.of("logicalNot", (BiFunction<Ops, Output[], Output>) (tf, in) -> tf.logicalNot(in[0]),
                    new DType[] {DType.BOOL}, new long[][] {shape}));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, case {index}")
    @MethodSource("binaryCases")
    void directBlockEqualsParallelBlocks(String name, BiFunction<Ops, Output[], Output> op, DType[] dtypes,
            long[][] shapes) {
        Random random = new Random(name.hashCode() * 31L + dtypes[dtypes.length - 1].ordinal());
        int k = shapes.length;
        long[] outDims = {};
        for (long[] s : shapes) {
            outDims = Shape.broadcast(Shape.of(outDims), Shape.of(s)).dims();
        }
        int n = (int) Shape.of(outDims).size();
        Output[] small = new Output[k];
        Output[] padded = new Output[k];
        for (int i = 0; i < k; i++) {
            // Divisors (the last operand of a binary op) stay in 1..5, so integer division never fails.
            boolean divisor = i == k - 1 && k == 2;
            double[] values = values(random, (int) Shape.of(shapes[i]).size(), divisor);
            small[i] = tf.constant(tensor(dtypes[i], Shape.of(shapes[i]), values));
            double[] spread = new double[n + PAD];
            double[] broadcast = broadcast(values, shapes[i], outDims);
            System.arraycopy(broadcast, 0, spread, 0, n);
            System.arraycopy(values(random, PAD, divisor), 0, spread, n, PAD);
            padded[i] = tf.constant(tensor(dtypes[i], Shape.of(n + PAD), spread));
        }
        Tensor direct = eval(op.apply(tf, small));
        Tensor blocks = eval(op.apply(tf, padded), 2, Map.of());
        assertEquals(Shape.of(outDims), direct.shape());
        Object d = TensorBuffers.array(direct);
        Object b = TensorBuffers.array(blocks);
        for (int i = 0; i < n; i++) {
            // Boxed equals compares floats by their bits (NaN equal to NaN, 0.0 not to -0.0).
            assertEquals(Array.get(b, i), Array.get(d, i), "element " + i);
        }
    }

    /** Values with a fractional part on floats; 1 to 5 for a divisor, else -4 to 4 (halves). */
    private static double[] values(Random random, int n, boolean divisor) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = divisor ? 1 + random.nextInt(5) + random.nextInt(2) * 0.5 : random.nextInt(17) / 2.0 - 4;
        }
        return v;
    }

    /** NumPy's broadcast of a row-major operand to {@code outDims}, by hand. */
    private static double[] broadcast(double[] values, long[] dims, long[] outDims) {
        int n = (int) Shape.of(outDims).size();
        double[] out = new double[n];
        for (int flat = 0; flat < n; flat++) {
            int rest = flat;
            int source = 0;
            int stride = 1;
            for (int a = outDims.length - 1, b = dims.length - 1; a >= 0; a--, b--) {
                int coord = rest % (int) outDims[a];
                rest /= (int) outDims[a];
                if (b >= 0) {
                    source += (dims[b] == 1 ? 0 : coord) * stride;
                    stride *= (int) dims[b];
                }
            }
            out[flat] = values[source];
        }
        return out;
    }

    private static Tensor tensor(DType dtype, Shape shape, double[] v) {
        Function<double[], Tensor> make = switch (dtype) {
            case FLOAT64 -> a -> Tensor.of(a, shape);
            case FLOAT32 -> a -> {
                float[] f = new float[a.length];
                for (int i = 0; i < a.length; i++) {
                    f[i] = (float) a[i];
                }
                return Tensor.of(f, shape);
            };
            case INT32 -> a -> {
                int[] f = new int[a.length];
                for (int i = 0; i < a.length; i++) {
                    f[i] = (int) Math.floor(a[i]);
                }
                return Tensor.of(f, shape);
            };
            case INT64 -> a -> {
                long[] f = new long[a.length];
                for (int i = 0; i < a.length; i++) {
                    f[i] = (long) Math.floor(a[i]);
                }
                return Tensor.of(f, shape);
            };
            case BOOL -> a -> {
                boolean[] f = new boolean[a.length];
                for (int i = 0; i < a.length; i++) {
                    f[i] = a[i] > 0;
                }
                return Tensor.of(f, shape);
            };
        };
        return make.apply(v);
    }
}
