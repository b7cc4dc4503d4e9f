package dev.flowgraph.ops.kernels;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.math.IntMath;
import java.math.RoundingMode;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The FLOAT32 matrix product {@code C = op(A) · op(B)} on the incubating Vector API
 * ({@code jdk.incubator.vector}): the optional fast path of {@link TiledMatrixMultiply}, used
 * only when the JVM was started with {@code --add-modules jdk.incubator.vector} (see {@link
 * KernelTuning#VECTOR_MATMUL}), for products with an inner dimension of at least 256 (see {@link
 * KernelTuning#vectorMatMul}). It computes the same tiles as {@link TiledMatrixMultiply} and
 * exactly the same bits, so whether the flag is given changes only the speed.
 *
 * <p>Nothing else may touch this class unless {@link KernelTuning#VECTOR_MATMUL} is true: without
 * the module, loading it fails.
 *
 * <p><b>Why a second kernel.</b> HotSpot's auto-vectoriser (JDK 17) vectorises no loop body with
 * more than 8 FMAs, so {@link TiledMatrixMultiply}'s micro-kernel reads and writes its C rows
 * every 4 inner indices. Here a block of {@link #ROWS} rows by {@link #PANEL} columns of C (12
 * eight-lane registers with AVX2) stays in vector registers across {@link
 * KernelTuning#VECTOR_MATMUL_DEPTH} inner indices, each of which loads two vectors of B,
 * broadcasts six values of A and issues twelve FMAs, the shape of the BLIS and OpenBLAS AVX2
 * kernels.
 *
 * <p><b>Two phases.</b> The caller first packs all of {@code op(B)} once per product, {@link
 * #packB}, into panels of {@link #PANEL} columns, each panel inner index after inner index
 * ({@code PANEL} consecutive floats per index, zeros past the last column), so that every tile
 * reads its B from one contiguous run and the packing is not repeated per tile: packing B per
 * tile, as {@link TiledMatrixMultiply} does, cost about a fifth of a 1024 x 1024 product in a
 * prototype. The panels can be packed on several threads, since each is written by one call.
 * Then {@link #multiply} computes tiles: for each block of the inner dimension it copies the
 * tile's rows of {@code op(A)} into one array (one {@code System.arraycopy} per row unless A is
 * transposed), and for each panel, down the tile's groups of {@link #ROWS} rows, runs the
 * micro-kernel, whose B panel stays in L1 while the groups read it. A tile's last group may hold fewer rows: the
 * kernel computes all six, and those past the tile are thrown away.
 *
 * <p><b>Same bits.</b> Every element of C is {@code s = 0; for p = 0..k-1: s = fma(op(A)[i, p],
 * op(B)[p, j], s)}: lane by lane, {@link FloatVector#fma} is {@link Math#fma}, the inner blocks
 * are visited in increasing order, and the accumulators are stored and loaded exactly between
 * blocks. Each element is computed by one tile, so neither the tiling, the pool, the panel
 * split nor the vector length (8 lanes on AVX2, 16 on AVX-512) changes a bit.
 *
 * <pre>{@code
 * // with --add-modules jdk.incubator.vector, where KernelTuning.VECTOR_MATMUL is true
 * float[] a = new float[64 * 64], b = new float[64 * 64], c = new float[64 * 64];
 * int[] start = {0};
 * float[] packed = new float[VectorMatrixMultiply.packedLength(1, 64, 64)];
 * VectorMatrixMultiply.packB(b, start, 64, 64, false, packed, 0, VectorMatrixMultiply.panelCount(1, 64));
 * int tiles = TiledMatrixMultiply.tileCount(1, 64, 64);
 * VectorMatrixMultiply.multiply(a, packed, start, c, start, 64, 64, 64, false, false, 0, tiles);
 * }</pre>
 */
public final class VectorMatrixMultiply {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    /** Rows of C in the micro-kernel's register block. */
    public static final int ROWS = 6;

    /** Columns of C in the micro-kernel's register block, and of a packed B panel: two vectors. */
    public static final int PANEL = 2 * LANES;

    private VectorMatrixMultiply() {}

    /**
     * Returns how many B panels a stack of {@code batches} products with {@code n} columns has.
     *
     * @param batches the number of products
     * @param n the number of columns of {@code op(B)} and C
     * @return {@code batches * ceil(n / PANEL)}
     */
    public static int panelCount(int batches, int n) {
        checkArgument(batches >= 0 && n >= 0, "negative size: batches=%s, n=%s", batches, n);
        long panels = (long) batches * IntMath.divide(n, PANEL, RoundingMode.CEILING);
        checkArgument(panels <= Integer.MAX_VALUE, "%s panels do not fit in an int", panels);
        return (int) panels;
    }

    /**
     * Returns the length of the array that {@link #packB} fills for {@code batches} B matrices:
     * {@code panelCount(batches, n) * k * PANEL}.
     *
     * @param batches the number of B matrices packed
     * @param k the inner dimension
     * @param n the number of columns of {@code op(B)} and C
     * @return the packed length
     * @throws IllegalArgumentException if it does not fit in an array
     */
    public static int packedLength(int batches, int k, int n) {
        checkArgument(k >= 0, "negative inner dimension: %s", k);
        long length = (long) panelCount(batches, n) * k * PANEL;
        checkArgument(length <= Integer.MAX_VALUE - 8, "the packed B of %s products of [%s, %s] would hold %s floats",
                batches, k, n, length);
        return (int) length;
    }

    /**
     * Packs panels {@code [panelFrom, panelTo)} of the {@code op(B)} matrices that start at
     * {@code bStart}: panel q (matrix {@code q / ceil(n / PANEL)}, columns from {@code
     * q % ceil(n / PANEL) * PANEL}) holds, for each inner index p, {@code PANEL} consecutive values
     * {@code op(B)[p, j]}, zero past the last column, starting at {@code packed[(q * k + p) *
     * PANEL]}. A B matrix that several products of a batch share (a broadcast operand) is packed
     * once: pass each matrix once here, and tell {@link #multiply} which one each product reads.
     *
     * @param b B, row-major: {@code [k, n]}, or {@code [n, k]} if {@code transposeB} (not modified)
     * @param bStart per B matrix to pack, where it starts in {@code b} (not modified)
     * @param k the inner dimension
     * @param n the number of columns of {@code op(B)}
     * @param transposeB whether B is stored transposed
     * @param packed receives the panels, of length {@link #packedLength} (modified)
     * @param panelFrom the first panel to pack (see {@link #panelCount})
     * @param panelTo one past the last
     */
    public static void packB(float[] b, int[] bStart, int k, int n, boolean transposeB, float[] packed,
            int panelFrom, int panelTo) {
        int perBatch = IntMath.divide(n, PANEL, RoundingMode.CEILING);
        int panels = panelCount(bStart.length, n);
        checkArgument(0 <= panelFrom && panelFrom <= panelTo && panelTo <= panels,
                "panels [%s, %s) are not within [0, %s)", panelFrom, panelTo, panels);
        int needed = packedLength(bStart.length, k, n);
        checkArgument(packed.length >= needed, "a packed array of %s floats, %s needed", packed.length, needed);
        int bRow = transposeB ? 1 : n;
        int bCol = transposeB ? k : 1;
        for (int q = panelFrom; q < panelTo; q++) {
            int column = q % perBatch * PANEL;
            int width = Math.min(PANEL, n - column);
            int src = bStart[q / perBatch] + column * bCol;
            int dst = q * k * PANEL;
            if (bCol == 1 && width == PANEL) {
                for (int p = 0; p < k; p++, src += bRow, dst += PANEL) {
                    FloatVector.fromArray(SPECIES, b, src).intoArray(packed, dst);
                    FloatVector.fromArray(SPECIES, b, src + LANES).intoArray(packed, dst + LANES);
                }
            } else if (bCol == 1) {
                for (int p = 0; p < k; p++, src += bRow, dst += PANEL) {
                    System.arraycopy(b, src, packed, dst, width);
                }
            } else {
                // A transposed B holds each column contiguously: read down it, write across the panel.
                for (int j = 0; j < width; j++) {
                    for (int p = 0; p < k; p++) {
                        packed[dst + p * PANEL + j] = b[src + j * bCol + p];
                    }
                }
            }
        }
    }

    /**
     * Computes tiles {@code [tileFrom, tileTo)} of {@code C = op(A) · op(B)}, the same tiles as
     * {@link TiledMatrixMultiply} (see {@link TiledMatrixMultiply#tileCount}), from B packed by
     * {@link #packB}: {@code C[i, j] = fma(op(A)[i, k-1], op(B)[k-1, j], ... fma(op(A)[i, 0],
     * op(B)[0, j], 0))}.
     *
     * @param a A, row-major: {@code [m, k]}, or {@code [k, m]} if {@code transposeA} (not modified)
     * @param packedB the packed {@code op(B)} matrices, from {@link #packB} (not modified)
     * @param packedOf per batch, which of the packed B matrices its product reads (not modified)
     * @param c C, row-major {@code [batches, m, n]} (or {@code [batches, n, m]}, see {@code transposeC});
     *     receives the tiles' elements (modified)
     * @param aBatch per batch, where its A matrix starts in {@code a} (not modified)
     * @param m the number of rows of {@code op(A)} and of each C matrix
     * @param k the inner dimension
     * @param n the number of columns of {@code op(B)} and C
     * @param transposeA whether A is stored transposed
     * @param transposeC whether to store C transposed, {@code [batches, n, m]}, as in {@link
     *     TiledMatrixMultiply}
     * @param tileFrom the first tile to compute
     * @param tileTo one past the last
     */
    public static void multiply(float[] a, float[] packedB, int[] packedOf, float[] c, int[] aBatch, int m, int k,
            int n, boolean transposeA, boolean transposeC, int tileFrom, int tileTo) {
        checkArgument(m >= 0 && k >= 0 && n >= 0, "negative dimension: m=%s, k=%s, n=%s", m, k, n);
        checkArgument(packedOf.length == aBatch.length, "%s batch offsets for A but %s packed B indices",
                aBatch.length, packedOf.length);
        int tiles = TiledMatrixMultiply.tileCount(aBatch.length, m, n);
        checkArgument(0 <= tileFrom && tileFrom <= tileTo && tileTo <= tiles, "tiles [%s, %s) are not within [0, %s)",
                tileFrom, tileTo, tiles);
        long perMatrix = (long) IntMath.divide(n, PANEL, RoundingMode.CEILING) * k * PANEL;
        for (int t = tileFrom; t < tileTo; t++) {
            MatrixTile tile = MatrixTile.of(t, m, n);
            int packed = packedOf[tile.batch];
            // Checked per tile without Guava, whose three-argument message would box on every call.
            if (packed < 0 || packedB.length < (packed + 1L) * perMatrix) {
                throw new IllegalArgumentException("batch " + tile.batch + " reads packed B " + packed
                        + ", which a packed array of " + packedB.length + " floats does not hold");
            }
            new Tile(a, packedB, packed, aBatch[tile.batch], m, k, n, transposeA, tile).compute(c,
                    tile.batch * m * n, transposeC);
        }
    }

    /** One tile: its A rows for the current inner block, and its C accumulators. */
    private static final class Tile {
        private final float[] a;
        private final float[] packedB;
        private final int aStart;
        private final int aRow;
        private final int aCol;
        private final int m;
        private final int k;
        private final int n;
        private final MatrixTile tile;
        private final int groups;
        private final int panels;
        private final int firstPanel;
        /** The tile's rows of op(A) for one inner block, row after row, {@code depth} apart. */
        private final float[] aRows;
        /** The accumulators: group by group, panel by panel, a block of ROWS x PANEL row-major. */
        private final float[] acc;

        Tile(float[] a, float[] packedB, int packed, int aStart, int m, int k, int n, boolean transposeA,
                MatrixTile tile) {
            this.a = a;
            this.packedB = packedB;
            this.aStart = aStart;
            this.aRow = transposeA ? 1 : k;
            this.aCol = transposeA ? m : 1;
            this.m = m;
            this.k = k;
            this.n = n;
            this.tile = tile;
            this.groups = IntMath.divide(tile.rows, ROWS, RoundingMode.CEILING);
            this.panels = IntMath.divide(tile.columns, PANEL, RoundingMode.CEILING);
            this.firstPanel = packed * IntMath.divide(n, PANEL, RoundingMode.CEILING) + tile.column / PANEL;
            this.aRows = new float[groups * ROWS * Math.min(k, KernelTuning.VECTOR_MATMUL_DEPTH)];
            this.acc = new float[groups * panels * ROWS * PANEL];
        }

        /**
         * Computes the tile and writes it into C, whose batch matrix starts at {@code cStart}:
         * row-major {@code [m, n]}, or {@code [n, m]} if {@code transposeC}.
         */
        void compute(float[] c, int cStart, boolean transposeC) {
            for (int from = 0; from < k; from += KernelTuning.VECTOR_MATMUL_DEPTH) {
                int depth = Math.min(KernelTuning.VECTOR_MATMUL_DEPTH, k - from);
                packA(from, depth);
                for (int q = 0; q < panels; q++) {
                    int b = ((firstPanel + q) * k + from) * PANEL;
                    for (int g = 0; g < groups; g++) {
                        multiplyBlock(aRows, g * ROWS * depth, depth, 1, depth, packedB, b, acc,
                                (g * panels + q) * ROWS * PANEL);
                    }
                }
            }
            if (!transposeC) {
                for (int i = 0; i < tile.rows; i++) {
                    for (int q = 0; q < panels; q++) {
                        int column = tile.column + q * PANEL;
                        System.arraycopy(acc, accumulator(i, q), c, cStart + (tile.row + i) * n + column,
                                Math.min(PANEL, tile.columns - q * PANEL));
                    }
                }
                return;
            }
            // Down each column of C's transpose, so that the writes to C run in order; the
            // accumulators of each tile row in panel 0 are looked up once.
            int[] rowAt = new int[tile.rows];
            for (int i = 0; i < tile.rows; i++) {
                rowAt[i] = accumulator(i, 0);
            }
            for (int j = 0; j < tile.columns; j++) {
                int to = cStart + (tile.column + j) * m + tile.row;
                int from = j / PANEL * ROWS * PANEL + j % PANEL;
                for (int i = 0; i < tile.rows; i++) {
                    c[to + i] = acc[rowAt[i] + from];
                }
            }
        }

        /** Where the accumulators of tile row i and panel q start in {@link #acc}. */
        private int accumulator(int i, int q) {
            return ((i / ROWS * panels + q) * ROWS + i % ROWS) * PANEL;
        }

        /**
         * Copies the tile's rows of {@code op(A)}, inner indices {@code [from, from + depth)}, into
         * {@link #aRows}, row r at {@code r * depth}; the rows past the tile in its last group keep
         * whatever they held, since their results are thrown away.
         */
        private void packA(int from, int depth) {
            if (aCol == 1) {
                for (int r = 0; r < tile.rows; r++) {
                    System.arraycopy(a, aStart + (tile.row + r) * aRow + from, aRows, r * depth, depth);
                }
                return;
            }
            // A is stored transposed: its inner index p holds the tile's rows side by side, read in order.
            for (int p = 0; p < depth; p++) {
                int src = aStart + tile.row + (from + p) * aCol;
                for (int r = 0; r < tile.rows; r++) {
                    aRows[r * depth + p] = a[src + r];
                }
            }
        }
    }

    /**
     * The micro-kernel: adds {@code sum over p < depth of a[ai + r * rowStride + p * step] *
     * b[bi + p * PANEL + j]} to {@code c[ci + r * PANEL + j]} for r below {@link #ROWS} and j below
     * {@link #PANEL}, with one chain of FMAs per element in increasing p, the block of C held in
     * twelve vector registers. The caller's A rows are contiguous, so {@code step} is always 1;
     * it is a parameter all the same because, measured on JDK 17 (1024 x 1024 products, one
     * thread, the two forms alternated), C2's code for the loop indexed by {@code ai + p} ran
     * 1.5 times slower than for {@code ai + p * step}, with or without loop unrolling.
     */
    private static void multiplyBlock(float[] a, int ai, int rowStride, int step, int depth, float[] b, int bi,
            float[] c, int ci) {
        FloatVector c00 = FloatVector.fromArray(SPECIES, c, ci);
        FloatVector c01 = FloatVector.fromArray(SPECIES, c, ci + LANES);
        FloatVector c10 = FloatVector.fromArray(SPECIES, c, ci + PANEL);
        FloatVector c11 = FloatVector.fromArray(SPECIES, c, ci + PANEL + LANES);
        FloatVector c20 = FloatVector.fromArray(SPECIES, c, ci + 2 * PANEL);
        FloatVector c21 = FloatVector.fromArray(SPECIES, c, ci + 2 * PANEL + LANES);
        FloatVector c30 = FloatVector.fromArray(SPECIES, c, ci + 3 * PANEL);
        FloatVector c31 = FloatVector.fromArray(SPECIES, c, ci + 3 * PANEL + LANES);
        FloatVector c40 = FloatVector.fromArray(SPECIES, c, ci + 4 * PANEL);
        FloatVector c41 = FloatVector.fromArray(SPECIES, c, ci + 4 * PANEL + LANES);
        FloatVector c50 = FloatVector.fromArray(SPECIES, c, ci + 5 * PANEL);
        FloatVector c51 = FloatVector.fromArray(SPECIES, c, ci + 5 * PANEL + LANES);
        for (int p = 0; p < depth; p++) {
            int at = ai + p * step;
            int bp = bi + p * PANEL;
            FloatVector b0 = FloatVector.fromArray(SPECIES, b, bp);
            FloatVector b1 = FloatVector.fromArray(SPECIES, b, bp + LANES);
            FloatVector x = FloatVector.broadcast(SPECIES, a[at]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(SPECIES, a[at + rowStride]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(SPECIES, a[at + 2 * rowStride]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(SPECIES, a[at + 3 * rowStride]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(SPECIES, a[at + 4 * rowStride]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(SPECIES, a[at + 5 * rowStride]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + LANES);
        c10.intoArray(c, ci + PANEL);
        c11.intoArray(c, ci + PANEL + LANES);
        c20.intoArray(c, ci + 2 * PANEL);
        c21.intoArray(c, ci + 2 * PANEL + LANES);
        c30.intoArray(c, ci + 3 * PANEL);
        c31.intoArray(c, ci + 3 * PANEL + LANES);
        c40.intoArray(c, ci + 4 * PANEL);
        c41.intoArray(c, ci + 4 * PANEL + LANES);
        c50.intoArray(c, ci + 5 * PANEL);
        c51.intoArray(c, ci + 5 * PANEL + LANES);
    }
}
