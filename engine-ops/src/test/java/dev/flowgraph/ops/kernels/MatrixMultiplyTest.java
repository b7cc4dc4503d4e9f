package dev.flowgraph.ops.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The matrix product kernel on row ranges, and the block-size rule. */
class MatrixMultiplyTest {
    /** One batch whose matrices start at index 0. */
    private static final int[] ONE = {0};

    @Test
    void computesABlockOfRowsThatSpansTwoBatchesSharingB() {
        // Batch 0: A0 = [[1, 2], [3, 4]], batch 1: A1 = [[5, 6], [7, 8]] (starts at 4); both use
        // B = I·10 = [[10, 0], [0, 10]]. Rows 1..3 of the stack: A0 row 1 and A1 row 0, times 10.
        double[] c = new double[8];
        MatrixMultiply.multiply(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, new double[] {10, 0, 0, 10}, c,
                new int[] {0, 4}, new int[] {0, 0}, 2, 2, 2, false, false, 1, 3);
        assertArrayEquals(new double[] {0, 0, 30, 40, 50, 60, 0, 0}, c);
    }
    @Test
    void multipliesAMatrixByAVector() {
        // [[1, 2], [-1, -2]] · [10, 100] = [210, -210], as a [2, 2] · [2, 1] product.
        double[] c = new double[2];
        MatrixMultiply.multiply(new double[] {1, 2, -1, -2}, new double[] {10, 100}, c,
                ONE, ONE, 2, 2, 1, false, false, 0, 2);
        assertArrayEquals(new double[] {210, -210}, c);
    }

    @Test
    void computesOnlyTheRequestedRows() {
        // A = [[1, 2], [3, 4], [5, 6]], B = I: row 1 of A·B is [3, 4]; rows 0 and 2 stay zero.
        long[] c = new long[6];
        MatrixMultiply.multiply(new long[] {1, 2, 3, 4, 5, 6}, new long[] {1, 0, 0, 1}, c,
                ONE, ONE, 3, 2, 2, false, false, 1, 2);
        assertArrayEquals(new long[] {0, 0, 3, 4, 0, 0}, c);
    }

    @Test
    void readsTransposedOperands() {
        // Aᵀ stored [[1, 3], [2, 4]] is A = [[1, 2], [3, 4]]; Bᵀ stored [[5, 7], [6, 8]] is
        // B = [[5, 6], [7, 8]]; A·B = [[19, 22], [43, 50]].
        float[] c = new float[4];
        MatrixMultiply.multiply(new float[] {1, 3, 2, 4}, new float[] {5, 7, 6, 8}, c,
                ONE, ONE, 2, 2, 2, true, true, 0, 2);
        assertArrayEquals(new float[] {19, 22, 43, 50}, c);
        int[] ci = new int[4];
        MatrixMultiply.multiply(new int[] {1, 2, 3, 4}, new int[] {5, 7, 6, 8}, ci,
                ONE, ONE, 2, 2, 2, false, true, 0, 2);
        assertArrayEquals(new int[] {19, 22, 43, 50}, ci);
    }

    @Test
    void blocksHoldWholeRowsOfAboutTheTargetWork() {
        // 65536 / (170 * 150) = 2.57 -> 2 rows; a huge row still gets a block of its own.
        assertEquals(2, KernelTuning.matMulRowsPerBlock(170, 150));
        assertEquals(1, KernelTuning.matMulRowsPerBlock(100_000, 100_000));
        assertEquals(65_536, KernelTuning.matMulRowsPerBlock(0, 10));
    }
}
