package dev.flowgraph.ops.kernels;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Matrix product kernels: {@code C = op(A) · op(B)}, where {@code op(M)} is M or its transpose,
 * on row-major arrays, computing a range of C's rows. A batch of products is one call: C holds
 * the {@code batches} result matrices one after another, and per batch the caller gives where
 * its A and B matrices start (two batches may share an operand, as broadcasting needs); rows are
 * counted over the whole stack, so that blocks of rows may span batches.
 *
 * <p>The loop order is i-k-j: for each row i of C and each p, row p of {@code op(B)} scaled by
 * {@code op(A)[i, p]} is added to row i of C, which reads B and writes C contiguously when B is
 * not transposed. Every element of C is therefore summed in increasing order of p, starting from
 * zero, exactly as the naive triple loop {@code s = 0; for p: s = fma(a[i][p], b[p][j], s)} does,
 * and independently of how rows are split into blocks. Arithmetic is done in the dtype itself
 * (float in {@code float[]}; integers wrap); FLOAT32 and FLOAT64 round once per term, with
 * {@link Math#fma}, so that this kernel and {@link TiledMatrixMultiply}, which the ops use for
 * larger products, give the same bits.
 *
 * <p>The dtype-agnostic part (which elements a row update reads) is {@code forEachRowUpdate}; each
 * dtype contributes only the update of one row.
 *
 * <pre>{@code
 * double[] a = {1, 2, -1, -2}, b = {10, 100}, c = new double[2];
 * MatrixMultiply.multiply(a, b, c, new int[] {0}, new int[] {0}, 2, 2, 1, false, false, 0, 2);   // c = {210, -210}
 * }</pre>
 */
public final class MatrixMultiply {
    /** Adds {@code op(A)[i, p] * op(B)[p, :]} to {@code C[i, :]}, given where those start. */
    @FunctionalInterface
    private interface RowUpdate {
        void apply(int aIndex, int bOffset, int cOffset);
    }

    private MatrixMultiply() {}

    /**
     * Computes rows {@code [rowFrom, rowTo)} of {@code C = op(A) · op(B)}:
     * {@code C[i, j] = sum over p of op(A)[i, p] * op(B)[p, j]}, summed in increasing p with one
     * {@link Math#fma} per term.
     *
     * @param a A, row-major: {@code [m, k]}, or {@code [k, m]} if {@code transposeA} (not modified)
     * @param b B, row-major: {@code [k, n]}, or {@code [n, k]} if {@code transposeB} (not modified)
     * @param c C, row-major {@code [batches, m, n]}; its rows {@code [rowFrom, rowTo)} (of the
     *     {@code batches * m}) must hold zeros and receive the product (modified)
     * @param aBatch per batch, where its A matrix starts in {@code a} (not modified)
     * @param bBatch per batch, where its B matrix starts in {@code b} (not modified)
     * @param m the number of rows of {@code op(A)} and of each C matrix
     * @param k the inner dimension
     * @param n the number of columns of {@code op(B)} and C
     * @param transposeA whether A is stored transposed
     * @param transposeB whether B is stored transposed
     * @param rowFrom the first row of C to compute, counting rows over all batches
     * @param rowTo one past the last
     */
    public static void multiply(float[] a, float[] b, float[] c, int[] aBatch, int[] bBatch, int m, int k,
            int n, boolean transposeA, boolean transposeB, int rowFrom, int rowTo) {
        if (n == 1) {
            matrixVector(a, b, c, aBatch, bBatch, m, k, transposeA, rowFrom, rowTo);
            return;
        }
        int bs = transposeB ? k : 1;
        forEachRowUpdate(aBatch, bBatch, m, k, n, transposeA, transposeB, rowFrom, rowTo, (ai, bo, co) -> {
            float s = a[ai];
            for (int j = 0; j < n; j++) {
                c[co + j] = Math.fma(s, b[bo + j * bs], c[co + j]);
            }
        });
    }

    /**
     * Computes rows {@code [rowFrom, rowTo)} of {@code C = op(A) · op(B)}; see
     * {@link #multiply(float[], float[], float[], int[], int[], int, int, int, boolean, boolean, int, int)}.
     *
     * @param a A, row-major: {@code [m, k]}, or {@code [k, m]} if {@code transposeA} (not modified)
     * @param b B, row-major: {@code [k, n]}, or {@code [n, k]} if {@code transposeB} (not modified)
     * @param c C, row-major {@code [batches, m, n]}; rows {@code [rowFrom, rowTo)} zero on entry
     *     (modified)
     * @param aBatch per batch, where its A matrix starts in {@code a} (not modified)
     * @param bBatch per batch, where its B matrix starts in {@code b} (not modified)
     * @param m the number of rows of {@code op(A)} and of each C matrix
     * @param k the inner dimension
     * @param n the number of columns of {@code op(B)} and C
     * @param transposeA whether A is stored transposed
     * @param transposeB whether B is stored transposed
     * @param rowFrom the first row of C to compute, counting rows over all batches
     * @param rowTo one past the last
     */
    public static void multiply(double[] a, double[] b, double[] c, int[] aBatch, int[] bBatch, int m, int k,
            int n, boolean transposeA, boolean transposeB, int rowFrom, int rowTo) {
        if (n == 1) {
            matrixVector(a, b, c, aBatch, bBatch, m, k, transposeA, rowFrom, rowTo);
            return;
        }
        int bs = transposeB ? k : 1;
        forEachRowUpdate(aBatch, bBatch, m, k, n, transposeA, transposeB, rowFrom, rowTo, (ai, bo, co) -> {
            double s = a[ai];
            for (int j = 0; j < n; j++) {
                c[co + j] = Math.fma(s, b[bo + j * bs], c[co + j]);
            }
        });
    }

    /**
     * Computes rows {@code [rowFrom, rowTo)} of {@code C = op(A) · op(B)}, wrapping on overflow;
     * see {@link #multiply(float[], float[], float[], int[], int[], int, int, int, boolean, boolean, int, int)}.
     *
     * @param a A, row-major: {@code [m, k]}, or {@code [k, m]} if {@code transposeA} (not modified)
     * @param b B, row-major: {@code [k, n]}, or {@code [n, k]} if {@code transposeB} (not modified)
     * @param c C, row-major {@code [batches, m, n]}; rows {@code [rowFrom, rowTo)} zero on entry
     *     (modified)
     * @param aBatch per batch, where its A matrix starts in {@code a} (not modified)
     * @param bBatch per batch, where its B matrix starts in {@code b} (not modified)
     * @param m the number of rows of {@code op(A)} and of each C matrix
     * @param k the inner dimension
     * @param n the number of columns of {@code op(B)} and C
     * @param transposeA whether A is stored transposed
     * @param transposeB whether B is stored transposed
     * @param rowFrom the first row of C to compute, counting rows over all batches
     * @param rowTo one past the last
     */
    public static void multiply(int[] a, int[] b, int[] c, int[] aBatch, int[] bBatch, int m, int k,
            int n, boolean transposeA, boolean transposeB, int rowFrom, int rowTo) {
        int bs = transposeB ? k : 1;
        forEachRowUpdate(aBatch, bBatch, m, k, n, transposeA, transposeB, rowFrom, rowTo, (ai, bo, co) -> {
            int s = a[ai];
            for (int j = 0; j < n; j++) {
                c[co + j] += s * b[bo + j * bs];
            }
        });
    }

    /**
     * Computes rows {@code [rowFrom, rowTo)} of {@code C = op(A) · op(B)}, wrapping on overflow;
     * see {@link #multiply(float[], float[], float[], int[], int[], int, int, int, boolean, boolean, int, int)}.
     *
     * @param a A, row-major: {@code [m, k]}, or {@code [k, m]} if {@code transposeA} (not modified)
     * @param b B, row-major: {@code [k, n]}, or {@code [n, k]} if {@code transposeB} (not modified)
     * @param c C, row-major {@code [batches, m, n]}; rows {@code [rowFrom, rowTo)} zero on entry
     *     (modified)
     * @param aBatch per batch, where its A matrix starts in {@code a} (not modified)
     * @param bBatch per batch, where its B matrix starts in {@code b} (not modified)
     * @param m the number of rows of {@code op(A)} and of each C matrix
     * @param k the inner dimension
     * @param n the number of columns of {@code op(B)} and C
     * @param transposeA whether A is stored transposed
     * @param transposeB whether B is stored transposed
     * @param rowFrom the first row of C to compute, counting rows over all batches
     * @param rowTo one past the last
     */
    public static void multiply(long[] a, long[] b, long[] c, int[] aBatch, int[] bBatch, int m, int k,
            int n, boolean transposeA, boolean transposeB, int rowFrom, int rowTo) {
        int bs = transposeB ? k : 1;
        forEachRowUpdate(aBatch, bBatch, m, k, n, transposeA, transposeB, rowFrom, rowTo, (ai, bo, co) -> {
            long s = a[ai];
            for (int j = 0; j < n; j++) {
                c[co + j] += s * b[bo + j * bs];
            }
        });
    }

    /**
     * The product with one column ({@code n = 1}), a matrix-vector product: each row's sum is kept
     * in a local and four rows of one batch are summed side by side, so that four FMA chains
     * overlap instead of each waiting for the latency of the one before. Every row is still
     * {@code s = 0; for p: s = fma(op(A)[i, p], b[p], s)}, the same bits as the general loop.
     */
    private static void matrixVector(float[] a, float[] b, float[] c, int[] aBatch, int[] bBatch, int m, int k,
            boolean transposeA, int rowFrom, int rowTo) {
        checkRows(aBatch, bBatch, m, k, 1, rowFrom, rowTo);
        // op(A)[i, p] is a[i * aRow + p * aCol]; with one column, op(B)[p, 0] is b[p] either way.
        int aRow = transposeA ? 1 : k;
        int aCol = transposeA ? m : 1;
        int r = rowFrom;
        while (r < rowTo) {
            int batch = r / m;
            int i = r - batch * m;
            int a0 = aBatch[batch] + i * aRow;
            int b0 = bBatch[batch];
            if (r + 4 <= rowTo && i + 4 <= m) {
                float s0 = 0;
                float s1 = 0;
                float s2 = 0;
                float s3 = 0;
                for (int p = 0; p < k; p++) {
                    float x = b[b0 + p];
                    int at = a0 + p * aCol;
                    s0 = Math.fma(a[at], x, s0);
                    s1 = Math.fma(a[at + aRow], x, s1);
                    s2 = Math.fma(a[at + 2 * aRow], x, s2);
                    s3 = Math.fma(a[at + 3 * aRow], x, s3);
                }
                c[r] = s0;
                c[r + 1] = s1;
                c[r + 2] = s2;
                c[r + 3] = s3;
                r += 4;
            } else {
                float s = 0;
                for (int p = 0; p < k; p++) {
                    s = Math.fma(a[a0 + p * aCol], b[b0 + p], s);
                }
                c[r] = s;
                r++;
            }
        }
    }

    /**
     * The product with one column; see
     * {@link #matrixVector(float[], float[], float[], int[], int[], int, int, boolean, int, int)}.
     */
    private static void matrixVector(double[] a, double[] b, double[] c, int[] aBatch, int[] bBatch, int m, int k,
            boolean transposeA, int rowFrom, int rowTo) {
        checkRows(aBatch, bBatch, m, k, 1, rowFrom, rowTo);
        int aRow = transposeA ? 1 : k;
        int aCol = transposeA ? m : 1;
        int r = rowFrom;
        while (r < rowTo) {
            int batch = r / m;
            int i = r - batch * m;
            int a0 = aBatch[batch] + i * aRow;
            int b0 = bBatch[batch];
            if (r + 4 <= rowTo && i + 4 <= m) {
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                for (int p = 0; p < k; p++) {
                    double x = b[b0 + p];
                    int at = a0 + p * aCol;
                    s0 = Math.fma(a[at], x, s0);
                    s1 = Math.fma(a[at + aRow], x, s1);
                    s2 = Math.fma(a[at + 2 * aRow], x, s2);
                    s3 = Math.fma(a[at + 3 * aRow], x, s3);
                }
                c[r] = s0;
                c[r + 1] = s1;
                c[r + 2] = s2;
                c[r + 3] = s3;
                r += 4;
            } else {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s = Math.fma(a[a0 + p * aCol], b[b0 + p], s);
                }
                c[r] = s;
                r++;
            }
        }
    }

    /** Checks the sizes and the row range of a call. */
    private static void checkRows(int[] aBatch, int[] bBatch, int m, int k, int n, int rowFrom, int rowTo) {
        checkArgument(m >= 0 && k >= 0 && n >= 0, "negative dimension: m=%s, k=%s, n=%s", m, k, n);
        checkArgument(aBatch.length == bBatch.length, "%s batch offsets for A but %s for B", aBatch.length,
                bBatch.length);
        checkArgument(0 <= rowFrom && rowFrom <= rowTo && rowTo <= (long) m * aBatch.length,
                "rows [%s, %s) are not within [0, %s * %s)", rowFrom, rowTo, aBatch.length, m);
    }

    /**
     * Calls {@code update} for each row r in {@code [rowFrom, rowTo)} of the stacked C (batch
     * {@code r / m}, row {@code i = r % m}) and each p in increasing order, with the index of
     * {@code op(A)[i, p]}, where row p of {@code op(B)} starts, and where row r of C starts.
     */
    private static void forEachRowUpdate(int[] aBatch, int[] bBatch, int m, int k, int n, boolean transposeA,
            boolean transposeB, int rowFrom, int rowTo, RowUpdate update) {
        checkRows(aBatch, bBatch, m, k, n, rowFrom, rowTo);
        // op(A)[i, p] is a[i * aRow + p * aCol]; op(B)[p, j] is b[p * bRow + j * (transposeB ? k : 1)].
        int aRow = transposeA ? 1 : k;
        int aCol = transposeA ? m : 1;
        int bRow = transposeB ? 1 : n;
        for (int r = rowFrom; r < rowTo; r++) {
            int batch = r / m;
            int i = r - batch * m;
            int a0 = aBatch[batch] + i * aRow;
            int b0 = bBatch[batch];
            for (int p = 0; p < k; p++) {
                update.apply(a0 + p * aCol, b0 + p * bRow, r * n);
            }
        }
    }
}
