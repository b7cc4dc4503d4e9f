package dev.flowgraph.ops.math;

import static dev.flowgraph.ops.TestRuns.eval;
import static dev.flowgraph.ops.math.AddTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.GraphBuildException;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual: every numeric dtype (and BOOL for the
 * equalities), IEEE NaN, signed zeros, broadcasting, scalars, empty tensors, refusals and
 * inference. Operands are {@code x = [1, 2, 3]} against {@code y = [2, 2, 2]} unless said, so the
 * expected rows read as "x below, at, above y".
 */
class ComparisonTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);

    /** A comparison by op type, through the facade. */
    private static final class Cmp {
        final String type;
        final BiFunction<Ops, Output[], Output> op;

        Cmp(String type, BiFunction<Ops, Output[], Output> op) {
            this.type = type;
            this.op = op;
        }

        Output apply(Ops tf, Output x, Output y) {
            return op.apply(tf, new Output[] {x, y});
        }

        @Override
        public String toString() {
            return type;
        }
    }

    /** Each comparison with its results on "x below y", "x equal to y", "x above y". */
    static Stream<Arguments> comparisons() {
        return Stream.of(
                Arguments.of(new Cmp("Equal", (t, a) -> t.equal(a[0], a[1])), new boolean[] {false, true, false}),
                Arguments.of(new Cmp("NotEqual", (t, a) -> t.notEqual(a[0], a[1])), new boolean[] {true, false, true}),
                Arguments.of(new Cmp("Less", (t, a) -> t.less(a[0], a[1])), new boolean[] {true, false, false}),
                Arguments.of(new Cmp("LessEqual", (t, a) -> t.lessEqual(a[0], a[1])), new boolean[] {true, true, false}),
                Arguments.of(new Cmp("Greater", (t, a) -> t.greater(a[0], a[1])), new boolean[] {false, false, true}),
                Arguments.of(new Cmp("GreaterEqual", (t, a) -> t.greaterEqual(a[0], a[1])),
                        new boolean[] {false, true, true}));
    }

    private boolean[] run(Cmp cmp, Tensor x, Tensor y) {
        Output out = cmp.apply(tf, tf.constant(x), tf.constant(y));
        assertEquals(cmp.type, out.node().opType());
        assertEquals(DType.BOOL, out.dtype());
        Tensor value = eval(out);
        assertEquals(DType.BOOL, value.dtype());
        return value.toBooleanArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("comparisons")
    void comparesEveryNumericDType(Cmp cmp, boolean[] expected) {
        assertArrayEquals(expected, run(cmp, Tensor.vector(1f, 2f, 3f), Tensor.vector(2f, 2f, 2f)));
        assertArrayEquals(expected, run(cmp, Tensor.vector(1.0, 2.0, 3.0), Tensor.vector(2.0, 2.0, 2.0)));
        assertArrayEquals(expected, run(cmp, Tensor.vector(1, 2, 3), Tensor.vector(2, 2, 2)));
        assertArrayEquals(expected, run(cmp, Tensor.vector(1L, 2L, 3L), Tensor.vector(2L, 2L, 2L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("comparisons")
    void comparesExtremesExactly(Cmp cmp, boolean[] expected) {
        // int64 values 2^53 + 1 and 2^53 differ, though as doubles they would be equal.
        long big = (1L << 53) + 1;
        assertArrayEquals(expected, run(cmp, Tensor.vector(big - 1, big, big + 1), Tensor.vector(big, big, big)));
        assertArrayEquals(expected, run(cmp, Tensor.vector(Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE),
                Tensor.vector(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE)));
        // -inf below 0, -0.0 equal to 0.0, +inf above the largest double.
        assertArrayEquals(expected, run(cmp, Tensor.vector(Double.NEGATIVE_INFINITY, -0.0, Double.POSITIVE_INFINITY),
                Tensor.vector(0.0, 0.0, Double.MAX_VALUE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("comparisons")
    void nanComparesAsIeee(Cmp cmp, boolean[] expected) {
        // Against NaN, on either side and against itself, only != holds.
        boolean notEqual = cmp.type.equals("NotEqual");
        boolean[] all = {notEqual, notEqual, notEqual};
        assertArrayEquals(all, run(cmp, Tensor.vector(Double.NaN, 1.0, Double.NaN), Tensor.vector(1.0, Double.NaN, Double.NaN)));
        assertArrayEquals(all, run(cmp, Tensor.vector(Float.NaN, 1f, Float.NaN), Tensor.vector(1f, Float.NaN, Float.NaN)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("comparisons")
    void broadcastsAndTakesScalars(Cmp cmp, boolean[] expected) {
        // [3, 1] against [1, 2]: row i compares x[i] with both of y's values, 2 and 2.
        Tensor x = Tensor.of(new int[] {1, 2, 3}, Shape.of(3, 1));
        Tensor y = Tensor.of(new int[] {2, 2}, Shape.of(1, 2));
        Output out = cmp.apply(tf, tf.constant(x), tf.constant(y));
        Tensor value = eval(out);
        assertEquals(Shape.of(3, 2), value.shape());
        assertArrayEquals(new boolean[] {expected[0], expected[0], expected[1], expected[1], expected[2], expected[2]},
                value.toBooleanArray());
        assertArrayEquals(expected, run(cmp, Tensor.vector(1.0, 2.0, 3.0), Tensor.scalar(2.0)));
        assertEquals(Tensor.scalar(expected[2]), eval(cmp.apply(tf, tf.constant(3L), tf.constant(2L))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("comparisons")
    void emptyOperandsGiveAnEmptyResult(Cmp cmp, boolean[] expected) {
        Tensor out = eval(cmp.apply(tf, tf.constant(Tensor.zeros(DType.FLOAT32, Shape.of(0, 2))),
                tf.constant(Tensor.zeros(DType.FLOAT32, Shape.of(1, 2)))));
        assertEquals(Shape.of(0, 2), out.shape());
        assertEquals(DType.BOOL, out.dtype());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("comparisons")
    void refusesMixedDTypesAndShapesThatDoNotBroadcast(Cmp cmp, boolean[] expected) {
        Output f = tf.constant(Tensor.vector(1f, 2f));
        Output d = tf.constant(Tensor.vector(1.0, 2.0));
        GraphBuildException mixed = assertThrows(GraphBuildException.class, () -> cmp.apply(tf.withName("mixed"), f, d));
        assertMessage(mixed, "'mixed'", cmp.type, "float32[2]", "float64[2]", "dtypes differ: float32 and float64",
                "cast one operand");
        Output m = tf.constant(Tensor.zeros(DType.INT32, Shape.of(2, 3)));
        Output v = tf.constant(Tensor.zeros(DType.INT32, Shape.of(2)));
        GraphBuildException shapes = assertThrows(GraphBuildException.class, () -> cmp.apply(tf.withName("bad"), m, v));
        assertMessage(shapes, "'bad'", cmp.type, "int32[2, 3]", "int32[2]", "cannot be broadcast");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("comparisons")
    void infersUnknownDimensionsAndRanks(Cmp cmp, boolean[] expected) {
        Output x = tf.placeholder("x", DType.INT64, Shape.of(-1, 784));
        Output out = cmp.apply(tf, x, tf.constant(0L));
        assertEquals(Shape.of(-1, 784), out.shape());
        assertEquals(DType.BOOL, out.dtype());
        Output u = tf.placeholder("u", DType.INT64, Shape.unknown());
        assertEquals(Shape.unknown(), cmp.apply(tf, u, x).shape());
    }

    @Test
    void equalAndNotEqualCompareBools() {
        Tensor x = Tensor.vector(true, true, false, false);
        Tensor y = Tensor.vector(true, false, true, false);
        assertArrayEquals(new boolean[] {true, false, false, true},
                eval(tf.equal(tf.constant(x), tf.constant(y))).toBooleanArray());
        assertArrayEquals(new boolean[] {false, true, true, false},
                eval(tf.notEqual(tf.constant(x), tf.constant(y))).toBooleanArray());
        // Broadcast a bool scalar: x == true is x itself.
        assertArrayEquals(x.toBooleanArray(), eval(tf.equal(tf.constant(x), tf.constant(true))).toBooleanArray());
    }

    @Test
    void orderingComparisonsRefuseBools() {
        Output b = tf.constant(Tensor.vector(true, false));
        java.util.List<String> refusing = new java.util.ArrayList<>();
        for (Arguments a : comparisons().toList()) {
            Cmp cmp = (Cmp) a.get()[0];
            if (cmp.type.equals("Equal") || cmp.type.equals("NotEqual")) {
                continue;
            }
            refusing.add(cmp.type);
            GraphBuildException e = assertThrows(GraphBuildException.class,
                    () -> cmp.apply(tf.withName("order" + cmp.type), b, b));
            assertMessage(e, "'order" + cmp.type + "'", cmp.type, "bool[2]", cmp.type + " does not take bool inputs",
                    "use equal/notEqual on bool");
        }
        assertEquals(java.util.List.of("Less", "LessEqual", "Greater", "GreaterEqual"), refusing);
    }
}
