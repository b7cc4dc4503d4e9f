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
    void multipliesStacksOfMatricesByVectorsAsTheFmaLoopDoes() {
        // 3 batches of op(A) 7x9 times a vector of 9 (batch 2 shares batch 0's vector); rows
        // [1, 20) of the 21 start inside batch 0 and cut groups of four rows at batch ends, so both
        // the four-row and the one-row loops run. Each row must equal s = fma(a, x, s) over p.
        int m = 7;
        int k = 9;
        int[] aBatch = {0, m * k, 2 * m * k};
        int[] bBatch = {0, k, 0};
        java.util.Random random = new java.util.Random(9);
        double[] a = new double[3 * m * k];
        double[] b = new double[2 * k];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextGaussian();
        }
        for (boolean ta : new boolean[] {false, true}) {
            double[] expected = new double[3 * m];
            for (int r = 1; r < 20; r++) {
                int batch = r / m;
                int i = r % m;
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s = Math.fma(a[aBatch[batch] + (ta ? p * m + i : i * k + p)], b[bBatch[batch] + p], s);
                }
                expected[r] = s;
            }
            double[] c = new double[3 * m];
            MatrixMultiply.multiply(a, b, c, aBatch, bBatch, m, k, 1, ta, false, 1, 20);
            assertArrayEquals(expected, c, "transposeA=" + ta);
            float[] af = new float[a.length];
            float[] bf = new float[b.length];
            for (int i = 0; i < a.length; i++) {
                af[i] = (float) a[i];
            }
            for (int i = 0; i < b.length; i++) {
                bf[i] = (float) b[i];
            }
            float[] cf = new float[3 * m];
            MatrixMultiply.multiply(af, bf, cf, aBatch, bBatch, m, k, 1, ta, true, 1, 20);
            for (int r = 1; r < 20; r++) {
                int batch = r / m;
                int i = r % m;
                float s = 0;
                for (int p = 0; p < k; p++) {
                    s = Math.fma(af[aBatch[batch] + (ta ? p * m + i : i * k + p)], bf[bBatch[batch] + p], s);
                }
                assertEquals(s, cf[r], "row " + r + ", transposeA=" + ta);
            }
        }
    }

    @Test
    void blocksHoldWholeRowsOfAboutTheTargetWork() {
        // 65536 / (170 * 150) = 2.57 -> 2 rows; a huge row still gets a block of its own.
        assertEquals(2, KernelTuning.matMulRowsPerBlock(170, 150));
        assertEquals(1, KernelTuning.matMulRowsPerBlock(100_000, 100_000));
        assertEquals(65_536, KernelTuning.matMulRowsPerBlock(0, 10));
    }
}
