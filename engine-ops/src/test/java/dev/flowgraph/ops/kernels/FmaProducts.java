package dev.flowgraph.ops.kernels;

import java.util.Random;

/**
 * The oracle of the matrix product tests: the plain triple loop with one FMA chain per element in
 * increasing inner index, which every FLOAT32 and FLOAT64 product kernel must equal bit for bit,
 * and the random operands and transposes those tests need.
 */
public final class FmaProducts {
    private FmaProducts() {}

    /**
     * Returns {@code batches} products {@code op(A[t]) · op(B)}, B shared by every batch, each
     * element {@code s = 0; for p: s = fma(op(A[t])[i, p], op(B)[p, j], s)}.
     *
     * @param a the A matrices one after another, each {@code [m, k]} or {@code [k, m]} if {@code ta}
     * @param b B, {@code [k, n]} or {@code [n, k]} if {@code tb}
     * @param batches the number of A matrices
     * @param m the rows of each product
     * @param k the inner dimension
     * @param n the columns of each product
     * @param ta whether each A is stored transposed
     * @param tb whether B is stored transposed
     * @return the {@code [batches, m, n]} products
     */
    public static float[] of(float[] a, float[] b, int batches, int m, int k, int n, boolean ta, boolean tb) {
        float[] c = new float[batches * m * n];
        for (int t = 0; t < batches; t++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    float s = 0;
                    for (int p = 0; p < k; p++) {
                        s = Math.fma(a[t * m * k + (ta ? p * m + i : i * k + p)], b[tb ? j * k + p : p * n + j], s);
                    }
                    c[(t * m + i) * n + j] = s;
                }
            }
        }
        return c;
    }

    /**
     * Returns {@code batches} products {@code op(A[t]) · op(B)} in FLOAT64; see {@link
     * #of(float[], float[], int, int, int, int, boolean, boolean)}.
     *
     * @param a the A matrices one after another, each {@code [m, k]} or {@code [k, m]} if {@code ta}
     * @param b B, {@code [k, n]} or {@code [n, k]} if {@code tb}
     * @param batches the number of A matrices
     * @param m the rows of each product
     * @param k the inner dimension
     * @param n the columns of each product
     * @param ta whether each A is stored transposed
     * @param tb whether B is stored transposed
     * @return the {@code [batches, m, n]} products
     */
    public static double[] of(double[] a, double[] b, int batches, int m, int k, int n, boolean ta, boolean tb) {
        double[] c = new double[batches * m * n];
        for (int t = 0; t < batches; t++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int p = 0; p < k; p++) {
                        s = Math.fma(a[t * m * k + (ta ? p * m + i : i * k + p)], b[tb ? j * k + p : p * n + j], s);
                    }
                    c[(t * m + i) * n + j] = s;
                }
            }
        }
        return c;
    }

    /**
     * Returns the transpose of a row-major {@code [rows, columns]} matrix.
     *
     * @param x the matrix
     * @param rows its rows
     * @param columns its columns
     * @return the {@code [columns, rows]} transpose
     */
    public static float[] transpose(float[] x, int rows, int columns) {
        float[] t = new float[x.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                t[j * rows + i] = x[i * columns + j];
            }
        }
        return t;
    }

    /**
     * Returns the transpose of a row-major {@code [rows, columns]} FLOAT64 matrix.
     *
     * @param x the matrix
     * @param rows its rows
     * @param columns its columns
     * @return the {@code [columns, rows]} transpose
     */
    public static double[] transpose(double[] x, int rows, int columns) {
        double[] t = new double[x.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                t[j * rows + i] = x[i * columns + j];
            }
        }
        return t;
    }

    /**
     * Returns {@code length} floats uniform in [-1, 1).
     *
     * @param random the source
     * @param length how many
     * @return the floats
     */
    public static float[] randomFloats(Random random, int length) {
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = random.nextFloat() * 2 - 1;
        }
        return x;
    }

    /**
     * Returns {@code length} doubles uniform in [-1, 1).
     *
     * @param random the source
     * @param length how many
     * @return the doubles
     */
    public static double[] randomDoubles(Random random, int length) {
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            x[i] = random.nextDouble() * 2 - 1;
        }
        return x;
    }
}
