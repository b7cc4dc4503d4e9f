package dev.flowgraph.ops.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** The elementwise kernels on ranges, and integer division. */
class ElementwiseTest {
    @Test
    void binaryWritesOnlyItsRange() {
        // [2, 3] - [3] on elements [1, 5): out[1] = 2-20, out[2] = 3-30, out[3] = 4-10, out[4] = 5-20.
        double[] x = {1, 2, 3, 4, 5, 6};
        double[] y = {10, 20, 30};
        double[] out = new double[6];
        BroadcastIndex ix = new BroadcastIndex(new long[] {2, 3}, new long[] {2, 3}, new long[] {3});
        Elementwise.binary(x, y, out, ix, (a, b) -> a - b, 1, 5);
        assertArrayEquals(new double[] {0, -18, -27, -6, -15, 0}, out);
    }

    @Test
    void binaryOnEachArrayType() {
        BroadcastIndex ix = new BroadcastIndex(new long[] {2}, new long[] {2}, new long[] {});
        float[] f = new float[2];
        Elementwise.binary(new float[] {1.5f, 2f}, new float[] {2f}, f, ix, (a, b) -> a * b, 0, 2);
        assertArrayEquals(new float[] {3f, 4f}, f);
        int[] i = new int[2];
        Elementwise.binary(new int[] {7, -7}, new int[] {2}, i, ix, Elementwise::divide, 0, 2);
        assertArrayEquals(new int[] {3, -3}, i);
        long[] l = new long[2];
        Elementwise.binary(new long[] {1, 2}, new long[] {Long.MAX_VALUE}, l, ix, Long::sum, 0, 2);
        assertArrayEquals(new long[] {Long.MIN_VALUE, Long.MIN_VALUE + 1}, l);
    }

    @Test
    void arithmeticOnEachRunShape() {
        float[] x = {1, 2, 3, 4, 5, 6};
        float[] out = new float[6];
        // Equal shapes, elements [1, 5): 2-20, 3-30, 4-40, 5-50.
        Elementwise.binary(x, new float[] {10, 20, 30, 40, 50, 60}, out, BroadcastIndex.sameShape(6, 2),
                BinaryArithmetic.SUB, 1, 5);
        assertArrayEquals(new float[] {0, -18, -27, -36, -45, 0}, out);
        // A [2, 3] by a [3] bias: rows of stride (1, 1); 1+10, 2+20, 3+30, 4+10, 5+20, 6+30.
        Elementwise.binary(x, new float[] {10, 20, 30}, out,
                new BroadcastIndex(new long[] {2, 3}, new long[] {2, 3}, new long[] {3}), BinaryArithmetic.ADD, 0, 6);
        assertArrayEquals(new float[] {11, 22, 33, 14, 25, 36}, out);
        // By a scalar: stride (1, 0); 1/2 ... 6/2.
        Elementwise.binary(x, new float[] {2}, out, new BroadcastIndex(new long[] {6}, new long[] {6}, new long[] {}),
                BinaryArithmetic.DIV, 0, 6);
        assertArrayEquals(new float[] {0.5f, 1, 1.5f, 2, 2.5f, 3}, out);
        // A scalar by a vector: stride (0, 1); 3*1 ... 3*6.
        Elementwise.binary(new float[] {3}, x, out, new BroadcastIndex(new long[] {6}, new long[] {}, new long[] {6}),
                BinaryArithmetic.MUL, 0, 6);
        assertArrayEquals(new float[] {3, 6, 9, 12, 15, 18}, out);
        // A [2, 1] column by a [3] row, on doubles: 10-1, 10-2, 10-3, 20-1, 20-2, 20-3.
        double[] d = new double[6];
        Elementwise.binary(new double[] {10, 20}, new double[] {1, 2, 3}, d,
                new BroadcastIndex(new long[] {2, 3}, new long[] {2, 1}, new long[] {3}), BinaryArithmetic.SUB, 0, 6);
        assertArrayEquals(new double[] {9, 8, 7, 19, 18, 17}, d);
    }

    @Test
    void arithmeticIsJavasOperator() {
        // IEEE 754 as Java's operators: 1/0 = inf, 0/0 = NaN, -1/0 = -inf, 0 * -1 = -0.
        float[] out = new float[4];
        BroadcastIndex same = BroadcastIndex.sameShape(4, 2);
        Elementwise.binary(new float[] {1, 0, -1, 0}, new float[] {0, 0, 0, -1}, out, same, BinaryArithmetic.DIV, 0, 4);
        assertArrayEquals(new float[] {Float.POSITIVE_INFINITY, Float.NaN, Float.NEGATIVE_INFINITY, -0f}, out);
        Elementwise.binary(new float[] {1, 0, -1, 0}, new float[] {0, 0, 0, -1}, out, same, BinaryArithmetic.MUL, 0, 4);
        assertArrayEquals(new float[] {0, 0, -0f, -0f}, out);
        // Rounded in float, not double: 16777216 + 1 is 16777216 in float.
        Elementwise.binary(new float[] {16777216f}, new float[] {1f}, out, BroadcastIndex.sameShape(1, 2),
                BinaryArithmetic.ADD, 0, 1);
        assertEquals(16777216f, out[0]);
    }

    /** The lambdas each {@link UnaryArithmetic} constant stands for, as the ops used them before. */
    private static final Map<UnaryArithmetic, FloatUnaryOperator> FLOAT_LAMBDAS = Map.ofEntries(
            Map.entry(UnaryArithmetic.NEG, x -> -x), Map.entry(UnaryArithmetic.ABS, Math::abs),
            Map.entry(UnaryArithmetic.SQUARE, x -> x * x), Map.entry(UnaryArithmetic.SQRT, x -> (float) Math.sqrt(x)),
            Map.entry(UnaryArithmetic.RSQRT, x -> 1f / (float) Math.sqrt(x)),
            Map.entry(UnaryArithmetic.RECIPROCAL, x -> 1f / x), Map.entry(UnaryArithmetic.RELU, x -> Math.max(x, 0f)),
            Map.entry(UnaryArithmetic.EXP, x -> (float) StrictMath.exp(x)),
            Map.entry(UnaryArithmetic.LOG, x -> (float) StrictMath.log(x)),
            Map.entry(UnaryArithmetic.LOG1P, x -> (float) StrictMath.log1p(x)),
            Map.entry(UnaryArithmetic.TANH, x -> (float) StrictMath.tanh(x)),
            Map.entry(UnaryArithmetic.SIGMOID, x -> (float) Arithmetic.sigmoid(x)),
            Map.entry(UnaryArithmetic.SOFTPLUS, x -> (float) Arithmetic.softplus(x)));
    private static final Map<UnaryArithmetic, DoubleUnaryOperator> DOUBLE_LAMBDAS = Map.ofEntries(
            Map.entry(UnaryArithmetic.NEG, x -> -x), Map.entry(UnaryArithmetic.ABS, Math::abs),
            Map.entry(UnaryArithmetic.SQUARE, x -> x * x), Map.entry(UnaryArithmetic.SQRT, Math::sqrt),
            Map.entry(UnaryArithmetic.RSQRT, x -> 1 / Math.sqrt(x)), Map.entry(UnaryArithmetic.RECIPROCAL, x -> 1 / x),
            Map.entry(UnaryArithmetic.RELU, x -> Math.max(x, 0.0)), Map.entry(UnaryArithmetic.EXP, StrictMath::exp),
            Map.entry(UnaryArithmetic.LOG, StrictMath::log), Map.entry(UnaryArithmetic.LOG1P, StrictMath::log1p),
            Map.entry(UnaryArithmetic.TANH, StrictMath::tanh), Map.entry(UnaryArithmetic.SIGMOID, Arithmetic::sigmoid),
            Map.entry(UnaryArithmetic.SOFTPLUS, Arithmetic::softplus));

    /**
     * Compares bits, except that every NaN counts as the same value ({@code floatToIntBits}): Java
     * leaves the sign and payload of a NaN that arithmetic produces unspecified, and on x86 they
     * follow the operand order the JIT chose.
     */
    @Test
    void unaryArithmeticMatchesTheLambdaBitForBit() {
        // Special values, a subnormal, the largest finite value (squares to inf), values whose
        // roots and squares round (2: sqrt irrational; 1 + ulp: square rounds), and values around
        // where exp overflows and sigmoid switches formula, then random values.
        float[] fx = withRandom(new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f,
            Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 2f, -2f, 1f + Math.ulp(1f), -3.5f,
            1e-30f, 88.7f, 89f, -104f, -1f, -0.999f, 30f, -30f});
        double[] dx = withRandom(new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0,
            -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 2.0, -2.0,
            1.0 + Math.ulp(1.0), -3.5, 1e-300, 709.7, 710, -745, -1, -0.999, 30, -30});
        for (UnaryArithmetic op : UnaryArithmetic.values()) {
            float[] fGot = new float[fx.length];
            float[] fWant = new float[fx.length];
            Elementwise.unary(fx, fGot, op, 0, fx.length);
            Elementwise.unary(fx, fWant, FLOAT_LAMBDAS.get(op), 0, fx.length);
            double[] dGot = new double[dx.length];
            double[] dWant = new double[dx.length];
            Elementwise.unary(dx, dGot, op, 0, dx.length);
            Elementwise.unary(dx, dWant, DOUBLE_LAMBDAS.get(op), 0, dx.length);
            for (int i = 0; i < fx.length; i++) {
                assertEquals(Float.floatToIntBits(fWant[i]), Float.floatToIntBits(fGot[i]), op + " of " + fx[i]);
                assertEquals(Double.doubleToLongBits(dWant[i]), Double.doubleToLongBits(dGot[i]),
                        op + " of " + dx[i]);
            }
        }
    }

    /** The given values followed by 200 seeded random ones in (-20, 20), some of them tiny. */
    private static float[] withRandom(float[] special) {
        double[] d = withRandom(new double[special.length]);
        float[] all = new float[d.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i < special.length ? special[i] : (float) d[i];
        }
        return all;
    }

    private static double[] withRandom(double[] special) {
        SplittableRandom random = new SplittableRandom(11);
        double[] all = Arrays.copyOf(special, special.length + 200);
        for (int i = special.length; i < all.length; i++) {
            all[i] = random.nextDouble(-20, 20) * (i % 7 == 0 ? 1e-6 : 1);
        }
        return all;
    }

    /** The lambdas each {@link BinaryArithmetic} constant stands for, as the ops used them before. */
    private static final Map<BinaryArithmetic, FloatBinaryOperator> FLOAT_BINARY_LAMBDAS = Map.of(
            BinaryArithmetic.ADD, (x, y) -> x + y, BinaryArithmetic.SUB, (x, y) -> x - y,
            BinaryArithmetic.MUL, (x, y) -> x * y, BinaryArithmetic.DIV, (x, y) -> x / y,
            BinaryArithmetic.MAXIMUM, (x, y) -> (float) Arithmetic.maximum(x, y),
            BinaryArithmetic.MINIMUM, (x, y) -> (float) Arithmetic.minimum(x, y),
            BinaryArithmetic.POW, (x, y) -> (float) Arithmetic.pow(x, y),
            BinaryArithmetic.SQUARED_DIFFERENCE, (x, y) -> (x - y) * (x - y));
    private static final Map<BinaryArithmetic, DoubleBinaryOperator> DOUBLE_BINARY_LAMBDAS = Map.of(
            BinaryArithmetic.ADD, (x, y) -> x + y, BinaryArithmetic.SUB, (x, y) -> x - y,
            BinaryArithmetic.MUL, (x, y) -> x * y, BinaryArithmetic.DIV, (x, y) -> x / y,
            BinaryArithmetic.MAXIMUM, Arithmetic::maximum, BinaryArithmetic.MINIMUM, Arithmetic::minimum,
            BinaryArithmetic.POW, Arithmetic::pow, BinaryArithmetic.SQUARED_DIFFERENCE, (x, y) -> (x - y) * (x - y));

    /** Operands for the binary operations: NaN, infinities, signed zeros, overflow, pow's specials. */
    private static final float[] BINARY_FLOATS = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f,
        -0f, Float.MIN_VALUE, Float.MAX_VALUE, 1f, -1f, 2f, -2.5f, 0.5f};
    private static final double[] BINARY_DOUBLES = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1, -1, 2, -2.5, 0.5};

    @Test
    void binaryArithmeticMatchesTheLambdaBitForBit() {
        // Every pair of the unary test's values, equal shapes, then the same x by each y as a
        // scalar (the spread-copy path): NaN, infinities, signed zeros, overflow, pow's specials.
        float[] fv = withRandom(BINARY_FLOATS);
        double[] dv = withRandom(BINARY_DOUBLES);
        int n = fv.length;
        BroadcastIndex same = BroadcastIndex.sameShape(n, 2);
        BroadcastIndex byScalar = new BroadcastIndex(new long[] {n}, new long[] {n}, new long[] {});
        for (BinaryArithmetic op : BinaryArithmetic.values()) {
            for (int shift = 0; shift < n; shift++) {
                float[] fy = new float[n];
                double[] dy = new double[n];
                for (int i = 0; i < n; i++) {
                    fy[i] = fv[(i + shift) % n];
                    dy[i] = dv[(i + shift) % n];
                }
                assertBinaryBits(op, fv, fy, same);
                assertBinaryBits(op, dv, dy, same);
                assertBinaryBits(op, fv, new float[] {fv[shift]}, byScalar);
                assertBinaryBits(op, dv, new double[] {dv[shift]}, byScalar);
            }
        }
    }

    private static void assertBinaryBits(BinaryArithmetic op, float[] x, float[] y, BroadcastIndex ix) {
        assertBinaryBits(op, x, y, ix, 0, x.length);
    }

    private static void assertBinaryBits(BinaryArithmetic op, double[] x, double[] y, BroadcastIndex ix) {
        assertBinaryBits(op, x, y, ix, 0, x.length);
    }

    /** Compares result elements {@code [from, to)} and checks that the others stay 0 in both. */
    private static void assertBinaryBits(BinaryArithmetic op, float[] x, float[] y, BroadcastIndex ix, int from,
            int to) {
        float[] got = new float[ix.size()];
        float[] want = new float[ix.size()];
        Elementwise.binary(x, y, got, ix, op, from, to);
        Elementwise.binary(x, y, want, ix, FLOAT_BINARY_LAMBDAS.get(op), from, to);
        for (int i = 0; i < got.length; i++) {
            assertEquals(Float.floatToIntBits(want[i]), Float.floatToIntBits(got[i]), op + " at " + i);
        }
    }

    /** Compares result elements {@code [from, to)} and checks that the others stay 0 in both. */
    private static void assertBinaryBits(BinaryArithmetic op, double[] x, double[] y, BroadcastIndex ix, int from,
            int to) {
        double[] got = new double[ix.size()];
        double[] want = new double[ix.size()];
        Elementwise.binary(x, y, got, ix, op, from, to);
        Elementwise.binary(x, y, want, ix, DOUBLE_BINARY_LAMBDAS.get(op), from, to);
        for (int i = 0; i < got.length; i++) {
            assertEquals(Double.doubleToLongBits(want[i]), Double.doubleToLongBits(got[i]), op + " at " + i);
        }
    }

    @Test
    void binaryArithmeticOnEveryKindOfRunMatchesTheLambdaBitForBit() {
        // A [4, 53] result from the bit-for-bit test's 212 values; each pair of shapes takes one
        // path of the broadcast loop: x where the result is and y copied (a bias row) or spread
        // (a column); y where the result is and x copied or spread; neither (both into a scratch
        // run). Whole results, and a range that starts and ends inside rows.
        float[] fv = withRandom(BINARY_FLOATS);
        double[] dv = withRandom(BINARY_DOUBLES);
        long[] matrix = {4, 53};
        long[] row = {53};
        long[] column = {4, 1};
        long[][][] pairs = {{matrix, row}, {matrix, column}, {row, matrix}, {column, matrix}, {column, row},
            {row, column}, {matrix, {}}, {{}, matrix}};
        for (long[][] pair : pairs) {
            BroadcastIndex ix = new BroadcastIndex(matrix, pair[0], pair[1]);
            float[] fx = Arrays.copyOf(fv, size(pair[0]));
            double[] dx = Arrays.copyOf(dv, size(pair[0]));
            float[] fy = new float[size(pair[1])];
            double[] dy = new double[fy.length];
            for (int i = 0; i < fy.length; i++) {
                fy[i] = fv[fv.length - 1 - i];
                dy[i] = dv[dv.length - 1 - i];
            }
            for (BinaryArithmetic op : BinaryArithmetic.values()) {
                assertBinaryBits(op, fx, fy, ix, 0, ix.size());
                assertBinaryBits(op, dx, dy, ix, 0, ix.size());
                assertBinaryBits(op, fx, fy, ix, 30, 150);
                assertBinaryBits(op, dx, dy, ix, 30, 150);
            }
        }
    }

    private static int size(long[] dims) {
        int n = 1;
        for (long d : dims) {
            n *= (int) d;
        }
        return n;
    }

    @Test
    void arithmeticWithTheRightOperandWhereTheResultIs() {
        // A [3] row minus a [2, 3] matrix (x copied into the result's rows first):
        // 1-10, 2-20, 3-30, 1-40, 2-50, 3-60.
        float[] out = new float[6];
        Elementwise.binary(new float[] {1, 2, 3}, new float[] {10, 20, 30, 40, 50, 60}, out,
                new BroadcastIndex(new long[] {2, 3}, new long[] {3}, new long[] {2, 3}), BinaryArithmetic.SUB, 0, 6);
        assertArrayEquals(new float[] {-9, -18, -27, -39, -48, -57}, out);
        // A [2, 1] column divided by a [2, 3] matrix (x spread over each row), elements [1, 5):
        // 6/2, 6/3, 12/4, 12/5; elements 0 and 5 untouched.
        double[] d = new double[6];
        Elementwise.binary(new double[] {6, 12}, new double[] {1, 2, 3, 4, 5, 6}, d,
                new BroadcastIndex(new long[] {2, 3}, new long[] {2, 1}, new long[] {2, 3}), BinaryArithmetic.DIV, 1, 5);
        assertArrayEquals(new double[] {0, 3, 2, 3, 2.4, 0}, d);
    }

    @Test
    void unaryArithmeticByHandOnARange() {
        // Elements [1, 5) of {9, -0, -4, NaN, -inf, 7}; the ends stay 0.
        float[] x = {9, -0f, -4, Float.NaN, Float.NEGATIVE_INFINITY, 7};
        float[] out = new float[6];
        Elementwise.unary(x, out, UnaryArithmetic.NEG, 1, 5);
        assertArrayEquals(new float[] {0, 0f, 4, Float.NaN, Float.POSITIVE_INFINITY, 0}, out);
        Elementwise.unary(x, out, UnaryArithmetic.ABS, 1, 5);
        assertArrayEquals(new float[] {0, 0f, 4, Float.NaN, Float.POSITIVE_INFINITY, 0}, out);
        Elementwise.unary(x, out, UnaryArithmetic.SQUARE, 1, 5);
        assertArrayEquals(new float[] {0, 0f, 16, Float.NaN, Float.POSITIVE_INFINITY, 0}, out);
        // sqrt(-0) = -0 and sqrt(-4) = NaN (IEEE 754); relu(-0) = +0, relu(NaN) = NaN.
        Elementwise.unary(x, out, UnaryArithmetic.SQRT, 1, 5);
        assertArrayEquals(new float[] {0, -0f, Float.NaN, Float.NaN, Float.NaN, 0}, out);
        Elementwise.unary(x, out, UnaryArithmetic.RELU, 1, 5);
        assertArrayEquals(new float[] {0, 0f, 0, Float.NaN, 0, 0}, out);
        // sqrt(9) = 3, square(7) = 49, on doubles over the whole array.
        double[] d = new double[2];
        Elementwise.unary(new double[] {9, 7}, d, UnaryArithmetic.SQRT, 0, 1);
        Elementwise.unary(new double[] {9, 7}, d, UnaryArithmetic.SQUARE, 1, 2);
        assertArrayEquals(new double[] {3, 49}, d);
    }

    @Test
    void unaryOnEachArrayType() {
        float[] f = new float[2];
        Elementwise.unary(new float[] {1f, -2f}, f, a -> -a, 0, 2);
        assertArrayEquals(new float[] {-1f, 2f}, f);
        double[] d = new double[3];
        Elementwise.unary(new double[] {1, 2, 3}, d, a -> a * a, 1, 3);
        assertArrayEquals(new double[] {0, 4, 9}, d);
        int[] i = new int[1];
        Elementwise.unary(new int[] {Integer.MIN_VALUE}, i, a -> -a, 0, 1);
        assertArrayEquals(new int[] {Integer.MIN_VALUE}, i);
        long[] l = new long[1];
        Elementwise.unary(new long[] {5}, l, a -> -a, 0, 1);
        assertArrayEquals(new long[] {-5}, l);
    }

    @Test
    void dividesIntegersTowardZero() {
        assertEquals(-3, Elementwise.divide(-7, 2));
        assertEquals(-3, Elementwise.divide(7, -2));
        assertEquals(Integer.MIN_VALUE, Elementwise.divide(Integer.MIN_VALUE, -1));
        assertEquals(Long.MIN_VALUE, Elementwise.divide(Long.MIN_VALUE, -1L));
        assertEquals(3L, Elementwise.divide(-7L, -2L));
    }

    @Test
    void refusesIntegerDivisionByZero() {
        assertEquals("integer division by zero",
                assertThrows(ArithmeticException.class, () -> Elementwise.divide(1, 0)).getMessage());
        assertEquals("integer division by zero",
                assertThrows(ArithmeticException.class, () -> Elementwise.divide(0L, 0L)).getMessage());
    }
}
