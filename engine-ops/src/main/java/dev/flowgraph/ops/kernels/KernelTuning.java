package dev.flowgraph.ops.kernels;

/**
 * Every block size and threshold of the kernels, in one place.
 *
 * <p>Block sizes depend on the problem's size only, never on the number of threads, so that the
 * split of the work, and with it every result, is the same at any pool size.
 */
public final class KernelTuning {
    /**
     * Output elements per block of an elementwise kernel: large enough that a block outweighs the
     * cost of handing it to another thread, small enough that a 300x300 tensor spans several.
     */
    public static final int ELEMENTWISE_GRAIN = 16_384;

    /**
     * Multiply-adds that one block of a matrix product aims at; a block holds whole output rows
     * (see {@link #matMulRowsPerBlock}).
     */
    public static final long MATMUL_BLOCK_WORK = 65_536;

    /**
     * Rows of C in one tile of {@link TiledMatrixMultiply}: the tile's B panel is packed once per
     * this many rows, and a 256x256 product still spans several tiles.
     */
    public static final int MATMUL_TILE_ROWS = 64;

    /**
     * Columns of C in one tile of {@link TiledMatrixMultiply}: the length of the micro-kernel's
     * vectorised loop, long enough to hide its start and end.
     */
    public static final int MATMUL_TILE_COLUMNS = 512;

    /**
     * Inner indices per packed block of {@link TiledMatrixMultiply}: its B panel, this many rows of
     * {@link #MATMUL_TILE_COLUMNS} values (32 KiB in FLOAT32, 64 KiB in FLOAT64), stays in a core's
     * L1 or L2 cache while every row of the tile reads it; measured, 8 to 16 beat 32 to 128 by
     * about a fifth.
     */
    public static final int MATMUL_DEPTH_BLOCK = 16;

    /**
     * Inner indices per block of {@link VectorMatrixMultiply}: its micro-kernel keeps a block of C
     * in registers across this many, reading a B panel of this many rows (16 KiB with AVX2) that
     * stays in L1 while the tile's row groups read it. Measured, 128 and 512 did as well within
     * this machine's noise, and the whole inner dimension (784 for a 128 x 784 x 128 product) a
     * fifth worse.
     */
    public static final int VECTOR_MATMUL_DEPTH = 256;

    /**
     * The name of the system property that turns {@link #VECTOR_MATMUL} off when set to
     * {@code false}, to compare both kernels in one installation.
     */
    public static final String VECTOR_MATMUL_PROPERTY = "flowgraph.vectorMatMul";

    /**
     * Whether FLOAT32 products that run on tiles may use {@link VectorMatrixMultiply} instead of
     * {@link TiledMatrixMultiply} (those with a long enough inner dimension do: see {@link
     * #vectorMatMul}): true when the JVM was started with {@code --add-modules
     * jdk.incubator.vector} (the Vector API is an incubator module, which no JVM resolves unless
     * told to) and the system property {@value #VECTOR_MATMUL_PROPERTY} is not {@code false}. Both
     * kernels give the same bits; the vector one is 1.15 to 1.25 times as fast on this machine
     * where it is used (docs/benchmarks.md, "The Vector API kernel").
     */
    public static final boolean VECTOR_MATMUL = vectorApiAvailable();

    /**
     * Multiply-adds below which a FLOAT32 or FLOAT64 matrix product runs on {@link MatrixMultiply}'s
     * rows, where packing the operands into panels would cost more than it saves.
     */
    public static final long MATMUL_TILED_MIN_WORK = 32L * 32 * 32;

    /**
     * Input elements that one block of a reduction aims at; a block holds whole output elements
     * (or, for a long float fold, whole parts of one: see {@link #REDUCE_PART_ELEMENTS}), so that
     * each is folded in one fixed order whatever the pool size.
     */
    public static final int REDUCE_BLOCK_ELEMENTS = 65_536;

    /**
     * Input elements per part of a long float fold, about: an output element that folds more than
     * this many elements (the sum of a whole large tensor) is folded in parts, ranges of its
     * outermost reduced axis holding about this many elements each, each from the fold's identity
     * and on any of the pool's threads, and the parts' results are then folded in order. The
     * parts depend on the input's shape only, so the result is the same at any pool size.
     */
    public static final int REDUCE_PART_ELEMENTS = 65_536;

    /**
     * The fewest outputs a block of a reduction that keeps the input's last axis must hold to
     * fold them column by column (a row of input into a run of outputs); with fewer, each output
     * is folded alone, as the call per run would cost more than it saves.
     */
    public static final int REDUCE_COLUMNS_MIN = 8;

    private KernelTuning() {}

    /**
     * Returns how many output rows one block of a matrix product holds: enough rows for about
     * {@link #MATMUL_BLOCK_WORK} multiply-adds, and at least one.
     *
     * @param n the number of output columns
     * @param k the inner dimension
     * @return {@code max(1, MATMUL_BLOCK_WORK / (n * k))}, at most {@link Integer#MAX_VALUE}
     */
    public static int matMulRowsPerBlock(int n, int k) {
        long rowWork = Math.max(1L, (long) n * k);
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1L, MATMUL_BLOCK_WORK / rowWork));
    }

    /**
     * Returns whether a FLOAT32 or FLOAT64 product of {@code [m, k] · [k, n]} matrices runs on
     * {@link TiledMatrixMultiply}: when it has at least {@link #MATMUL_TILED_MIN_WORK} multiply-adds,
     * at least 4 rows and 32 columns (the micro-kernel's loop runs along a row) and an inner
     * dimension of at least 8. Both kernels compute bit-identical results, so this choice changes
     * only the speed.
     *
     * @param m the number of output rows
     * @param k the inner dimension
     * @param n the number of output columns
     * @return true for the tiled kernel, false for the row kernel
     */
    public static boolean matMulTiled(int m, int k, int n) {
        return m >= 4 && k >= 8 && n >= 32 && (long) m * k * n >= MATMUL_TILED_MIN_WORK;
    }

    /**
     * Returns whether a FLOAT32 or FLOAT64 product of {@code [m, k] · [k, n]} matrices runs on
     * {@link TiledMatrixMultiply} as its transpose, {@code Cᵀ = op(B)ᵀ · op(A)ᵀ}, written back
     * transposed: when C has fewer columns than rows and fewer than {@link #MATMUL_TILE_COLUMNS},
     * and the transposed product is itself large enough for the tiled kernel. The micro-kernel's
     * vectorised loop runs along the rows of the product it computes, so the transpose gives it
     * longer rows: {@code [128, 128] · [128, 10]} would otherwise run on {@link MatrixMultiply}
     * with rows of 10, and {@code [784, 128] · [128, 128]} on tiles 128 columns wide instead of
     * 512. Every element is the same chain of FMAs in increasing inner index either way, so this
     * choice changes only the speed.
     *
     * @param m the number of output rows
     * @param k the inner dimension
     * @param n the number of output columns
     * @return true to compute the transposed product on the tiled kernel
     */
    public static boolean matMulTransposed(int m, int k, int n) {
        return n < m && n < MATMUL_TILE_COLUMNS && matMulTiled(n, k, m);
    }

    /**
     * Returns whether a FLOAT32 product with inner dimension {@code k} that runs on tiles (see
     * {@link #matMulTiled}) runs on {@link VectorMatrixMultiply}: when {@link #VECTOR_MATMUL} and
     * {@code k} is at least {@link #VECTOR_MATMUL_DEPTH}, one block of the micro-kernel. With a
     * shorter inner dimension, copying A, packing B and writing C weigh about as much as the
     * FMAs, and measured on this machine (one thread, the kernels alternated in one JVM) the
     * vector kernel was 0.86 times as fast as {@link TiledMatrixMultiply} at k = 64 and 0.95 to
     * 1.05 at k = 128, against 1.06 at 256 and 1.15 to 1.27 at 784 and 1024.
     *
     * @param k the inner dimension
     * @return true for the vector kernel, false for {@link TiledMatrixMultiply}
     */
    public static boolean vectorMatMul(int k) {
        return VECTOR_MATMUL && k >= VECTOR_MATMUL_DEPTH;
    }

    /**
     * Returns how many B panels one block of {@link VectorMatrixMultiply#packB} packs: enough for
     * about {@link #ELEMENTWISE_GRAIN} values, and at least one.
     *
     * @param k the inner dimension, the length of a panel in rows
     * @param panel the width of a panel in columns ({@link VectorMatrixMultiply#PANEL})
     * @return {@code max(1, ELEMENTWISE_GRAIN / (k * panel))}
     */
    public static int packPanelsPerBlock(int k, int panel) {
        return (int) Math.max(1L, ELEMENTWISE_GRAIN / Math.max(1L, (long) k * panel));
    }

    /**
     * Returns how many rows one block of a row-wise kernel (softmax, cross-entropy) holds: enough
     * rows for about {@link #REDUCE_BLOCK_ELEMENTS} input elements, and at least one.
     *
     * @param rowLength the number of elements of one row
     * @return {@code max(1, REDUCE_BLOCK_ELEMENTS / rowLength)}
     */
    public static int rowsPerBlock(long rowLength) {
        return (int) Math.max(1L, REDUCE_BLOCK_ELEMENTS / Math.max(1L, rowLength));
    }

    /** Whether the Vector API is there to use, and not turned off: see {@link #VECTOR_MATMUL}. */
    private static boolean vectorApiAvailable() {
        if (!Boolean.parseBoolean(System.getProperty(VECTOR_MATMUL_PROPERTY, "true"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            // Initialising the kernel proves the module's classes link on this JVM.
            Class.forName(VectorMatrixMultiply.class.getName(), true, KernelTuning.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
