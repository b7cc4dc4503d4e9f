package dev.flowgraph.ops.kernels;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.math.IntMath;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * The matrix product {@code C = op(A) · op(B)} for FLOAT32 and FLOAT64 matrices that are large
 * enough to pay for packing (see {@link KernelTuning#matMulTiled}), computed in fixed tiles of C
 * so that a pool of threads can share it. As in {@link MatrixMultiply}, a batch of products is one
 * call: C holds the {@code batches} result matrices one after another, and per batch the caller
 * gives where its A and B matrices start.
 *
 * <p><b>Tiles.</b> Each C matrix is cut into tiles of {@link KernelTuning#MATMUL_TILE_ROWS} rows
 * and {@link KernelTuning#MATMUL_TILE_COLUMNS} columns (smaller at the bottom and right edges),
 * numbered batch by batch, column strip by column strip, and down each strip; a call computes a
 * range of tiles, each from start to end over the whole inner dimension. The tiles depend on the
 * matrix sizes only, so the work a pool shares is the same at any pool size.
 *
 * <p><b>Packing and blocking.</b> A tile walks the inner dimension in blocks of {@link
 * KernelTuning#MATMUL_DEPTH_BLOCK}. For each block it copies the block's rows of {@code op(B)},
 * restricted to the tile's columns, into one small array per row (the B panel, which stays in
 * a core's L1 or L2 cache and is read by every row of the tile), and the tile's rows of {@code op(A)} into
 * one array, row after row (one {@code System.arraycopy} per row when A is not transposed).
 * Packing also turns a transposed operand into the layout the micro-kernel reads, so all four
 * transpose combinations run the same loop. Every block, the last one included, is padded to
 * the same length, the first block's rounded up to a multiple of 4, with zeros in the B panel
 * and negative zeros in the A panel: the micro-kernel always runs the same number of inner
 * steps per call (measured on JDK 17, once it had been called with one step, for the 3 inner
 * indices left by k = 131, C2's code for it ran about 4 times slower for every product after). The tile's C rows are accumulated
 * in arrays of their own and copied into C at the end, or transposed into it when the caller
 * computes C as the transpose of {@code op(B)ᵀ · op(A)ᵀ}.
 *
 * <p><b>Micro-kernel.</b> Two rows of C by the tile's columns, four inner indices at a time: the
 * eight A values are held in locals, and one loop over the columns reads four B rows and
 * updates two C rows with four chained {@link Math#fma} each. HotSpot's C2 compiler turns that
 * loop into vector loads and vector FMAs (8 floats or 4 doubles per AVX2 instruction), with C
 * read and written once per four inner indices. Every array that loop touches is indexed by the
 * loop variable alone and taken out of its {@code float[][]} right before the loop: measured on
 * JDK 17, offsets into one shared array, a loop body larger than this (three C rows, or eight
 * inner indices), or rows taken out of the arrays earlier, each keep C2 from vectorising it,
 * which makes it 4 to 6 times slower. A tile with an odd number of rows gets one more row in
 * its panels, zeros in A and a C row that is thrown away, so that the micro-kernel only ever runs
 * pairs of rows: a loop of its own for an unpaired row made C2's code for the pairs 3 to 4 times
 * slower for the rest of the JVM once an odd tile had reached it. The loop lives in a method too
 * large for C2 to inline ({@code multiplyRows}), so that it keeps its own vectorised compilation.
 *
 * <p><b>Why the result does not depend on the tiling or the pool.</b> Every element of C is
 * computed by exactly one tile, as {@code s = 0; for p = 0..k-1: s = fma(op(A)[i, p],
 * op(B)[p, j], s)}: the blocks of the inner dimension are visited in increasing order, the
 * accumulator lives in the tile's C row between blocks, and a padded step adds {@code
 * fma(-0, 0, s) = s + (-0) = s} for every s. (Padding A with +0 would turn a sum that had rounded
 * to -0, from products that all underflowed below zero, into +0.) That is also exactly what
 * {@link MatrixMultiply} and {@link VectorMatrixMultiply} compute for FLOAT32 and FLOAT64, so
 * choosing between the kernels does not change a single bit either.
 *
 * <p>The FLOAT32 and FLOAT64 tiles are the same code, once on {@code float[]} and once on
 * {@code double[]}: the micro-kernel must index primitive arrays directly to be vectorised, so
 * unlike the other kernels it cannot call back into a per-dtype functional interface.
 *
 * <pre>{@code
 * float[] a = new float[64 * 64], b = new float[64 * 64], c = new float[64 * 64];
 * int tiles = TiledMatrixMultiply.tileCount(1, 64, 64);
 * TiledMatrixMultiply.multiply(a, b, c, new int[] {0}, new int[] {0}, 64, 64, 64, false, false, false, 0, tiles);
 * }</pre>
 */
public final class TiledMatrixMultiply {
    /** Inner indices per step of the micro-kernel; panels are padded to a multiple of it. */
    private static final int STEP = 4;

    private TiledMatrixMultiply() {}

    /**
     * Returns how many tiles a stack of {@code batches} products of {@code m x n} matrices has.
     *
     * @param batches the number of products
     * @param m the number of rows of each C matrix
     * @param n the number of columns of each C matrix
     * @return {@code batches * ceil(m / MATMUL_TILE_ROWS) * ceil(n / MATMUL_TILE_COLUMNS)}
     */
    public static int tileCount(int batches, int m, int n) {
        checkArgument(batches >= 0 && m >= 0 && n >= 0, "negative size: batches=%s, m=%s, n=%s", batches, m, n);
        long tiles = (long) batches * IntMath.divide(m, KernelTuning.MATMUL_TILE_ROWS, RoundingMode.CEILING)
                * IntMath.divide(n, KernelTuning.MATMUL_TILE_COLUMNS, RoundingMode.CEILING);
        checkArgument(tiles <= Integer.MAX_VALUE, "%s tiles do not fit in an int", tiles);
        return (int) tiles;
    }

    /**
     * Computes tiles {@code [tileFrom, tileTo)} of {@code C = op(A) · op(B)}:
     * {@code C[i, j] = fma(op(A)[i, k-1], op(B)[k-1, j], ... fma(op(A)[i, 0], op(B)[0, j], 0))}.
     *
     * @param a A, row-major: {@code [m, k]}, or {@code [k, m]} if {@code transposeA} (not modified)
     * @param b B, row-major: {@code [k, n]}, or {@code [n, k]} if {@code transposeB} (not modified)
     * @param c C, row-major {@code [batches, m, n]} (or {@code [batches, n, m]}, see {@code transposeC});
     *     receives the tiles' elements (modified)
     * @param aBatch per batch, where its A matrix starts in {@code a} (not modified)
     * @param bBatch per batch, where its B matrix starts in {@code b} (not modified)
     * @param m the number of rows of {@code op(A)} and of each C matrix
     * @param k the inner dimension
     * @param n the number of columns of {@code op(B)} and C
     * @param transposeA whether A is stored transposed
     * @param transposeB whether B is stored transposed
     * @param transposeC whether to store C transposed, {@code [batches, n, m]}: element {@code (i, j)}
     *     of a batch's product at {@code j * m + i} (what a caller wants when it computes
     *     {@code C = op(A) · op(B)} as the transpose of {@code op(B)ᵀ · op(A)ᵀ})
     * @param tileFrom the first tile to compute (see {@link #tileCount})
     * @param tileTo one past the last
     */
    public static void multiply(float[] a, float[] b, float[] c, int[] aBatch, int[] bBatch, int m, int k,
            int n, boolean transposeA, boolean transposeB, boolean transposeC, int tileFrom, int tileTo) {
        checkTiles(aBatch, bBatch, m, k, n, tileFrom, tileTo);
        for (int t = tileFrom; t < tileTo; t++) {
            MatrixTile tile = MatrixTile.of(t, m, n);
            new FloatTile(a, b, aBatch[tile.batch], bBatch[tile.batch], m, k, n, transposeA, transposeB, tile)
                    .compute(c, tile.batch * m * n, transposeC);
        }
    }

    /**
     * Computes tiles {@code [tileFrom, tileTo)} of {@code C = op(A) · op(B)}; see
     * {@link #multiply(float[], float[], float[], int[], int[], int, int, int, boolean, boolean, boolean, int, int)}.
     *
     * @param a A, row-major: {@code [m, k]}, or {@code [k, m]} if {@code transposeA} (not modified)
     * @param b B, row-major: {@code [k, n]}, or {@code [n, k]} if {@code transposeB} (not modified)
     * @param c C, row-major {@code [batches, m, n]} (or {@code [batches, n, m]}, see {@code transposeC});
     *     receives the tiles' elements (modified)
     * @param aBatch per batch, where its A matrix starts in {@code a} (not modified)
     * @param bBatch per batch, where its B matrix starts in {@code b} (not modified)
     * @param m the number of rows of {@code op(A)} and of each C matrix
     * @param k the inner dimension
     * @param n the number of columns of {@code op(B)} and C
     * @param transposeA whether A is stored transposed
     * @param transposeB whether B is stored transposed
     * @param transposeC whether to store C transposed, {@code [batches, n, m]}: element {@code (i, j)}
     *     of a batch's product at {@code j * m + i} (what a caller wants when it computes
     *     {@code C = op(A) · op(B)} as the transpose of {@code op(B)ᵀ · op(A)ᵀ})
     * @param tileFrom the first tile to compute (see {@link #tileCount})
     * @param tileTo one past the last
     */
    public static void multiply(double[] a, double[] b, double[] c, int[] aBatch, int[] bBatch, int m, int k,
            int n, boolean transposeA, boolean transposeB, boolean transposeC, int tileFrom, int tileTo) {
        checkTiles(aBatch, bBatch, m, k, n, tileFrom, tileTo);
        for (int t = tileFrom; t < tileTo; t++) {
            MatrixTile tile = MatrixTile.of(t, m, n);
            new DoubleTile(a, b, aBatch[tile.batch], bBatch[tile.batch], m, k, n, transposeA, transposeB, tile)
                    .compute(c, tile.batch * m * n, transposeC);
        }
    }

    private static void checkTiles(int[] aBatch, int[] bBatch, int m, int k, int n, int tileFrom, int tileTo) {
        checkArgument(m >= 0 && k >= 0 && n >= 0, "negative dimension: m=%s, k=%s, n=%s", m, k, n);
        checkArgument(aBatch.length == bBatch.length, "%s batch offsets for A but %s for B", aBatch.length,
                bBatch.length);
        int tiles = tileCount(aBatch.length, m, n);
        checkArgument(0 <= tileFrom && tileFrom <= tileTo && tileTo <= tiles, "tiles [%s, %s) are not within [0, %s)",
                tileFrom, tileTo, tiles);
    }

    /**
     * The rows of a tile's A panel and C rows: its rows rounded up to an even number, the extra
     * row all zeros in A and thrown away in C, so that the micro-kernel only ever runs pairs of
     * rows.
     */
    private static int panelRows(MatrixTile tile) {
        return tile.rows + tile.rows % 2;
    }

    /** Returns {@code x} rounded up to a multiple of {@link #STEP}. */
    private static int padded(int x) {
        return (x + STEP - 1) / STEP * STEP;
    }

    /**
     * The strides that read {@code op(A)} and {@code op(B)} of one batch:
     * {@code op(A)[i, p] = a[aStart + i * aRow + p * aCol]} and
     * {@code op(B)[p, j] = b[bStart + p * bRow + j * bCol]}.
     */
    private abstract static class Layout {
        final int aStart;
        final int aRow;
        final int aCol;
        final int bStart;
        final int bRow;
        final int bCol;
        final int m;
        final int k;
        final int n;
        final MatrixTile tile;

        Layout(int aStart, int bStart, int m, int k, int n, boolean transposeA, boolean transposeB, MatrixTile tile) {
            this.aStart = aStart;
            this.aRow = transposeA ? 1 : k;
            this.aCol = transposeA ? m : 1;
            this.bStart = bStart;
            this.bRow = transposeB ? 1 : n;
            this.bCol = transposeB ? k : 1;
            this.m = m;
            this.k = k;
            this.n = n;
            this.tile = tile;
        }

        /**
         * Runs the tile: for each block of the inner dimension, packs and multiplies it, every
         * block padded to the first block's length rounded up to a multiple of {@link #STEP}.
         */
        final void run() {
            int depth = KernelTuning.MATMUL_DEPTH_BLOCK;
            int steps = padded(Math.min(depth, k));
            for (int from = 0; from < k; from += depth) {
                int length = Math.min(depth, k - from);
                packA(from, length, steps);
                packB(from, length, steps);
                multiplyBlock(steps);
            }
        }

        /**
         * Fills the A panel with the tile's rows of {@code op(A)}, inner indices
         * {@code [from, from + length)}, and -0 up to {@code steps}: row r's value for inner index
         * {@code from + p} at {@code r * steps + p}.
         */
        abstract void packA(int from, int length, int steps);

        /**
         * Fills B panel rows {@code [0, steps)} with rows {@code [from, from + length)} of
         * {@code op(B)} restricted to the tile's columns, and zero beyond {@code length}.
         */
        abstract void packB(int from, int length, int steps);

        /** Adds the packed block's product to the tile's C rows, two rows at a time. */
        abstract void multiplyBlock(int steps);
    }

    /** One FLOAT32 tile: its panels, its C rows, and the micro-kernel. */
    private static final class FloatTile extends Layout {
        private final float[] a;
        private final float[] b;
        private final float[] aPanel;
        private final float[][] bPanel;
        private final float[][] cRows;

        FloatTile(float[] a, float[] b, int aStart, int bStart, int m, int k, int n, boolean transposeA,
                boolean transposeB, MatrixTile tile) {
            super(aStart, bStart, m, k, n, transposeA, transposeB, tile);
            this.a = a;
            this.b = b;
            int depth = padded(Math.min(k, KernelTuning.MATMUL_DEPTH_BLOCK));
            this.aPanel = new float[panelRows(tile) * depth];
            this.bPanel = new float[depth][tile.columns];
            this.cRows = new float[panelRows(tile)][tile.columns];
        }

        /**
         * Computes the tile and writes it into C, whose batch matrix starts at {@code cStart}:
         * row-major {@code [m, n]}, or {@code [n, m]} if {@code transposeC}.
         */
        void compute(float[] c, int cStart, boolean transposeC) {
            run();
            if (!transposeC) {
                for (int i = 0; i < tile.rows; i++) {
                    System.arraycopy(cRows[i], 0, c, cStart + (tile.row + i) * n + tile.column, tile.columns);
                }
                return;
            }
            for (int j = 0; j < tile.columns; j++) {
                int at = cStart + (tile.column + j) * m + tile.row;
                for (int i = 0; i < tile.rows; i++) {
                    c[at + i] = cRows[i][j];
                }
            }
        }

        @Override
        void packA(int from, int length, int steps) {
            for (int r = 0; r < tile.rows; r++) {
                int src = aStart + (tile.row + r) * aRow + from * aCol;
                int dst = r * steps;
                if (aCol == 1) {
                    System.arraycopy(a, src, aPanel, dst, length);
                } else {
                    for (int p = 0; p < length; p++) {
                        aPanel[dst + p] = a[src + p * aCol];
                    }
                }
                Arrays.fill(aPanel, dst + length, dst + steps, -0f);
            }
        }

        @Override
        void packB(int from, int length, int steps) {
            for (int p = 0; p < length; p++) {
                float[] row = bPanel[p];
                int src = bStart + (from + p) * bRow + tile.column * bCol;
                if (bCol == 1) {
                    System.arraycopy(b, src, row, 0, tile.columns);
                } else {
                    for (int j = 0; j < tile.columns; j++) {
                        row[j] = b[src + j * bCol];
                    }
                }
            }
            for (int p = length; p < steps; p++) {
                Arrays.fill(bPanel[p], 0);
            }
        }

        @Override
        void multiplyBlock(int steps) {
            multiplyRows(aPanel, bPanel, cRows, panelRows(tile), tile.columns, steps);
        }

        /**
         * Adds {@code sum over p < steps of op(A)[i, p] * b[p][j]} to {@code c[i][j]} for i below
         * {@code rows} (an even number: see {@link TiledMatrixMultiply#panelRows}) and j below {@code columns}, with
         * chained FMAs in increasing p, two rows at a time; the A values of row r at {@code
         * ap[r * steps + p]}. C2 must compile this method on its own, with this one column loop and
         * no other. Measured on JDK 17 (a 128 x 784 x 128 product timed before and after one of
         * 97 x 131 x 53 in the same JVM, with {@code -XX:+PrintCompilation} and {@code
         * -XX:+PrintInlining}), its code ran 3 to 4 times slower: inlined into {@link Layout#run}
         * (in some JVMs, by the order things were compiled in); with a second loop for an unpaired
         * last row, once an odd tile had reached it (hence the padded rows); and with a check that
         * throws (an {@code if}, or Guava's {@code checkArgument}) at its start. Its bytecode (336
         * bytes) is kept over HotSpot's FreqInlineSize (325), so that C2 never inlines it, by the
         * assertion of its preconditions: C2 drops the disabled branch where assertions are off,
         * and the tests, where they are on, check it.
         */
        private static void multiplyRows(float[] ap, float[][] b, float[][] c, int rows, int columns, int steps) {
            assert rows % 2 == 0 && steps % STEP == 0 && ap.length >= rows * steps && c.length >= rows
                    && b.length >= steps : rows + " rows and " + steps + " inner steps do not fit panels of "
                            + ap.length + ", " + c.length + " and " + b.length;
            for (int r = 0; r < rows; r += 2) {
                for (int p = 0; p < steps; p += STEP) {
                    int q = r * steps + p;
                    int s = q + steps;
                    float a00 = ap[q];
                    float a01 = ap[q + 1];
                    float a02 = ap[q + 2];
                    float a03 = ap[q + 3];
                    float a10 = ap[s];
                    float a11 = ap[s + 1];
                    float a12 = ap[s + 2];
                    float a13 = ap[s + 3];
                    float[] b0 = b[p];
                    float[] b1 = b[p + 1];
                    float[] b2 = b[p + 2];
                    float[] b3 = b[p + 3];
                    float[] c0 = c[r];
                    float[] c1 = c[r + 1];
                    for (int j = 0; j < columns; j++) {
                        float x0 = b0[j];
                        float x1 = b1[j];
                        float x2 = b2[j];
                        float x3 = b3[j];
                        c0[j] = Math.fma(a03, x3, Math.fma(a02, x2, Math.fma(a01, x1, Math.fma(a00, x0, c0[j]))));
                        c1[j] = Math.fma(a13, x3, Math.fma(a12, x2, Math.fma(a11, x1, Math.fma(a10, x0, c1[j]))));
                    }
                }
            }
        }
    }

    /** One FLOAT64 tile: its panels, its C rows, and the micro-kernel. */
    private static final class DoubleTile extends Layout {
        private final double[] a;
        private final double[] b;
        private final double[] aPanel;
        private final double[][] bPanel;
        private final double[][] cRows;

        DoubleTile(double[] a, double[] b, int aStart, int bStart, int m, int k, int n, boolean transposeA,
                boolean transposeB, MatrixTile tile) {
            super(aStart, bStart, m, k, n, transposeA, transposeB, tile);
            this.a = a;
            this.b = b;
            int depth = padded(Math.min(k, KernelTuning.MATMUL_DEPTH_BLOCK));
            this.aPanel = new double[panelRows(tile) * depth];
            this.bPanel = new double[depth][tile.columns];
            this.cRows = new double[panelRows(tile)][tile.columns];
        }

        /**
         * Computes the tile and writes it into C, whose batch matrix starts at {@code cStart}:
         * row-major {@code [m, n]}, or {@code [n, m]} if {@code transposeC}.
         */
        void compute(double[] c, int cStart, boolean transposeC) {
            run();
            if (!transposeC) {
                for (int i = 0; i < tile.rows; i++) {
                    System.arraycopy(cRows[i], 0, c, cStart + (tile.row + i) * n + tile.column, tile.columns);
                }
                return;
            }
            for (int j = 0; j < tile.columns; j++) {
                int at = cStart + (tile.column + j) * m + tile.row;
                for (int i = 0; i < tile.rows; i++) {
                    c[at + i] = cRows[i][j];
                }
            }
        }

        @Override
        void packA(int from, int length, int steps) {
            for (int r = 0; r < tile.rows; r++) {
                int src = aStart + (tile.row + r) * aRow + from * aCol;
                int dst = r * steps;
                if (aCol == 1) {
                    System.arraycopy(a, src, aPanel, dst, length);
                } else {
                    for (int p = 0; p < length; p++) {
                        aPanel[dst + p] = a[src + p * aCol];
                    }
                }
                Arrays.fill(aPanel, dst + length, dst + steps, -0d);
            }
        }

        @Override
        void packB(int from, int length, int steps) {
            for (int p = 0; p < length; p++) {
                double[] row = bPanel[p];
                int src = bStart + (from + p) * bRow + tile.column * bCol;
                if (bCol == 1) {
                    System.arraycopy(b, src, row, 0, tile.columns);
                } else {
                    for (int j = 0; j < tile.columns; j++) {
                        row[j] = b[src + j * bCol];
                    }
                }
            }
            for (int p = length; p < steps; p++) {
                Arrays.fill(bPanel[p], 0);
            }
        }

        @Override
        void multiplyBlock(int steps) {
            multiplyRows(aPanel, bPanel, cRows, panelRows(tile), tile.columns, steps);
        }

        /**
         * Adds {@code sum over p < steps of op(A)[i, p] * b[p][j]} to {@code c[i][j]} for i below
         * {@code rows} (an even number: see {@link TiledMatrixMultiply#panelRows}) and j below {@code columns}, with
         * chained FMAs in increasing p, two rows at a time; the A values of row r at {@code
         * ap[r * steps + p]}. C2 must compile this method on its own, with this one column loop and
         * no other. Measured on JDK 17 (a 128 x 784 x 128 product timed before and after one of
         * 97 x 131 x 53 in the same JVM, with {@code -XX:+PrintCompilation} and {@code
         * -XX:+PrintInlining}), its code ran 3 to 4 times slower: inlined into {@link Layout#run}
         * (in some JVMs, by the order things were compiled in); with a second loop for an unpaired
         * last row, once an odd tile had reached it (hence the padded rows); and with a check that
         * throws (an {@code if}, or Guava's {@code checkArgument}) at its start. Its bytecode (336
         * bytes) is kept over HotSpot's FreqInlineSize (325), so that C2 never inlines it, by the
         * assertion of its preconditions: C2 drops the disabled branch where assertions are off,
         * and the tests, where they are on, check it.
         */
        private static void multiplyRows(double[] ap, double[][] b, double[][] c, int rows, int columns, int steps) {
            assert rows % 2 == 0 && steps % STEP == 0 && ap.length >= rows * steps && c.length >= rows
                    && b.length >= steps : rows + " rows and " + steps + " inner steps do not fit panels of "
                            + ap.length + ", " + c.length + " and " + b.length;
            for (int r = 0; r < rows; r += 2) {
                for (int p = 0; p < steps; p += STEP) {
                    int q = r * steps + p;
                    int s = q + steps;
                    double a00 = ap[q];
                    double a01 = ap[q + 1];
                    double a02 = ap[q + 2];
                    double a03 = ap[q + 3];
                    double a10 = ap[s];
                    double a11 = ap[s + 1];
                    double a12 = ap[s + 2];
                    double a13 = ap[s + 3];
                    double[] b0 = b[p];
                    double[] b1 = b[p + 1];
                    double[] b2 = b[p + 2];
                    double[] b3 = b[p + 3];
                    double[] c0 = c[r];
                    double[] c1 = c[r + 1];
                    for (int j = 0; j < columns; j++) {
                        double x0 = b0[j];
                        double x1 = b1[j];
                        double x2 = b2[j];
                        double x3 = b3[j];
                        c0[j] = Math.fma(a03, x3, Math.fma(a02, x2, Math.fma(a01, x1, Math.fma(a00, x0, c0[j]))));
                        c1[j] = Math.fma(a13, x3, Math.fma(a12, x2, Math.fma(a11, x1, Math.fma(a10, x0, c1[j]))));
                    }
                }
            }
        }
    }
}
