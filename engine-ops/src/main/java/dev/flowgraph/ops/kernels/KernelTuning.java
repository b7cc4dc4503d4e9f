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
     * Input elements that one block of a reduction aims at; a block holds whole output elements,
     * so that each is folded in one fixed order whatever the pool size.
     */
    public static final int REDUCE_BLOCK_ELEMENTS = 65_536;

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
     * Returns how many rows one block of a row-wise kernel (softmax, cross-entropy) holds: enough
     * rows for about {@link #REDUCE_BLOCK_ELEMENTS} input elements, and at least one.
     *
     * @param rowLength the number of elements of one row
     * @return {@code max(1, REDUCE_BLOCK_ELEMENTS / rowLength)}
     */
    public static int rowsPerBlock(long rowLength) {
        return (int) Math.max(1L, REDUCE_BLOCK_ELEMENTS / Math.max(1L, rowLength));
    }
}
