package dev.flowgraph.ops.math;

import static dev.flowgraph.ops.TestRuns.eval;
import static dev.flowgraph.ops.math.AddTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.GraphBuildException;
import dev.flowgraph.KernelException;
import dev.flowgraph.Output;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.TestRuns;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pow, Maximum, Minimum, Mod and SquaredDifference: hand-computed values, broadcasting, scalars,
 * empty tensors, run-time failures of integer pow and mod, and the build-time refusals they share.
 * NumPy's results on edge operands are checked in {@link BinaryGoldenTest}.
 */
class BinaryArithmeticTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);

    private Output c(Tensor t) {
        return tf.constant(t);
    }

    @Test
    void powOnEveryDType() {
        // 2^3 = 8, 9^0.5 = 3, 4^-1 = 0.25.
        assertArrayEquals(new float[] {8f, 3f, 0.25f},
                eval(tf.pow(c(Tensor.vector(2f, 9f, 4f)), c(Tensor.vector(3f, 0.5f, -1f)))).toFloatArray());
        assertArrayEquals(new double[] {8, 3, 0.25},
                eval(tf.pow(c(Tensor.vector(2.0, 9.0, 4.0)), c(Tensor.vector(3.0, 0.5, -1.0)))).toDoubleArray());
        // (-3)^3 = -27, 5^0 = 1, 0^0 = 1, 2^31 = 2147483648 wraps to -2^31 in int32.
        assertArrayEquals(new int[] {-27, 1, 1, Integer.MIN_VALUE},
                eval(tf.pow(c(Tensor.vector(-3, 5, 0, 2)), c(Tensor.vector(3, 0, 0, 31)))).toIntArray());
        // 10^18 fits in int64; 2^64 wraps to 0; (-1)^63 = -1.
        assertArrayEquals(new long[] {1_000_000_000_000_000_000L, 0, -1},
                eval(tf.pow(c(Tensor.vector(10L, 2L, -1L)), c(Tensor.vector(18L, 64L, 63L)))).toLongArray());
    }

    @Test
    void powOfANegativeBaseToAFractionIsNaN() {
        assertEquals(Double.NaN, eval(tf.pow(tf.constant(-8.0), tf.constant(1.0 / 3))).getDouble());
    }

    @Test
    void integerPowWithANegativeExponentFailsTheRunNamingTheNode() {
        Output x = tf.placeholder("x", DType.INT64, Shape.of(2));
        tf.withName("power").pow(x, tf.constant(Tensor.vector(2L, -1L)));
        try (Session s = new Session(g, 1)) {
            KernelException e = assertThrows(KernelException.class,
                    () -> s.runner().feed("x", Tensor.vector(3L, 2L)).fetch("power").run());
            assertEquals("power", e.nodeName());
            assertEquals("Pow", e.opType());
            assertMessage(e, "'power'", "Pow", "negative exponent -1", "cast to a float dtype first");
        }
        tf.withName("power32").pow(tf.constant(Tensor.vector(1, 2)), tf.constant(-2));
        try (Session s = new Session(g, 1)) {
            KernelException e = assertThrows(KernelException.class, () -> s.runner().fetch("power32").run());
            assertMessage(e, "'power32'", "Pow", "negative exponent -2");
        }
    }

    @Test
    void maximumAndMinimumOnEveryDType() {
        Output f = c(Tensor.vector(1f, -2f, Float.NaN));
        Output f2 = c(Tensor.vector(-1f, 5f, 0f));
        assertArrayEquals(new float[] {1f, 5f, Float.NaN}, eval(tf.maximum(f, f2)).toFloatArray());
        assertArrayEquals(new float[] {-1f, -2f, Float.NaN}, eval(tf.minimum(f, f2)).toFloatArray());
        Output d = c(Tensor.vector(0.5, Double.NEGATIVE_INFINITY, 3.0));
        Output d2 = c(Tensor.vector(0.25, -1e308, Double.NaN));
        assertArrayEquals(new double[] {0.5, -1e308, Double.NaN}, eval(tf.maximum(d, d2)).toDoubleArray());
        assertArrayEquals(new double[] {0.25, Double.NEGATIVE_INFINITY, Double.NaN}, eval(tf.minimum(d, d2)).toDoubleArray());
        Output i = c(Tensor.vector(Integer.MIN_VALUE, 7));
        Output i2 = c(Tensor.vector(Integer.MAX_VALUE, -7));
        assertArrayEquals(new int[] {Integer.MAX_VALUE, 7}, eval(tf.maximum(i, i2)).toIntArray());
        assertArrayEquals(new int[] {Integer.MIN_VALUE, -7}, eval(tf.minimum(i, i2)).toIntArray());
        Output l = c(Tensor.vector(Long.MIN_VALUE, 1L << 40));
        Output l2 = c(Tensor.vector(0L, 1L << 41));
        assertArrayEquals(new long[] {0, 1L << 41}, eval(tf.maximum(l, l2)).toLongArray());
        assertArrayEquals(new long[] {Long.MIN_VALUE, 1L << 40}, eval(tf.minimum(l, l2)).toLongArray());
    }

    @Test
    void modHasTheSignOfTheDivisor() {
        // Python: -7 % 3 = 2, 7 % -3 = -2, -7 % -3 = -1, 7 % 3 = 1.
        Output x = c(Tensor.vector(-7, 7, -7, 7));
        Output y = c(Tensor.vector(3, -3, -3, 3));
        assertArrayEquals(new int[] {2, -2, -1, 1}, eval(tf.mod(x, y)).toIntArray());
        assertArrayEquals(new long[] {2, -2, -1, 1},
                eval(tf.mod(c(Tensor.vector(-7L, 7L, -7L, 7L)), c(Tensor.vector(3L, -3L, -3L, 3L)))).toLongArray());
        // -5.5 % 2 = 0.5 (-5.5 - floor(-2.75) * 2 = -5.5 + 6); 5.5 % -2 = -0.5; 1.25 % 0.5 = 0.25.
        assertArrayEquals(new double[] {0.5, -0.5, 0.25},
                eval(tf.mod(c(Tensor.vector(-5.5, 5.5, 1.25)), c(Tensor.vector(2.0, -2.0, 0.5)))).toDoubleArray());
        assertArrayEquals(new float[] {0.5f, -0.5f, 0.25f},
                eval(tf.mod(c(Tensor.vector(-5.5f, 5.5f, 1.25f)), c(Tensor.vector(2f, -2f, 0.5f)))).toFloatArray());
    }

    @Test
    void floatModByZeroIsNaNAndAZeroResultTakesTheDivisorsSign() {
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, -0.0, 0.0},
                eval(tf.mod(c(Tensor.vector(1.0, 0.0, 6.0, -6.0)), c(Tensor.vector(0.0, 0.0, -3.0, 3.0)))).toDoubleArray());
        assertArrayEquals(new float[] {Float.NaN, -0.0f},
                eval(tf.mod(c(Tensor.vector(-1f, 4f)), c(Tensor.vector(0f, -2f)))).toFloatArray());
    }

    @Test
    void integerModByZeroFailsTheRunNamingTheNode() {
        Output x = tf.placeholder("x", DType.INT32, Shape.of(2));
        tf.withName("remainder").mod(x, tf.constant(Tensor.vector(2, 0)));
        try (Session s = new Session(g, 2)) {
            KernelException e = assertThrows(KernelException.class,
                    () -> s.runner().feed("x", Tensor.vector(5, 6)).fetch("remainder").run());
            assertEquals("remainder", e.nodeName());
            assertEquals("Mod", e.opType());
            assertMessage(e, "'remainder'", "Mod", "integer modulo by zero");
        }
        tf.withName("remainder64").mod(tf.constant(Tensor.vector(5L)), tf.constant(0L));
        try (Session s = new Session(g, 1)) {
            KernelException e = assertThrows(KernelException.class, () -> s.runner().fetch("remainder64").run());
            assertMessage(e, "'remainder64'", "Mod", "integer modulo by zero");
        }
    }

    @Test
    void squaredDifferenceOnEveryDType() {
        // (1.5 - 4)^2 = 6.25, (-1 - 2)^2 = 9.
        assertArrayEquals(new float[] {6.25f, 9f},
                eval(tf.squaredDifference(c(Tensor.vector(1.5f, -1f)), c(Tensor.vector(4f, 2f)))).toFloatArray());
        assertArrayEquals(new double[] {6.25, 9},
                eval(tf.squaredDifference(c(Tensor.vector(1.5, -1.0)), c(Tensor.vector(4.0, 2.0)))).toDoubleArray());
        // (3 - 10)^2 = 49; (2^16 - 0)^2 = 2^32 wraps to 0 in int32.
        assertArrayEquals(new int[] {49, 0},
                eval(tf.squaredDifference(c(Tensor.vector(3, 65536)), c(Tensor.vector(10, 0)))).toIntArray());
        // (2^31 - (-2^31))^2 = (2^32)^2 = 2^64 wraps to 0; (-5 - 5)^2 = 100.
        assertArrayEquals(new long[] {0, 100}, eval(tf.squaredDifference(
                c(Tensor.vector(1L << 31, -5L)), c(Tensor.vector(-(1L << 31), 5L)))).toLongArray());
    }

    @Test
    void broadcastsSizeOneAxesAndScalars() {
        // [2, 1] against [1, 3]: max(col[i], row[j]).
        Tensor out = eval(tf.maximum(c(Tensor.matrix(new double[][] {{1}, {5}})),
                c(Tensor.matrix(new double[][] {{0, 2, 6}}))));
        assertEquals(Tensor.matrix(new double[][] {{1, 2, 6}, {5, 5, 6}}), out);
        // Scalar exponent: [1, 2, 3]^2.
        assertEquals(Tensor.vector(1L, 4L, 9L), eval(tf.pow(c(Tensor.vector(1L, 2L, 3L)), tf.constant(2L))));
        // Scalar dividend: 10 mod [3, -4] = [1, -2].
        assertEquals(Tensor.vector(1, -2), eval(tf.mod(tf.constant(10), c(Tensor.vector(3, -4)))));
        assertEquals(Tensor.scalar(4.0), eval(tf.squaredDifference(tf.constant(1.0), tf.constant(3.0))));
    }

    @Test
    void emptyTensorsGiveEmptyResults() {
        Tensor out = eval(tf.mod(c(Tensor.zeros(DType.INT32, Shape.of(0, 3))), c(Tensor.vector(0, 0, 0))));
        assertEquals(Shape.of(0, 3), out.shape());
        Tensor pow = eval(tf.pow(c(Tensor.zeros(DType.INT64, Shape.of(2, 0))), c(Tensor.vector(-1L))));
        assertEquals(Shape.of(2, 0), pow.shape());
    }

    static Stream<Arguments> ops() {
        return Stream.of(
                Arguments.of("Pow", (BiFunction<Ops, Output[], Output>) (t, a) -> t.pow(a[0], a[1])),
                Arguments.of("Maximum", (BiFunction<Ops, Output[], Output>) (t, a) -> t.maximum(a[0], a[1])),
                Arguments.of("Minimum", (BiFunction<Ops, Output[], Output>) (t, a) -> t.minimum(a[0], a[1])),
                Arguments.of("Mod", (BiFunction<Ops, Output[], Output>) (t, a) -> t.mod(a[0], a[1])),
                Arguments.of("SquaredDifference",
                        (BiFunction<Ops, Output[], Output>) (t, a) -> t.squaredDifference(a[0], a[1])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ops")
    void refusesBoolMixedDTypesAndShapesThatDoNotBroadcast(String type, BiFunction<Ops, Output[], Output> op) {
        Output b = tf.constant(Tensor.vector(true, false));
        GraphBuildException bool = assertThrows(GraphBuildException.class,
                () -> op.apply(tf.withName("onBool"), new Output[] {b, b}));
        assertMessage(bool, "'onBool'", type, "bool[2]", "bool is not a numeric dtype");

        Output i = tf.constant(Tensor.vector(1, 2));
        Output l = tf.constant(Tensor.vector(1L, 2L));
        GraphBuildException mixed = assertThrows(GraphBuildException.class,
                () -> op.apply(tf.withName("mixed"), new Output[] {i, l}));
        assertMessage(mixed, "'mixed'", type, "int32[2]", "int64[2]", "dtypes differ: int32 and int64", "cast one operand");

        Output m = tf.constant(Tensor.zeros(DType.FLOAT32, Shape.of(2, 3)));
        Output v = tf.constant(Tensor.zeros(DType.FLOAT32, Shape.of(2)));
        GraphBuildException shapes = assertThrows(GraphBuildException.class,
                () -> op.apply(tf.withName("shapes"), new Output[] {m, v}));
        assertMessage(shapes, "'shapes'", type, "float32[2, 3]", "float32[2]", "cannot be broadcast");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ops")
    void infersUnknownDimensionsAndRanks(String type, BiFunction<Ops, Output[], Output> op) {
        Output x = tf.placeholder("x", DType.FLOAT64, Shape.of(-1, 3));
        Output y = tf.placeholder("y", DType.FLOAT64, Shape.of(4, 1, 1));
        Output out = op.apply(tf, new Output[] {x, y});
        assertEquals(type, out.node().opType());
        assertEquals(Shape.of(4, -1, 3), out.shape());
        assertEquals(DType.FLOAT64, out.dtype());
        Output u = tf.placeholder("u", DType.FLOAT64, Shape.unknown());
        assertEquals(Shape.unknown(), op.apply(tf, new Output[] {u, x}).shape());
        Tensor fed = TestRuns.eval(out, 1, Map.of("x", Tensor.zeros(DType.FLOAT64, Shape.of(2, 3)),
                "y", Tensor.zeros(DType.FLOAT64, Shape.of(4, 1, 1))));
        assertEquals(Shape.of(4, 2, 3), fed.shape());
    }
}
