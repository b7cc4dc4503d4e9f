package dev.flowgraph.ops.math;

import static dev.flowgraph.ops.TestRuns.eval;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.GraphBuildException;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.spi.Attrs;
import dev.flowgraph.spi.OpDef;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the unary math ops share: static shapes (unknown dimensions and rank), scalars and empty
 * tensors, the dtypes each accepts and the build-time refusals of the others, leakyRelu's alpha,
 * and the summaries. Values against NumPy are in {@link UnaryGoldenTest}; Cast in {@link CastTest}.
 */
class UnaryOpsTest {
    /** The ops defined on every numeric dtype; the rest of UnaryMathOps but Cast take floats only. */
    private static final Set<String> NUMERIC = Set.of(Abs.TYPE, Sign.TYPE, Square.TYPE, Relu.TYPE);

    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);

    static Stream<String> types() {
        return new UnaryMathOps().defs().stream().map(OpDef::type);
    }

    static Stream<String> floatOnlyTypes() {
        return types().filter(t -> !NUMERIC.contains(t) && !t.equals(Cast.TYPE));
    }

    static Stream<String> numericTypes() {
        return NUMERIC.stream().sorted();
    }

    /** Adds the op through the generic door; Cast goes to FLOAT32, LeakyRelu takes its default alpha. */
    private Output apply(Ops ops, String type, Output x) {
        Attrs attrs = type.equals(Cast.TYPE) ? Attrs.of(Cast.DTYPE, DType.FLOAT32) : Attrs.empty();
        return ops.node(type, attrs, x).output(0);
    }

    private static DType outputDType(String type, DType in) {
        return type.equals(Cast.TYPE) ? DType.FLOAT32 : in;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void infersUnknownDimensionsAndRank(String type) {
        Output partly = apply(tf, type, tf.placeholder("x", DType.FLOAT64, Shape.of(-1, 3)));
        assertEquals(Shape.of(-1, 3), partly.shape());
        assertEquals(outputDType(type, DType.FLOAT64), partly.dtype());
        Output unknown = apply(tf, type, tf.placeholder("y", DType.FLOAT64, Shape.unknown()));
        assertFalse(unknown.shape().hasKnownRank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void keepsScalarsAndEmptyTensors(String type) {
        Tensor scalar = eval(apply(tf, type, tf.constant(2.0)));
        assertEquals(Shape.scalar(), scalar.shape());
        assertEquals(outputDType(type, DType.FLOAT64), scalar.dtype());
        Tensor empty = eval(apply(tf, type, tf.constant(Tensor.zeros(DType.FLOAT32, Shape.of(0, 3)))));
        assertEquals(Shape.of(0, 3), empty.shape());
        assertEquals(DType.FLOAT32, empty.dtype());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("floatOnlyTypes")
    void floatOnlyOpsRefuseIntegersAndBoolAskingForACast(String type) {
        for (Tensor x : List.of(Tensor.vector(1, 2), Tensor.vector(1L, 2L), Tensor.vector(true, false))) {
            GraphBuildException e = assertThrows(GraphBuildException.class,
                    () -> apply(tf.withName("n"), type, tf.constant(x)));
            String facade = Character.toLowerCase(type.charAt(0)) + type.substring(1);
            AddTest.assertMessage(e, "'n'", type, x.dtype() + "[2]",
                    facade + " of " + x.dtype() + " is not defined; cast to float32 or float64 first");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numericTypes")
    void numericOpsRefuseBool(String type) {
        GraphBuildException e = assertThrows(GraphBuildException.class,
                () -> apply(tf.withName("b"), type, tf.constant(Tensor.vector(true))));
        AddTest.assertMessage(e, "'b'", type, "bool[1]", "bool is not a numeric dtype");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void summaryNamesTheFacadeCall(String type) {
        OpDef def = new UnaryMathOps().defs().stream().filter(d -> d.type().equals(type)).findFirst().orElseThrow();
        String facade = Character.toLowerCase(type.charAt(0)) + type.substring(1);
        assertTrue(def.summary().startsWith(facade + "(x"), def.summary());
    }

    @Test
    void integerOpsWrapAndKeepTheirDType() {
        // |MIN_VALUE| = 2^31 wraps to MIN_VALUE; 46341^2 = 2147488281 wraps to 2147488281 - 2^32.
        assertArrayEquals(new int[] {Integer.MIN_VALUE, 5}, eval(tf.abs(tf.constant(
                Tensor.vector(Integer.MIN_VALUE, -5)))).toIntArray());
        assertArrayEquals(new int[] {-2147479015, 9}, eval(tf.square(tf.constant(Tensor.vector(46341, -3))))
                .toIntArray());
        assertArrayEquals(new long[] {-1, 0, 1}, eval(tf.sign(tf.constant(Tensor.vector(Long.MIN_VALUE, 0L, 9L))))
                .toLongArray());
        assertArrayEquals(new long[] {0, 0, 9}, eval(tf.relu(tf.constant(Tensor.vector(Long.MIN_VALUE, 0L, 9L))))
                .toLongArray());
    }

    @Test
    void floatEdgeCasesByHand() {
        // log(0) = -inf, log(-1) = NaN, sqrt(-1) = NaN, sqrt(-0.0) = -0.0, rsqrt(0) = inf.
        assertEquals(Tensor.vector(Double.NEGATIVE_INFINITY, Double.NaN),
                eval(tf.log(tf.constant(Tensor.vector(0.0, -1.0)))));
        assertEquals(Tensor.vector(Float.NaN, -0f, 3f), eval(tf.sqrt(tf.constant(Tensor.vector(-1f, -0f, 9f)))));
        assertEquals(Tensor.vector(Double.POSITIVE_INFINITY, 0.5), eval(tf.rsqrt(tf.constant(Tensor.vector(0.0, 4.0)))));
        // round: halves to even; -0.5 rounds to -0.0.
        assertEquals(Tensor.vector(0f, 2f, 2f, -0f, -2f), eval(tf.round(tf.constant(
                Tensor.vector(0.5f, 1.5f, 2.5f, -0.5f, -2.5f)))));
    }

    @Test
    void sigmoidAndSoftplusDoNotOverflow() {
        // e^1000 overflows a double; the stable forms never compute it.
        assertEquals(Tensor.vector(1.0, 0.0, 0.5), eval(tf.sigmoid(tf.constant(Tensor.vector(1000.0, -1000.0, 0.0)))));
        assertEquals(Tensor.vector(1000.0, 0.0), eval(tf.softplus(tf.constant(Tensor.vector(1000.0, -1000.0)))));
        assertEquals(Tensor.vector(1f, 0f), eval(tf.sigmoid(tf.constant(Tensor.vector(100f, -200f)))));
    }

    @Test
    void leakyReluScalesNegativesByAlpha() {
        // -2 * 0.5 = -1; 3 stays; -0.0 * 0.5 = -0.0; NaN stays NaN.
        assertEquals(Tensor.vector(-1.0, 3.0, -0.0, Double.NaN),
                eval(tf.leakyRelu(tf.constant(Tensor.vector(-2.0, 3.0, -0.0, Double.NaN)), 0.5)));
        // FLOAT32 multiplies by (float) 0.1: -1f * 0.1f = -0.1f.
        assertEquals(Tensor.vector(-0.1f, 1f), eval(tf.leakyRelu(tf.constant(Tensor.vector(-1f, 1f)), 0.1)));
    }

    @Test
    void leakyReluDefaultsAlphaToTensorFlowsPointTwo() {
        Output x = tf.constant(Tensor.vector(-1.0, 2.0));
        assertEquals(Tensor.vector(-0.2, 2.0), eval(tf.node(LeakyRelu.TYPE, Attrs.empty(), x).output(0)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void leakyReluRefusesANonFiniteAlpha(double alpha) {
        Output x = tf.constant(Tensor.vector(1.0, 2.0));
        GraphBuildException e = assertThrows(GraphBuildException.class, () -> tf.withName("lr").leakyRelu(x, alpha));
        AddTest.assertMessage(e, "'lr'", "LeakyRelu", "float64[2]", "alpha must be finite, got " + alpha);
    }

    @Test
    void leakyReluRefusesAnAlphaThatIsNotADouble() {
        Output x = tf.constant(Tensor.vector(1.0));
        GraphBuildException e = assertThrows(GraphBuildException.class,
                () -> tf.withName("lr").node(LeakyRelu.TYPE, Attrs.of(LeakyRelu.ALPHA, 1), x));
        AddTest.assertMessage(e, "'lr'", "LeakyRelu", "attribute 'alpha' is a Long, not a Double");
    }

    @Test
    void refusalsLeaveTheGraphUnchanged() {
        Output x = tf.constant(Tensor.vector(4, 9));
        assertThrows(GraphBuildException.class, () -> tf.sqrt(x));
        assertEquals(1, g.size());
        assertEquals(Tensor.vector(2.0, 3.0), eval(tf.sqrt(tf.cast(x, DType.FLOAT64))));
    }
}
