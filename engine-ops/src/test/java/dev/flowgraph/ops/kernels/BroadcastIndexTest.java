package dev.flowgraph.ops.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runs that BroadcastIndex hands out: merged axes, strides, and ranges that start mid-row. */
class BroadcastIndexTest {
    private static List<List<Integer>> runs(BroadcastIndex ix, int from, int to) {
        List<List<Integer>> out = new ArrayList<>();
        ix.forEachRun(from, to, (o, n, xo, xs, yo, ys) -> out.add(List.of(o, n, xo, xs, yo, ys)));
        return out;
    }

    private static long[] dims(long... d) {
        return d;
    }

    @Test
    void equalShapesAreOneContiguousRun() {
        BroadcastIndex ix = new BroadcastIndex(dims(2, 3, 4), dims(2, 3, 4), dims(2, 3, 4));
        assertTrue(ix.isSingleRun());
        assertEquals(24, ix.size());
        assertEquals(List.of(List.of(5, 10, 5, 1, 5, 1)), runs(ix, 5, 15));
    }

    @Test
    void onlyOperandsOfTheResultsShapeHaveUnitStride() {
        // Leading size-1 axes do not matter: [1, 2, 3] and [2, 3] hold their elements in the same order.
        assertTrue(new BroadcastIndex(dims(1, 2, 3), dims(1, 2, 3), dims(2, 3)).isUnitStride());
        // A broadcast scalar or row is read with stride 0, so it cannot be indexed directly.
        assertFalse(new BroadcastIndex(dims(2, 3), dims(), dims(2, 3)).isUnitStride());
        assertFalse(new BroadcastIndex(dims(2, 3), dims(2, 3), dims(3)).isUnitStride());
        // One element: every operand's element 0, whatever its stride.
        assertTrue(new BroadcastIndex(dims(1), dims(), dims(1)).isUnitStride());
    }

    @Test
    void theSameShapeIndexHandsOutTheRunsOfTheGeneralOne() {
        BroadcastIndex general = new BroadcastIndex(dims(2, 3, 4), dims(2, 3, 4), dims(2, 3, 4));
        BroadcastIndex same = BroadcastIndex.sameShape(24, 2);
        assertEquals(general.size(), same.size());
        assertTrue(same.isUnitStride());
        assertEquals(runs(general, 5, 19), runs(same, 5, 19));
    }

    @Test
    void aSizeOneOperandIsReadWithStrideZero() {
        BroadcastIndex ix = new BroadcastIndex(dims(2, 3), dims(), dims(2, 3));
        assertTrue(ix.isSingleRun());
        assertEquals(List.of(List.of(0, 6, 0, 0, 0, 1)), runs(ix, 0, 6));
        BroadcastIndex ones = new BroadcastIndex(dims(2, 3), dims(2, 3), dims(1, 1));
        assertEquals(List.of(List.of(1, 4, 1, 1, 0, 0)), runs(ones, 1, 5));
    }

    @Test
    void aVectorOverRowsGivesOneRunPerRow() {
        // [2, 3] + [3]: row r of the result reads x from 3r and y from 0.
        BroadcastIndex ix = new BroadcastIndex(dims(2, 3), dims(2, 3), dims(3));
        assertFalse(ix.isSingleRun());
        assertEquals(List.of(List.of(0, 3, 0, 1, 0, 1), List.of(3, 3, 3, 1, 0, 1)), runs(ix, 0, 6));
        // Starting at element 2 (row 0, column 2) and stopping at 4 (row 1, column 1).
        assertEquals(List.of(List.of(2, 1, 2, 1, 2, 1), List.of(3, 1, 3, 1, 0, 1)), runs(ix, 2, 4));
    }

    @Test
    void aColumnAgainstARowWalksBothStrides() {
        // [2, 1] + [1, 3]: result (i, j) reads x[i] and y[j].
        BroadcastIndex ix = new BroadcastIndex(dims(2, 3), dims(2, 1), dims(1, 3));
        assertEquals(List.of(List.of(0, 3, 0, 0, 0, 1), List.of(3, 3, 1, 0, 0, 1)), runs(ix, 0, 6));
    }

    @Test
    void carriesAcrossSeveralOuterAxes() {
        // [2, 2, 2] + [2, 1, 2]: the middle axis is broadcast for y, so runs are rows of 2 and y
        // repeats each of its two rows twice: y offsets 0, 0, 2, 2.
        BroadcastIndex ix = new BroadcastIndex(dims(2, 2, 2), dims(2, 2, 2), dims(2, 1, 2));
        assertEquals(List.of(List.of(0, 2, 0, 1, 0, 1), List.of(2, 2, 2, 1, 0, 1), List.of(4, 2, 4, 1, 2, 1),
                List.of(6, 2, 6, 1, 2, 1)), runs(ix, 0, 8));
    }

    @Test
    void emptyResultsAndRangesDoNothing() {
        BroadcastIndex ix = new BroadcastIndex(dims(0, 3), dims(0, 3), dims(3));
        assertEquals(0, ix.size());
        assertEquals(List.of(), runs(ix, 0, 0));
        BroadcastIndex scalar = new BroadcastIndex(dims(), dims(), dims());
        assertEquals(1, scalar.size());
        assertEquals(List.of(List.of(0, 1, 0, 0, 0, 0)), runs(scalar, 0, 1));
    }

    @Test
    void refusesOperandsThatDoNotBroadcast() {
        assertThrows(IllegalArgumentException.class, () -> new BroadcastIndex(dims(2, 3), dims(2, 3), dims(2)));
        assertThrows(IllegalArgumentException.class, () -> new BroadcastIndex(dims(3), dims(2, 3), dims(3)));
        BroadcastIndex ix = new BroadcastIndex(dims(3), dims(3), dims(3));
        assertThrows(IllegalArgumentException.class, () -> runs(ix, 0, 4));
    }

    private static List<List<Integer>> operandRuns(BroadcastIndex ix, int from, int to) {
        List<List<Integer>> out = new ArrayList<>();
        ix.forEachOperandRun(from, to, (o, n, offsets, strides) -> {
            List<Integer> run = new ArrayList<>(List.of(o, n));
            for (int j = 0; j < offsets.length; j++) {
                run.add(offsets[j]);
                run.add(strides[j]);
            }
            out.add(run);
        });
        return out;
    }

    @Test
    void threeOperandsBroadcastTogether() {
        // [2, 3] from c [2, 1], x [3], y []: row r reads c[r] (stride 0), x from 0 (stride 1), y[0].
        BroadcastIndex ix = new BroadcastIndex(dims(2, 3), dims(2, 1), dims(3), dims());
        assertEquals(3, ix.operandCount());
        assertEquals(List.of(List.of(0, 3, 0, 0, 0, 1, 0, 0), List.of(3, 3, 1, 0, 0, 1, 0, 0)),
                operandRuns(ix, 0, 6));
        // From element 4 (row 1, column 1) to the end.
        assertEquals(List.of(List.of(4, 2, 1, 0, 1, 1, 0, 0)), operandRuns(ix, 4, 6));
        assertThrows(IllegalStateException.class, () -> runs(ix, 0, 6));
    }

    @Test
    void threeEqualShapesMergeIntoOneRun() {
        BroadcastIndex ix = new BroadcastIndex(dims(4, 5), dims(4, 5), dims(4, 5), dims(4, 5));
        assertTrue(ix.isSingleRun());
        assertEquals(List.of(List.of(3, 12, 3, 1, 3, 1, 3, 1)), operandRuns(ix, 3, 15));
    }

    @Test
    void axesMergeOnlyWhereEveryOperandAllows() {
        // [2, 2, 2] with x and y equal-shaped but c [2, 1, 2]: the outer two axes of x and y would
        // merge, c's broadcast middle axis keeps them apart, so rows of 2 with c at 0, 0, 2, 2.
        BroadcastIndex ix = new BroadcastIndex(dims(2, 2, 2), dims(2, 1, 2), dims(2, 2, 2), dims(2, 2, 2));
        List<Integer> cOffsets = new ArrayList<>();
        ix.forEachOperandRun(0, 8, (o, n, offsets, strides) -> cOffsets.add(offsets[0]));
        assertEquals(List.of(0, 0, 2, 2), cOffsets);
    }

    @Test
    void oneOperandIsOneRunOfItself() {
        BroadcastIndex ix = new BroadcastIndex(dims(3, 4), dims(3, 4));
        assertTrue(ix.isSingleRun());
        assertEquals(List.of(List.of(2, 7, 2, 1)), operandRuns(ix, 2, 9));
        assertThrows(IllegalArgumentException.class, () -> new BroadcastIndex(dims(3)));
    }
}
