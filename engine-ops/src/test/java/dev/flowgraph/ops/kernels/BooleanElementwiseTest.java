package dev.flowgraph.ops.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/** The boolean-side kernels on ranges: comparisons, logic, not and select. */
class BooleanElementwiseTest {
    private static final BroadcastIndex PAIR = new BroadcastIndex(new long[] {4}, new long[] {4}, new long[] {});

    @Test
    void compareWritesOnlyItsRangeForEachArrayType() {
        // x < 2 on elements [1, 3) of x = [1, 2, 3, 1]: out[1] = 2 < 2, out[2] = 3 < 2; the rest stays.
        boolean[] out = {true, true, true, true};
        BooleanElementwise.compare(new float[] {1, 2, 3, 1}, new float[] {2}, out, PAIR, Comparison.LESS, 1, 3);
        assertArrayEquals(new boolean[] {true, false, false, true}, out);
        out = new boolean[4];
        BooleanElementwise.compare(new double[] {1, 2, 3, Double.NaN}, new double[] {2}, out, PAIR, Comparison.LESS_EQUAL,
                0, 4);
        assertArrayEquals(new boolean[] {true, true, false, false}, out);
        out = new boolean[4];
        BooleanElementwise.compare(new int[] {1, 2, 3, 1}, new int[] {2}, out, PAIR, (a, b) -> a == b, 0, 4);
        assertArrayEquals(new boolean[] {false, true, false, false}, out);
        out = new boolean[4];
        BooleanElementwise.compare(new long[] {1, 2, 3, 1}, new long[] {2}, out, PAIR, (a, b) -> a > b, 0, 4);
        assertArrayEquals(new boolean[] {false, false, true, false}, out);
    }

    @Test
    void binaryAndNotOnBooleans() {
        boolean[] out = new boolean[4];
        BroadcastIndex ix = new BroadcastIndex(new long[] {2, 2}, new long[] {2, 1}, new long[] {2});
        // [[t], [f]] xor [t, f] = [[f, t], [t, f]].
        BooleanElementwise.binary(new boolean[] {true, false}, new boolean[] {true, false}, out, ix, (a, b) -> a ^ b, 0, 4);
        assertArrayEquals(new boolean[] {false, true, true, false}, out);
        boolean[] negated = new boolean[3];
        BooleanElementwise.not(new boolean[] {true, false, true}, negated, 1, 3);
        assertArrayEquals(new boolean[] {false, true, false}, negated);
    }

    @Test
    void selectReadsEachOperandThroughTheIndex() {
        // cond [2, 1], x [2], y []: row 0 takes x, row 1 takes y; only elements [1, 4) are written.
        BroadcastIndex ix = new BroadcastIndex(new long[] {2, 2}, new long[] {2, 1}, new long[] {2}, new long[] {});
        boolean[] cond = {true, false};
        double[] d = new double[4];
        BooleanElementwise.select(cond, new double[] {1, 2}, new double[] {9}, d, ix, 1, 4);
        assertArrayEquals(new double[] {0, 2, 9, 9}, d);
        float[] f = new float[4];
        BooleanElementwise.select(cond, new float[] {1, 2}, new float[] {9}, f, ix, 0, 4);
        assertArrayEquals(new float[] {1, 2, 9, 9}, f);
        int[] i = new int[4];
        BooleanElementwise.select(cond, new int[] {1, 2}, new int[] {9}, i, ix, 0, 4);
        assertArrayEquals(new int[] {1, 2, 9, 9}, i);
        long[] l = new long[4];
        BooleanElementwise.select(cond, new long[] {1, 2}, new long[] {9}, l, ix, 0, 4);
        assertArrayEquals(new long[] {1, 2, 9, 9}, l);
        boolean[] b = new boolean[4];
        BooleanElementwise.select(cond, new boolean[] {true, false}, new boolean[] {true}, b, ix, 0, 4);
        assertArrayEquals(new boolean[] {true, false, true, true}, b);
    }

    @Test
    void selectOfEqualShapesWritesOnlyItsRange() {
        // cond, x, y all [5]; elements [1, 4): cond F T F picks y[1], x[2], y[3]; the ends stay 0.
        BroadcastIndex same = BroadcastIndex.sameShape(5, 3);
        boolean[] cond = {true, false, true, false, true};
        float[] f = new float[5];
        BooleanElementwise.select(cond, new float[] {1, 2, 3, 4, 5}, new float[] {-1, -2, -3, -4, -5}, f, same, 1, 4);
        assertArrayEquals(new float[] {0, -2, 3, -4, 0}, f);
        double[] d = new double[5];
        BooleanElementwise.select(cond, new double[] {1, 2, 3, 4, 5}, new double[] {-1, -2, -3, -4, -5}, d, same, 1, 4);
        assertArrayEquals(new double[] {0, -2, 3, -4, 0}, d);
    }

    /** The predicates each {@link Comparison} stands for, on operands widened to double, as the ops used them before. */
    private static final Map<Comparison, BiPredicate<Double, Double>> WIDENED = Map.of(
            Comparison.GREATER, (a, b) -> a.doubleValue() > b.doubleValue(),
            Comparison.GREATER_EQUAL, (a, b) -> a.doubleValue() >= b.doubleValue(),
            Comparison.LESS, (a, b) -> a.doubleValue() < b.doubleValue(),
            Comparison.LESS_EQUAL, (a, b) -> a.doubleValue() <= b.doubleValue(),
            Comparison.EQUAL, (a, b) -> a.doubleValue() == b.doubleValue(),
            Comparison.NOT_EQUAL, (a, b) -> a.doubleValue() != b.doubleValue());

    @Test
    void comparisonsMatchTheWidenedPredicateOnEveryPair() {
        // NaN, infinities, signed zeros, a subnormal, and neighbours that differ in the last bit.
        float[] v = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, Float.MIN_VALUE, 1f,
            Math.nextUp(1f), -1f, 3.5f};
        int n = v.length;
        BroadcastIndex same = BroadcastIndex.sameShape(n, 2);
        BroadcastIndex byScalar = new BroadcastIndex(new long[] {n}, new long[] {n}, new long[] {});
        for (Comparison test : Comparison.values()) {
            for (int j = 0; j < n; j++) {
                float[] y = new float[n];
                double[] dy = new double[n];
                for (int i = 0; i < n; i++) {
                    y[i] = v[(i + j) % n];
                    dy[i] = y[i];
                }
                double[] dv = new double[n];
                for (int i = 0; i < n; i++) {
                    dv[i] = v[i];
                }
                boolean[] same32 = new boolean[n];
                boolean[] same64 = new boolean[n];
                boolean[] scalar32 = new boolean[n];
                BooleanElementwise.compare(v, y, same32, same, test, 0, n);
                BooleanElementwise.compare(dv, dy, same64, same, test, 0, n);
                BooleanElementwise.compare(v, new float[] {v[j]}, scalar32, byScalar, test, 0, n);
                for (int i = 0; i < n; i++) {
                    boolean want = WIDENED.get(test).test((double) v[i], (double) y[i]);
                    assertEquals(want, same32[i], test + " of " + v[i] + ", " + y[i]);
                    assertEquals(want, same64[i], test + " of " + v[i] + ", " + y[i] + " in double");
                    assertEquals(WIDENED.get(test).test((double) v[i], (double) v[j]), scalar32[i],
                            test + " of " + v[i] + " by the scalar " + v[j]);
                }
            }
        }
    }
}
