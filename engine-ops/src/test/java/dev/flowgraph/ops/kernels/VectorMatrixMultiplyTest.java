package dev.flowgraph.ops.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Vector API product against the plain triple loop with chained FMAs, which it must equal bit
 * for bit, and against {@link TiledMatrixMultiply}. These tests run in the build's second test
 * run, {@code vector-kernels}, whose JVM has {@code --add-modules jdk.incubator.vector} and the
 * property {@code flowgraph.expectVectorMatMul}; in the default run, without the module, only
 * {@link #isOnExactlyWhenTheJvmHasTheVectorModule} runs and the others are skipped.
 */
class VectorMatrixMultiplyTest {
    private static final int[] ONE = {0};

    /**
     * {m, k, n}: one element; fewer rows than a group and columns than a panel; sizes one off a
     * group of 6, a panel, a tile and a block of 256; k = 0; a long inner dimension.
     */
    private static final int[][] SIZES = {
        {1, 1, 1}, {5, 3, 15}, {6, 8, 16}, {7, 9, 17}, {97, 131, 53}, {65, 63, 513}, {64, 256, 512},
        {13, 257, 33}, {129, 512, 1025}, {5, 0, 40}, {9, 1001, 37},
    };

    @Test
    void isOnExactlyWhenTheJvmHasTheVectorModule() {
        boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        boolean allowed = Boolean.parseBoolean(System.getProperty(KernelTuning.VECTOR_MATMUL_PROPERTY, "true"));
        assertEquals(module && allowed, KernelTuning.VECTOR_MATMUL);
        // Products with an inner dimension shorter than one block of 256 stay on the plain kernel.
        assertEquals(KernelTuning.VECTOR_MATMUL, KernelTuning.vectorMatMul(256));
        assertEquals(KernelTuning.VECTOR_MATMUL, KernelTuning.vectorMatMul(784));
        assertFalse(KernelTuning.vectorMatMul(255));
        if (Boolean.getBoolean("flowgraph.expectVectorMatMul")) {
            assertTrue(KernelTuning.VECTOR_MATMUL, "the vector-kernels test run has no Vector API");
        }
    }

    @Test
    void equalsTheFmaTripleLoopBitForBitAtEverySizeAndTransposeCombination() {
        needsTheVectorModule();
        Random random = new Random(21);
        for (int[] size : SIZES) {
            int m = size[0];
            int k = size[1];
            int n = size[2];
            for (int flags = 0; flags < 8; flags++) {
                boolean ta = (flags & 1) != 0;
                boolean tb = (flags & 2) != 0;
                boolean tc = (flags & 4) != 0;
                float[] a = FmaProducts.randomFloats(random, m * k);
                float[] b = FmaProducts.randomFloats(random, k * n);
                float[] expected = FmaProducts.of(a, b, 1, m, k, n, ta, tb);
                float[] c = multiply(a, b, ONE, ONE, m, k, n, ta, tb, tc);
                String where = "m=" + m + " k=" + k + " n=" + n + " flags=" + flags;
                assertArrayEquals(tc ? FmaProducts.transpose(expected, m, n) : expected, c, where);
                float[] tiled = new float[m * n];
                TiledMatrixMultiply.multiply(a, b, tiled, ONE, ONE, m, k, n, ta, tb, tc, 0,
                        TiledMatrixMultiply.tileCount(1, m, n));
                assertArrayEquals(tiled, c, where);
            }
        }
    }

    @Test
    void givesTheSameBitsWhateverOrderItsPanelsAndTilesRunIn() {
        needsTheVectorModule();
        // Two batches with a B each, 130 x 300 · 300 x 600: 3 x 2 tiles and 38 panels per batch.
        Random random = new Random(22);
        int m = 130;
        int k = 300;
        int n = 600;
        int[] aBatch = {0, m * k};
        int[] bBatch = {0, k * n};
        float[] a = FmaProducts.randomFloats(random, 2 * m * k);
        float[] b = FmaProducts.randomFloats(random, 2 * k * n);
        float[] all = multiply(a, b, aBatch, bBatch, m, k, n, false, false, false);

        float[] packed = new float[VectorMatrixMultiply.packedLength(2, k, n)];
        for (int q = VectorMatrixMultiply.panelCount(2, n) - 1; q >= 0; q--) {
            VectorMatrixMultiply.packB(b, bBatch, k, n, false, packed, q, q + 1);
        }
        float[] backwards = new float[2 * m * n];
        for (int t = TiledMatrixMultiply.tileCount(2, m, n) - 1; t >= 0; t--) {
            VectorMatrixMultiply.multiply(a, packed, new int[] {0, 1}, backwards, aBatch, m, k, n, false, false, t,
                    t + 1);
        }
        assertArrayEquals(all, backwards);
        float[] rows = new float[2 * m * n];
        MatrixMultiply.multiply(a, b, rows, aBatch, bBatch, m, k, n, false, false, 0, 2 * m);
        assertArrayEquals(rows, all);
    }

    @Test
    void packsABroadcastBOnceForEveryProductThatReadsIt() {
        // Three batches of 70 x 300 · 300 x 40 whose B is one matrix: packed once, read three times.
        needsTheVectorModule();
        Random random = new Random(23);
        int m = 70;
        int k = 300;
        int n = 40;
        int[] aBatch = {0, m * k, 2 * m * k};
        float[] a = FmaProducts.randomFloats(random, 3 * m * k);
        float[] b = FmaProducts.randomFloats(random, k * n);
        float[] packed = new float[VectorMatrixMultiply.packedLength(1, k, n)];
        VectorMatrixMultiply.packB(b, ONE, k, n, false, packed, 0, VectorMatrixMultiply.panelCount(1, n));
        float[] c = new float[3 * m * n];
        VectorMatrixMultiply.multiply(a, packed, new int[] {0, 0, 0}, c, aBatch, m, k, n, false, false, 0,
                TiledMatrixMultiply.tileCount(3, m, n));
        assertArrayEquals(FmaProducts.of(a, b, 3, m, k, n, false, false), c);
    }

    @Test
    void packsEachPanelInnerIndexByInnerIndexWithZerosPastTheLastColumn() {
        needsTheVectorModule();
        // B = [[0, 1, ..., n-1], [100, 101, ...]]: k = 2 rows of n = PANEL + 3 columns, so the
        // second panel holds 3 columns and PANEL - 3 zeros per inner index.
        int panel = VectorMatrixMultiply.PANEL;
        int k = 2;
        int n = panel + 3;
        float[] b = new float[k * n];
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                b[p * n + j] = 100 * p + j;
            }
        }
        float[] packed = new float[VectorMatrixMultiply.packedLength(1, k, n)];
        assertEquals(2 * k * panel, packed.length);
        VectorMatrixMultiply.packB(b, ONE, k, n, false, packed, 0, 2);
        float[] expected = new float[packed.length];
        for (int q = 0; q < 2; q++) {
            for (int p = 0; p < k; p++) {
                for (int j = 0; j < panel && q * panel + j < n; j++) {
                    expected[(q * k + p) * panel + j] = 100 * p + q * panel + j;
                }
            }
        }
        assertArrayEquals(expected, packed);
        float[] fromTransposed = new float[packed.length];
        VectorMatrixMultiply.packB(FmaProducts.transpose(b, k, n), ONE, k, n, true, fromTransposed, 0, 2);
        assertArrayEquals(expected, fromTransposed);
    }

    @Test
    void keepsNegativeZeroAndCarriesNanAndInfinityLikeTheTripleLoop() {
        needsTheVectorModule();
        // Row 0 of A: -1e-30 everywhere against B's 1e-30 gives -1e-60, which underflows to -0,
        // in every one of the 300 FMAs, so row 0 of C is -0 (a +0 start or padding would show).
        // Column 3 of B holds a NaN and column 5 an infinity, which every row meets.
        int m = 7;
        int k = 300;
        int n = 20;
        float[] a = new float[m * k];
        Arrays.fill(a, 1);
        Arrays.fill(a, 0, k, -1e-30f);
        float[] b = new float[k * n];
        Arrays.fill(b, 1e-30f);
        b[17 * n + 3] = Float.NaN;
        b[40 * n + 5] = Float.POSITIVE_INFINITY;
        float[] c = multiply(a, b, ONE, ONE, m, k, n, false, false, false);
        for (int j = 0; j < n; j++) {
            if (j != 3 && j != 5) {
                assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(c[j]), "C[0, " + j + "]");
            }
        }
        assertTrue(Float.isNaN(c[3]) && Float.isNaN(c[n + 3]));
        assertEquals(Float.NEGATIVE_INFINITY, c[5]);
        assertEquals(Float.POSITIVE_INFINITY, c[n + 5]);
        assertArrayEquals(FmaProducts.of(a, b, 1, m, k, n, false, false), c);
    }

    @Test
    void refusesRangesAndArraysThatDoNotFitTheProduct() {
        needsTheVectorModule();
        // 10 x 10 · 10 x 10 has one tile, and ceil(10 / PANEL) = 1 panel.
        float[] packed = new float[VectorMatrixMultiply.packedLength(1, 10, 10)];
        IllegalArgumentException tiles = assertThrows(IllegalArgumentException.class,
                () -> VectorMatrixMultiply.multiply(new float[100], packed, ONE, new float[100], ONE, 10, 10, 10,
                        false, false, 0, 2));
        assertEquals("tiles [0, 2) are not within [0, 1)", tiles.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> VectorMatrixMultiply.multiply(new float[100], packed, new int[] {1}, new float[100], ONE, 10, 10,
                        10, false, false, 0, 1));
        assertEquals("batch 0 reads packed B 1, which a packed array of " + packed.length + " floats does not hold",
                missing.getMessage());
        IllegalArgumentException panels = assertThrows(IllegalArgumentException.class,
                () -> VectorMatrixMultiply.packB(new float[100], ONE, 10, 10, false, packed, 1, 2));
        assertEquals("panels [1, 2) are not within [0, 1)", panels.getMessage());
        IllegalArgumentException shortPack = assertThrows(IllegalArgumentException.class,
                () -> VectorMatrixMultiply.packB(new float[100], ONE, 10, 10, false, new float[10], 0, 1));
        assertEquals("a packed array of 10 floats, " + packed.length + " needed", shortPack.getMessage());
    }

    private static void needsTheVectorModule() {
        assumeTrue(KernelTuning.VECTOR_MATMUL, "the JVM was started without --add-modules jdk.incubator.vector");
    }

    /** Packs each batch's B and computes every tile, the way the MatMul op does on one thread. */
    private static float[] multiply(float[] a, float[] b, int[] aBatch, int[] bBatch, int m, int k, int n,
            boolean ta, boolean tb, boolean tc) {
        float[] packed = new float[VectorMatrixMultiply.packedLength(bBatch.length, k, n)];
        VectorMatrixMultiply.packB(b, bBatch, k, n, tb, packed, 0, VectorMatrixMultiply.panelCount(bBatch.length, n));
        int[] packedOf = new int[aBatch.length];
        Arrays.setAll(packedOf, batch -> batch);
        float[] c = new float[aBatch.length * m * n];
        VectorMatrixMultiply.multiply(a, packed, packedOf, c, aBatch, m, k, n, ta, tc, 0,
                TiledMatrixMultiply.tileCount(aBatch.length, m, n));
        return c;
    }
}
