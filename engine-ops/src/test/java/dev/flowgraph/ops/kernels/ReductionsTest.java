package dev.flowgraph.ops.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

/** ReduceLayout's axis merging and the fold and arg loops, on arrays whose sums are easy by hand. */
class ReductionsTest {
    /** 0..23 in shape [2, 3, 4]: element (i, j, k) is 12i + 4j + k. */
    private static double[] arange(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return v;
    }

    @Test
    void adjacentAxesWithTheSameRoleMerge() {
        ReduceLayout trailing = ReduceLayout.of(new long[] {2, 3, 4}, new boolean[] {false, true, true});
        assertArrayEquals(new int[] {2}, trailing.keptDims);
        assertArrayEquals(new int[] {12}, trailing.reducedDims);
        assertArrayEquals(new int[] {1}, trailing.reducedStrides);
        ReduceLayout outer = ReduceLayout.of(new long[] {2, 3, 4}, new boolean[] {true, false, true});
        assertArrayEquals(new int[] {3}, outer.keptDims);
        assertArrayEquals(new int[] {4}, outer.keptStrides);
        assertArrayEquals(new int[] {2, 4}, outer.reducedDims);
        assertArrayEquals(new int[] {12, 1}, outer.reducedStrides);
        assertEquals(3, outer.outputCount());
        assertEquals(8, outer.reducedCount());
    }

    @Test
    void axesOfSizeOneNeitherAddToARunNorEndOne() {
        // [1, 3, 4, 5] over axes 0, 2 and 3: one run of 20 per channel, not [1] then [20].
        ReduceLayout channels = ReduceLayout.of(new long[] {1, 3, 4, 5}, new boolean[] {true, false, true, true});
        assertArrayEquals(new int[] {3}, channels.keptDims);
        assertArrayEquals(new int[] {20}, channels.keptStrides);
        assertArrayEquals(new int[] {20}, channels.reducedDims);
        assertArrayEquals(new int[] {1}, channels.reducedStrides);
        // [6, 1, 7] over axes 0 and 2: the kept axis of size 1 no longer splits the reduced ones.
        ReduceLayout around = ReduceLayout.of(new long[] {6, 1, 7}, new boolean[] {true, false, true});
        assertArrayEquals(new int[] {}, around.keptDims);
        assertArrayEquals(new int[] {42}, around.reducedDims);
        assertArrayEquals(new int[] {1}, around.reducedStrides);
        double[] out = new double[1];
        Reductions.fold(arange(42), around, FoldOperation.SUM, 0.0, out, 0, 1);
        assertArrayEquals(new double[] {861}, out); // 0 + 1 + ... + 41
        // Only axes of size 1: nothing left to walk, one output of one element.
        ReduceLayout ones = ReduceLayout.of(new long[] {1, 1}, new boolean[] {true, false});
        assertEquals(1, ones.outputCount());
        assertEquals(1, ones.reducedCount());
        Reductions.fold(new double[] {-2.5}, ones, FoldOperation.SUM, 0.0, out, 0, 1);
        assertArrayEquals(new double[] {-2.5}, out);
    }

    @Test
    void foldsEachOutputOverItsReducedElements() {
        ReduceLayout outer = ReduceLayout.of(new long[] {2, 3, 4}, new boolean[] {true, false, true});
        double[] out = new double[3];
        Reductions.fold(arange(24), outer, FoldOperation.SUM, 0.0, out, 0, 3);
        // for j: sum over i, k of 12i + 4j + k = 32j + 60
        assertArrayEquals(new double[] {60, 92, 124}, out);
    }

    @Test
    void foldingFloatsGivesTheBitsOfFoldingTheirWidenedCopy() {
        // Sums whose rounding depends on the order: 1e8 + 1 is not representable in float, and
        // 0.1f widened is not 0.1. Any change of order or precision would change the bits.
        float[] in = {1e8f, 1f, 0.1f, -1e8f, 3.3f, 1e-3f, 7f, -0.2f, 2.5e7f, 0.7f, -1f, 9f};
        double[] widened = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            widened[i] = in[i];
        }
        for (boolean[] reduced : new boolean[][] {{true, true}, {false, true}, {true, false}, {false, false}}) {
            ReduceLayout layout = ReduceLayout.of(new long[] {3, 4}, reduced);
            double[] expected = new double[layout.outputCount()];
            double[] actual = new double[layout.outputCount()];
            Reductions.fold(widened, layout, FoldOperation.SUM, 0.0, expected, 0, expected.length);
            Reductions.fold(in, layout, FoldOperation.SUM, 0.0, actual, 0, actual.length);
            assertArrayEquals(expected, actual, 0.0);
        }
    }

    /** The lambdas each {@link FoldOperation} stands for, as the reductions used them before. */
    private static final Map<FoldOperation, DoubleBinaryOperator> LAMBDAS = Map.of(FoldOperation.SUM, Double::sum,
            FoldOperation.PRODUCT, (a, b) -> a * b, FoldOperation.MAXIMUM, Math::max, FoldOperation.MINIMUM, Math::min);

    @Test
    void everyFoldOperationIsItsLambdaFoldedInOrder() {
        // Order-sensitive sums (1e8 + 1 rounds), a product that overflows, signed zeros that max
        // and min tell apart, and NaN in the last row only; every layout of a [3, 4] input.
        float[] in = {1e8f, 1f, 0.1f, -1e8f, -0f, 0f, 1e30f, 1e30f, 2.5f, Float.NaN, -3f, 0.7f};
        double[] widened = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            widened[i] = in[i];
        }
        for (FoldOperation op : FoldOperation.values()) {
            double identity = op == FoldOperation.PRODUCT ? 1 : op == FoldOperation.MAXIMUM ? Double.NEGATIVE_INFINITY
                    : op == FoldOperation.MINIMUM ? Double.POSITIVE_INFINITY : 0;
            for (boolean[] reduced : new boolean[][] {{true, true}, {false, true}, {true, false}, {false, false}}) {
                ReduceLayout layout = ReduceLayout.of(new long[] {3, 4}, reduced);
                double[] fromFloats = new double[layout.outputCount()];
                double[] fromDoubles = new double[layout.outputCount()];
                Reductions.fold(in, layout, op, identity, fromFloats, 0, fromFloats.length);
                Reductions.fold(widened, layout, op, identity, fromDoubles, 0, fromDoubles.length);
                for (int o = 0; o < fromFloats.length; o++) {
                    // The lambda over the output's elements in row-major order, by hand.
                    double want = identity;
                    for (int i = 0; i < in.length; i++) {
                        boolean mine = (reduced[0] || i / 4 == o / (reduced[1] ? 1 : 4))
                                && (reduced[1] || i % 4 == o % 4);
                        if (mine) {
                            want = LAMBDAS.get(op).applyAsDouble(want, in[i]);
                        }
                    }
                    String what = op + " over " + Arrays.toString(reduced) + " at " + o;
                    assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(fromFloats[o]), what);
                    assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(fromDoubles[o]), what);
                }
            }
        }
    }

    @Test
    void foldingByColumnsIsEachOutputsOwnFoldInOrder() {
        // Layouts of a [5, 3, 12] input that keep its last axis, so that blocks of 8 or more
        // outputs fold a row of input into a run of outputs at a time: over axis 0, over axes
        // 0 and 1 (merged), and over the middle axis (two kept axes, runs of 12 outputs). Each
        // output is checked against its lambda folded by hand over its elements in row-major
        // order, on order-sensitive values (1e8 + 1 rounds; signed zeros; NaN; a product that
        // overflows), for the whole output and for a range that starts and ends inside a run,
        // leaving the other outputs untouched.
        long[] dims = {5, 3, 12};
        float[] in = new float[180];
        float[] specials = {1e8f, 1f, 0.1f, -1e8f, -0f, 0f, 1e30f, 1e30f, 2.5f, Float.NaN, -3f, 0.7f};
        for (int i = 0; i < in.length; i++) {
            in[i] = i % 17 == 0 ? specials[(i / 17) % specials.length] : (i * 37 % 101 - 50) * 0.37f;
        }
        double[] widened = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            widened[i] = in[i];
        }
        for (boolean[] reduced : new boolean[][] {{true, false, false}, {true, true, false}, {false, true, false}}) {
            ReduceLayout layout = ReduceLayout.of(dims, reduced);
            for (FoldOperation op : FoldOperation.values()) {
                double identity = op == FoldOperation.PRODUCT ? 1 : op == FoldOperation.MAXIMUM
                        ? Double.NEGATIVE_INFINITY : op == FoldOperation.MINIMUM ? Double.POSITIVE_INFINITY : 0;
                double[] want = new double[layout.outputCount()];
                Arrays.fill(want, identity);
                for (int i = 0; i < in.length; i++) {
                    int o = outputOf(i, dims, reduced);
                    want[o] = LAMBDAS.get(op).applyAsDouble(want[o], in[i]);
                }
                for (int[] range : new int[][] {{0, want.length}, {5, want.length - 3}}) {
                    double[] fromFloats = new double[want.length];
                    double[] fromDoubles = new double[want.length];
                    Arrays.fill(fromFloats, -7);
                    Arrays.fill(fromDoubles, -7);
                    Reductions.fold(in, layout, op, identity, fromFloats, range[0], range[1]);
                    Reductions.fold(widened, layout, op, identity, fromDoubles, range[0], range[1]);
                    for (int o = 0; o < want.length; o++) {
                        double expected = o >= range[0] && o < range[1] ? want[o] : -7;
                        String what = op + " over " + Arrays.toString(reduced) + " at " + o;
                        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(fromFloats[o]), what);
                        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(fromDoubles[o]), what);
                    }
                }
            }
        }
    }

    /** The output element that input element {@code i} of a row-major array folds into. */
    private static int outputOf(int i, long[] dims, boolean[] reduced) {
        int o = 0;
        int rest = i;
        int[] coord = new int[dims.length];
        for (int a = dims.length - 1; a >= 0; a--) {
            coord[a] = rest % (int) dims[a];
            rest /= (int) dims[a];
        }
        for (int a = 0; a < dims.length; a++) {
            if (!reduced[a]) {
                o = o * (int) dims[a] + coord[a];
            }
        }
        return o;
    }

    @Test
    void aBiasGradientByHand() {
        // A [4, 8] matrix 0..31 summed over its rows, in a block of 8 outputs (by columns):
        // column j is j + (8 + j) + (16 + j) + (24 + j) = 48 + 4j.
        ReduceLayout rows = ReduceLayout.of(new long[] {4, 8}, new boolean[] {true, false});
        double[] out = new double[8];
        Reductions.fold(arange(32), rows, FoldOperation.SUM, 0.0, out, 0, 8);
        assertArrayEquals(new double[] {48, 52, 56, 60, 64, 68, 72, 76}, out);
    }

    @Test
    void longFoldsAreCutAlongTheirOutermostReducedAxis() {
        int part = KernelTuning.REDUCE_PART_ELEMENTS;
        assertEquals(1, Reductions.foldParts(ReduceLayout.of(new long[] {part}, new boolean[] {true})));
        assertEquals(2, Reductions.foldParts(ReduceLayout.of(new long[] {part + 1}, new boolean[] {true})));
        // [2, 4, part]: the two trailing reduced axes merge into one run of 4 * part elements.
        assertEquals(4, Reductions.foldParts(ReduceLayout.of(new long[] {2, 4, part}, new boolean[] {false, true, true})));
        // Down the columns of [3 * part, 2]: one strided run per output.
        assertEquals(3, Reductions.foldParts(ReduceLayout.of(new long[] {3L * part, 2}, new boolean[] {true, false})));
        // [part, 2, 4] over axes 0 and 2: ranges of part / 4 indices of axis 0, 4 elements each.
        assertEquals(4, Reductions.foldParts(ReduceLayout.of(new long[] {part, 2, 4}, new boolean[] {true, false, true})));
        // [3, 2, part + 1] over axes 0 and 2: each index of axis 0 already holds more than a part.
        assertEquals(3, Reductions.foldParts(ReduceLayout.of(new long[] {3, 2, part + 1}, new boolean[] {true, false, true})));
    }

    @Test
    void aLongSumIsTheSumOfItsPartsInOrder() {
        // 2^53 followed by ones: in one chain every + 1 rounds back to 2^53 (a tie, to even), so
        // the chain gives 2^53. In parts of 65,536: 2^53 (its ones lost the same way), 65,536,
        // 65,536 and 4, all exact, and their sum 2^53 + 131,076 is exact too.
        int part = KernelTuning.REDUCE_PART_ELEMENTS;
        double[] in = new double[3 * part + 4];
        Arrays.fill(in, 1.0);
        in[0] = 0x1p53;
        ReduceLayout all = ReduceLayout.of(new long[] {in.length}, new boolean[] {true});
        double[] chain = new double[1];
        Reductions.fold(in, all, FoldOperation.SUM, 0.0, chain, 0, 1);
        assertEquals(0x1p53, chain[0]);
        int parts = Reductions.foldParts(all);
        double[] partials = new double[parts];
        Reductions.foldParts(in, all, parts, FoldOperation.SUM, 0.0, partials, 0, parts);
        assertArrayEquals(new double[] {0x1p53, part, part, 4}, partials);
        double[] out = new double[1];
        Reductions.joinParts(partials, parts, FoldOperation.SUM, 0.0, out);
        assertEquals(0x1p53 + 2 * part + 4, out[0]);
    }

    @Test
    void partsOfAStridedRunFollowEachOutputsOwnElements() {
        // [2 * part + 1, 2] down its columns: column 0 holds i, column 1 holds -2i, for row i.
        int part = KernelTuning.REDUCE_PART_ELEMENTS;
        int rows = 2 * part + 1;
        float[] in = new float[rows * 2];
        for (int i = 0; i < rows; i++) {
            in[2 * i] = i;
            in[2 * i + 1] = -2 * i;
        }
        ReduceLayout columns = ReduceLayout.of(new long[] {rows, 2}, new boolean[] {true, false});
        int parts = Reductions.foldParts(columns);
        assertEquals(3, parts);
        double[] partials = new double[2 * parts];
        Reductions.foldParts(in, columns, parts, FoldOperation.SUM, 0.0, partials, 0, partials.length);
        // Rows [0, part) sum to part(part-1)/2, rows [part, 2part) to part(3part-1)/2, row 2part alone.
        double first = (double) part * (part - 1) / 2;
        double second = (double) part * (3 * part - 1) / 2;
        assertArrayEquals(new double[] {first, second, 2 * part, -2 * first, -2 * second, -4 * part}, partials);
        double[] out = new double[2];
        Reductions.joinParts(partials, parts, FoldOperation.SUM, 0.0, out);
        double total = (double) rows * (rows - 1) / 2;
        assertArrayEquals(new double[] {total, -2 * total}, out);
    }

    @Test
    void partsOfSeveralReducedRunsTakeWholeRangesOfTheOuterAxis() {
        // [rows, 2, 4] over axes 0 and 2 (a per-channel sum): parts of part / 4 rows of axis 0.
        // Channel 0 holds 2^53 first and ones after it; channel 1 holds twos. One chain would
        // give 2^53 for channel 0 (each + 1 is a tie that rounds back to it); the parts give 2^53,
        // part (the ones of the second range) and 4 (the last row), whose sum is exact.
        int part = KernelTuning.REDUCE_PART_ELEMENTS;
        int rows = 2 * (part / 4) + 1;
        double[] in = new double[rows * 8];
        for (int r = 0; r < rows; r++) {
            Arrays.fill(in, r * 8, r * 8 + 4, 1.0);
            Arrays.fill(in, r * 8 + 4, r * 8 + 8, 2.0);
        }
        in[0] = 0x1p53;
        ReduceLayout channels = ReduceLayout.of(new long[] {rows, 2, 4}, new boolean[] {true, false, true});
        double[] chain = new double[2];
        Reductions.fold(in, channels, FoldOperation.SUM, 0.0, chain, 0, 2);
        assertArrayEquals(new double[] {0x1p53, 8.0 * rows}, chain);
        int parts = Reductions.foldParts(channels);
        assertEquals(3, parts);
        double[] partials = new double[2 * parts];
        Reductions.foldParts(in, channels, parts, FoldOperation.SUM, 0.0, partials, 0, partials.length);
        assertArrayEquals(new double[] {0x1p53, part, 4, 2.0 * part, 2.0 * part, 8}, partials);
        double[] out = new double[2];
        Reductions.joinParts(partials, parts, FoldOperation.SUM, 0.0, out);
        assertArrayEquals(new double[] {0x1p53 + part + 4, 8.0 * rows}, out);
    }

    @Test
    void maxAndMinInPartsGiveTheBitsOfOneChain() {
        // Signed zeros and a NaN in the middle part: Math.max and Math.min are associative even
        // for those, so parts may not change a bit.
        int part = KernelTuning.REDUCE_PART_ELEMENTS;
        float[] in = new float[2 * part + 7];
        for (int i = 0; i < in.length; i++) {
            in[i] = i % 3 == 0 ? -0.0f : i % 3 == 1 ? 0.0f : (float) Math.sin(i) * 1e-30f;
        }
        ReduceLayout all = ReduceLayout.of(new long[] {in.length}, new boolean[] {true});
        int parts = Reductions.foldParts(all);
        for (FoldOperation op : new FoldOperation[] {FoldOperation.MAXIMUM, FoldOperation.MINIMUM}) {
            double identity = op == FoldOperation.MAXIMUM ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            for (boolean withNaN : new boolean[] {false, true}) {
                float[] x = in.clone();
                if (withNaN) {
                    x[part + 3] = Float.NaN;
                }
                double[] chain = new double[1];
                Reductions.fold(x, all, op, identity, chain, 0, 1);
                double[] partials = new double[parts];
                Reductions.foldParts(x, all, parts, op, identity, partials, 0, parts);
                double[] joined = new double[1];
                Reductions.joinParts(partials, parts, op, identity, joined);
                assertEquals(Double.doubleToRawLongBits(chain[0]), Double.doubleToRawLongBits(joined[0]),
                        op + (withNaN ? " with a NaN: " : ": ") + chain[0] + " vs " + joined[0]);
            }
        }
    }

    @Test
    void computesOnlyTheRequestedRange() {
        ReduceLayout rows = ReduceLayout.of(new long[] {3, 2}, new boolean[] {false, true});
        long[] out = {-1, -1, -1};
        Reductions.fold(new long[] {1, 2, 3, 4, 5, 6}, rows, Long::sum, 0L, out, 1, 2);
        assertArrayEquals(new long[] {-1, 7, -1}, out);
    }

    @Test
    void reducingNothingCopiesAndReducingEverythingGivesOneElement() {
        ReduceLayout none = ReduceLayout.of(new long[] {2, 2}, new boolean[] {false, false});
        double[] copy = new double[4];
        Reductions.fold(new double[] {1, 2, 3, 4}, none, FoldOperation.MAXIMUM, Double.NEGATIVE_INFINITY, copy, 0, 4);
        assertArrayEquals(new double[] {1, 2, 3, 4}, copy);
        ReduceLayout all = ReduceLayout.of(new long[] {2, 2}, new boolean[] {true, true});
        double[] one = new double[1];
        Reductions.fold(new double[] {1, 2, 3, 4}, all, FoldOperation.PRODUCT, 1.0, one, 0, 1);
        assertArrayEquals(new double[] {24}, one);
    }

    @Test
    void argExtremeScansTheMiddleAxis() {
        // [outer=2, n=3, inner=2]: column (a, b) holds in[a*6 + t*2 + b] for t = 0..2
        double[] in = {5, 0, 9, 1, 9, 2, /* a = 1 */ 3, 8, 1, 8, 2, 7};
        long[] out = new long[4];
        Reductions.argExtreme(in, 3, 2, true, out, 0, 4);
        // (0,0): 5, 9, 9 -> 1; (0,1): 0, 1, 2 -> 2; (1,0): 3, 1, 2 -> 0; (1,1): 8, 8, 7 -> 0
        assertArrayEquals(new long[] {1, 2, 0, 0}, out);
        Reductions.argExtreme(new long[] {5, 0, 9, 1, 9, 2}, 3, 2, false, out, 0, 2);
        // (0,0): 5, 9, 9 -> 0; (0,1): 0, 1, 2 -> 0
        assertEquals(0, out[0]);
        assertEquals(0, out[1]);
    }
}
