package dev.flowgraph.ops.linalg;

import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.kernels.KernelTuning;
import dev.flowgraph.ops.kernels.MatrixMultiply;
import dev.flowgraph.ops.kernels.TiledMatrixMultiply;
import dev.flowgraph.ops.kernels.VectorMatrixMultiply;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.RangeBody;
import dev.flowgraph.spi.TensorBuffers;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs a stack of matrix products, for the ops of this package (MatMul, Dot and Outer are all
 * products of matrices): FLOAT32 and FLOAT64 products large enough for it (see {@link
 * KernelTuning#matMulTiled}) run on {@link TiledMatrixMultiply}, split into its tiles, and those
 * with short rows (see {@link KernelTuning#matMulTransposed}) as their transpose there; FLOAT32
 * ones on the same tiles of {@link VectorMatrixMultiply} instead when the JVM has the Vector API
 * and the inner dimension is long enough (see {@link KernelTuning#vectorMatMul}); the others on
 * {@link MatrixMultiply}, split into blocks of stacked output rows. Every split depends on the
 * problem only, and every kernel gives the same bits, so the result depends neither on the pool
 * nor on the JVM's flags.
 */
final class Products {
    private Products() {}

    /**
     * Computes {@code C[b] = op(A[b]) · op(B[b])} for every batch b and sets it as output 0.
     *
     * @param k the kernel's context
     * @param a the left operand, holding the A matrices
     * @param b the right operand, holding the B matrices
     * @param shape the output's shape, holding {@code aBatch.length * m * n} elements
     * @param aBatch per batch, where its A matrix starts in {@code a}
     * @param bBatch per batch, where its B matrix starts in {@code b}
     * @param m rows of each {@code op(A)}
     * @param inner the inner dimension
     * @param n columns of each {@code op(B)}
     * @param ta whether A is stored transposed
     * @param tb whether B is stored transposed
     */
    static void run(KernelContext k, Tensor a, Tensor b, Shape shape, int[] aBatch, int[] bBatch, int m, int inner,
            int n, boolean ta, boolean tb) {
        long size = (long) aBatch.length * m * n;
        if (size > Tensor.MAX_SIZE) {
            throw new IllegalArgumentException("the product, of shape " + shape + ", would hold more than "
                    + Tensor.MAX_SIZE + " elements");
        }
        Object x = TensorBuffers.array(a);
        Object y = TensorBuffers.array(b);
        Object c = TensorBuffers.newArray(a.dtype(), (int) size);
        boolean floating = x instanceof float[] || x instanceof double[];
        if (size > 0 && floating && KernelTuning.matMulTransposed(m, inner, n)) {
            // C = (op(B)ᵀ · op(A)ᵀ)ᵀ: B becomes the left operand, each operand's transpose flag flips.
            tiled(k, y, x, c, bBatch, aBatch, n, inner, m, !tb, !ta, true);
        } else if (size > 0 && floating && KernelTuning.matMulTiled(m, inner, n)) {
            tiled(k, x, y, c, aBatch, bBatch, m, inner, n, ta, tb, false);
        } else if (size > 0) {
            k.parallelFor(aBatch.length * m, KernelTuning.matMulRowsPerBlock(n, inner), rowKernel(x, y, c, aBatch,
                    bBatch, m, inner, n, ta, tb));
        }
        k.setOutput(0, TensorBuffers.wrap(a.dtype(), shape, c));
    }

    /**
     * Computes every tile of the product on the pool: FLOAT32 on {@link VectorMatrixMultiply} where
     * {@link KernelTuning#vectorMatMul} allows, after packing B's panels (also on the pool), and
     * otherwise on {@link TiledMatrixMultiply}.
     */
    private static void tiled(KernelContext k, Object x, Object y, Object c, int[] xBatch, int[] yBatch, int m,
            int inner, int n, boolean tx, boolean ty, boolean tc) {
        int tiles = TiledMatrixMultiply.tileCount(xBatch.length, m, n);
        if (x instanceof float[] && KernelTuning.vectorMatMul(inner)) {
            int[] packedOf = new int[yBatch.length];
            int[] matrices = distinct(yBatch, packedOf);
            float[] packed = new float[VectorMatrixMultiply.packedLength(matrices.length, inner, n)];
            int panelsPerBlock = KernelTuning.packPanelsPerBlock(inner, VectorMatrixMultiply.PANEL);
            k.parallelFor(VectorMatrixMultiply.panelCount(matrices.length, n), panelsPerBlock,
                    (s, e) -> VectorMatrixMultiply.packB((float[]) y, matrices, inner, n, ty, packed, s, e));
            k.parallelFor(tiles, 1, (s, e) -> VectorMatrixMultiply.multiply((float[]) x, packed, packedOf, (float[]) c,
                    xBatch, m, inner, n, tx, tc, s, e));
            return;
        }
        k.parallelFor(tiles, 1, tiles(x, y, c, xBatch, yBatch, m, inner, n, tx, ty, tc));
    }

    /**
     * Returns the distinct matrix offsets of {@code starts} in the order they first appear, and
     * sets {@code indexOf[b]} to the index of {@code starts[b]} among them: a B operand broadcast
     * over a batch is one matrix read by every product, and is packed once.
     */
    private static int[] distinct(int[] starts, int[] indexOf) {
        Map<Integer, Integer> seen = new HashMap<>();
        for (int b = 0; b < starts.length; b++) {
            indexOf[b] = seen.computeIfAbsent(starts[b], start -> seen.size());
        }
        int[] matrices = new int[seen.size()];
        seen.forEach((start, index) -> matrices[index] = start);
        return matrices;
    }

    /** The tiles of {@link TiledMatrixMultiply} for the operands' dtype, FLOAT32 or FLOAT64. */
    private static RangeBody tiles(Object x, Object y, Object c, int[] xBatch, int[] yBatch, int m, int inner, int n,
            boolean tx, boolean ty, boolean tc) {
        if (x instanceof float[]) {
            return (s, e) -> TiledMatrixMultiply.multiply((float[]) x, (float[]) y, (float[]) c, xBatch, yBatch, m,
                    inner, n, tx, ty, tc, s, e);
        }
        return (s, e) -> TiledMatrixMultiply.multiply((double[]) x, (double[]) y, (double[]) c, xBatch, yBatch, m,
                inner, n, tx, ty, tc, s, e);
    }

    /** The row kernel of {@link MatrixMultiply} for the operands' dtype, over blocks of stacked C rows. */
    private static RangeBody rowKernel(Object x, Object y, Object c, int[] aBatch, int[] bBatch, int m, int inner,
            int n, boolean ta, boolean tb) {
        if (x instanceof float[]) {
            return (s, e) -> MatrixMultiply.multiply((float[]) x, (float[]) y, (float[]) c, aBatch, bBatch, m, inner,
                    n, ta, tb, s, e);
        } else if (x instanceof double[]) {
            return (s, e) -> MatrixMultiply.multiply((double[]) x, (double[]) y, (double[]) c, aBatch, bBatch, m,
                    inner, n, ta, tb, s, e);
        } else if (x instanceof int[]) {
            return (s, e) -> MatrixMultiply.multiply((int[]) x, (int[]) y, (int[]) c, aBatch, bBatch, m, inner, n,
                    ta, tb, s, e);
        } else if (x instanceof long[]) {
            return (s, e) -> MatrixMultiply.multiply((long[]) x, (long[]) y, (long[]) c, aBatch, bBatch, m, inner,
                    n, ta, tb, s, e);
        }
        // Shape rules refuse BOOL, so only a bug elsewhere gets here.
        throw new IllegalStateException("no matrix product of " + x.getClass().getSimpleName());
    }
}
