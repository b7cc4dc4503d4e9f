package dev.flowgraph.ops.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tiled matrix product against two oracles: the plain triple loop with chained FMAs, which it
 * must equal bit for bit, and the FLOAT64 triple loop, from which it may differ only by the
 * rounding error bound of a k-term sum.
 */
class TiledMatrixMultiplyTest {
    private static final int[] ONE = {0};

    /** {m, k, n}: edges, primes, sizes off the tile and micro-kernel sizes by one, k = 0, large k. */
    private static final int[][] SIZES = {
        {1, 1, 1}, {1, 7, 300}, {300, 7, 1}, {2, 4, 8}, {3, 5, 33}, {97, 131, 53}, {65, 63, 513},
        {64, 64, 512}, {129, 130, 1025}, {5, 0, 40}, {9, 1001, 37}, {63, 257, 600},
    };

    @Test
    void countsTilesPerBatchDownAndAcross() {
        // 130 rows: ceil(130 / 64) = 3 tiles down; 600 columns: ceil(600 / 512) = 2 across; 2 batches.
        assertEquals(2 * 3 * 2, TiledMatrixMultiply.tileCount(2, 130, 600));
        assertEquals(1, TiledMatrixMultiply.tileCount(1, 1, 1));
        assertEquals(0, TiledMatrixMultiply.tileCount(3, 0, 10));
    }

    @Test
    void equalsTheFmaTripleLoopBitForBitAtEverySizeAndTransposeCombination() {
        Random random = new Random(4);
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
                float[] c = new float[m * n];
                TiledMatrixMultiply.multiply(a, b, c, ONE, ONE, m, k, n, ta, tb, tc, 0,
                        TiledMatrixMultiply.tileCount(1, m, n));
                float[] expected = FmaProducts.of(a, b, 1, m, k, n, ta, tb);
                assertArrayEquals(tc ? FmaProducts.transpose(expected, m, n) : expected, c,
                        () -> describe(size, ta, tb, tc));

                double[] ad = FmaProducts.randomDoubles(random, m * k);
                double[] bd = FmaProducts.randomDoubles(random, k * n);
                double[] cd = new double[m * n];
                TiledMatrixMultiply.multiply(ad, bd, cd, ONE, ONE, m, k, n, ta, tb, tc, 0,
                        TiledMatrixMultiply.tileCount(1, m, n));
                double[] expectedD = FmaProducts.of(ad, bd, 1, m, k, n, ta, tb);
                assertArrayEquals(tc ? FmaProducts.transpose(expectedD, m, n) : expectedD, cd,
                        () -> describe(size, ta, tb, tc));
            }
        }
    }

    @Test
    void staysWithinTheRoundingBoundOfTheDoubleTripleLoop() {
        // Each step of a k-term float sum rounds by at most 2^-24 relative, so the error of the
        // whole sum is at most k * 2^-24 * sum of |a[i][p] * b[p][j]| (first order in 2^-24).
        Random random = new Random(5);
        int m = 97;
        int k = 1001;
        int n = 53;
        float[] a = FmaProducts.randomFloats(random, m * k);
        float[] b = FmaProducts.randomFloats(random, k * n);
        float[] c = new float[m * n];
        TiledMatrixMultiply.multiply(a, b, c, ONE, ONE, m, k, n, false, false, false, 0,
                TiledMatrixMultiply.tileCount(1, m, n));
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double exact = 0;
                double magnitude = 0;
                for (int p = 0; p < k; p++) {
                    exact += (double) a[i * k + p] * b[p * n + j];
                    magnitude += Math.abs((double) a[i * k + p] * b[p * n + j]);
                }
                double bound = k * Math.ulp(1f) / 2 * magnitude;
                assertTrue(Math.abs(c[i * n + j] - exact) <= bound, "C[" + i + ", " + j + "] = " + c[i * n + j]
                        + " but the double sum is " + exact + ", bound " + bound);
            }
        }
    }

    @Test
    void keepsASumThatRoundedToNegativeZeroWhereThePanelsArePadded() {
        // -1e-30 * 1e-30 = -1e-60 underflows to -0 in float (and -1e-200 * 1e-200 in double), and
        // -0 + -0 = -0, so every element of row 0 is -0. k = 9 is padded to 12: three padded
        // steps, which must leave it -0 (fma(+0, 0, -0) would give +0). Row 1 is an ordinary sum.
        int m = 2;
        int k = 9;
        int n = 40;
        float[] a = new float[m * k];
        double[] ad = new double[m * k];
        for (int p = 0; p < k; p++) {
            a[p] = -1e-30f;
            ad[p] = -1e-200;
            a[k + p] = 1e30f;
            ad[k + p] = 1e200;
        }
        float[] b = new float[k * n];
        double[] bd = new double[k * n];
        Arrays.fill(b, 1e-30f);
        Arrays.fill(bd, 1e-200);
        float[] c = new float[m * n];
        double[] cd = new double[m * n];
        TiledMatrixMultiply.multiply(a, b, c, ONE, ONE, m, k, n, false, false, false, 0, 1);
        TiledMatrixMultiply.multiply(ad, bd, cd, ONE, ONE, m, k, n, false, false, false, 0, 1);
        for (int j = 0; j < n; j++) {
            assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(c[j]), "C[0, " + j + "]");
            assertEquals(Double.doubleToRawLongBits(-0d), Double.doubleToRawLongBits(cd[j]), "C[0, " + j + "]");
        }
        assertArrayEquals(FmaProducts.of(a, b, 1, m, k, n, false, false), c);
        assertArrayEquals(FmaProducts.of(ad, bd, 1, m, k, n, false, false), cd);
    }

    @Test
    void isExactOnSmallIntegers() {
        // Products and partial sums of integers in [-3, 3] with k = 300 stay below 2^24 in
        // magnitude (300 * 9 = 2700), so every float operation is exact and the result equals the
        // double triple loop exactly.
        Random random = new Random(6);
        int m = 70;
        int k = 300;
        int n = 530;
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextInt(7) - 3;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextInt(7) - 3;
        }
        float[] c = new float[m * n];
        TiledMatrixMultiply.multiply(a, b, c, ONE, ONE, m, k, n, false, false, false, 0,
                TiledMatrixMultiply.tileCount(1, m, n));
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += (double) a[i * k + p] * b[p * n + j];
                }
                assertEquals(s, c[i * n + j], "C[" + i + ", " + j + "]");
            }
        }
    }

    @Test
    void givesTheSameBitsTileByTileInAnyOrderAndAsTheRowKernel() {
        Random random = new Random(7);
        int m = 130;
        int k = 70;
        int n = 600;
        // Two batches that share B; A of batch 1 starts after A of batch 0.
        int[] aBatch = {0, m * k};
        int[] bBatch = {0, 0};
        float[] a = FmaProducts.randomFloats(random, 2 * m * k);
        float[] b = FmaProducts.randomFloats(random, k * n);
        int tiles = TiledMatrixMultiply.tileCount(2, m, n);
        float[] all = new float[2 * m * n];
        TiledMatrixMultiply.multiply(a, b, all, aBatch, bBatch, m, k, n, false, false, false, 0, tiles);
        float[] backwards = new float[2 * m * n];
        for (int t = tiles - 1; t >= 0; t--) {
            TiledMatrixMultiply.multiply(a, b, backwards, aBatch, bBatch, m, k, n, false, false, false, t, t + 1);
        }
        assertArrayEquals(all, backwards);
        float[] rows = new float[2 * m * n];
        MatrixMultiply.multiply(a, b, rows, aBatch, bBatch, m, k, n, false, false, 0, 2 * m);
        assertArrayEquals(all, rows);
    }

    @Test
    void choosesTheTiledKernelForProductsLargeEnough() {
        assertTrue(KernelTuning.matMulTiled(64, 64, 64));
        assertTrue(KernelTuning.matMulTiled(4, 256, 32));
        // 32 * 32 * 31 multiply-adds are fewer than 32^3; a matrix-vector product has one column.
        assertFalse(KernelTuning.matMulTiled(32, 32, 31));
        assertFalse(KernelTuning.matMulTiled(1024, 1024, 1));
        assertFalse(KernelTuning.matMulTiled(1024, 4, 1024));
    }

    @Test
    void transposesProductsWithShortRows() {
        // The MNIST MLP's [128, 128] · [128, 10]: rows of 10 are too short for the tiled kernel,
        // its transpose has rows of 128. [784, 128] · [128, 128]: rows of 128 become rows of 784.
        assertTrue(KernelTuning.matMulTransposed(128, 128, 10));
        assertTrue(KernelTuning.matMulTransposed(784, 128, 128));
        // An odd number of rows for the transpose is fine: the tiled kernel pads its tiles to pairs.
        assertTrue(KernelTuning.matMulTransposed(784, 128, 127));
        // Square, wider than tall, rows as long as a tile, or a transpose with fewer than 4 rows: no.
        assertFalse(KernelTuning.matMulTransposed(128, 784, 128));
        assertFalse(KernelTuning.matMulTransposed(128, 10, 784));
        assertFalse(KernelTuning.matMulTransposed(4096, 64, 512));
        assertFalse(KernelTuning.matMulTransposed(1024, 1024, 3));
    }

    @Test
    void refusesATileRangeOutsideTheProduct() {
        // 10 x 10 has one tile.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TiledMatrixMultiply.multiply(new float[100], new float[100], new float[100], ONE, ONE, 10, 10,
                        10, false, false, false, 0, 2));
        assertEquals("tiles [0, 2) are not within [0, 1)", e.getMessage());
    }

    @Test
    void keepsTheMicroKernelTooLargeForC2ToInline() throws IOException {
        // HotSpot's FreqInlineSize is 325 bytes of bytecode; an inlined copy of the micro-kernel
        // was measured 3 to 4 times slower (see multiplyRows), so an edit that shrinks it must fail.
        for (String tile : List.of("FloatTile", "DoubleTile")) {
            int length = codeLength("TiledMatrixMultiply$" + tile + ".class", "multiplyRows");
            assertTrue(length > 325, tile + ".multiplyRows has " + length + " bytes of bytecode");
        }
    }

    private static String describe(int[] size, boolean ta, boolean tb, boolean tc) {
        return "m=" + size[0] + " k=" + size[1] + " n=" + size[2] + " transposeA=" + ta + " transposeB=" + tb
                + " transposeC=" + tc;
    }

    /** The length of the bytecode of the one method called {@code method} in a class file beside this class. */
    private static int codeLength(String classFile, String method) throws IOException {
        try (DataInputStream in = new DataInputStream(TiledMatrixMultiplyTest.class.getResourceAsStream(classFile))) {
            in.skipBytes(8); // magic, minor and major version
            int poolSize = in.readUnsignedShort();
            String[] utf8 = new String[poolSize];
            for (int i = 1; i < poolSize; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                    case 15 -> in.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++; // a long or double takes two entries
                    }
                    default -> throw new IOException("constant pool tag " + tag);
                }
            }
            in.skipBytes(6); // access flags, this class, super class
            in.skipBytes(2 * in.readUnsignedShort()); // interfaces
            skipMembers(in); // fields
            int methods = in.readUnsignedShort();
            for (int m = 0; m < methods; m++) {
                in.skipBytes(2);
                String name = utf8[in.readUnsignedShort()];
                in.skipBytes(2);
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    String attribute = utf8[in.readUnsignedShort()];
                    int length = in.readInt();
                    if (name.equals(method) && attribute.equals("Code")) {
                        in.skipBytes(4); // max stack, max locals
                        return in.readInt();
                    }
                    in.skipBytes(length);
                }
            }
            throw new IOException(method + " not found in " + classFile);
        }
    }

    private static void skipMembers(DataInputStream in) throws IOException {
        int members = in.readUnsignedShort();
        for (int m = 0; m < members; m++) {
            in.skipBytes(6);
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                in.skipBytes(2);
                in.skipBytes(in.readInt());
            }
        }
    }
}
