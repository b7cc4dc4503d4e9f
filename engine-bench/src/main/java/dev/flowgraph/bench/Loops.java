package dev.flowgraph.bench;

import java.util.Arrays;

/**
 * The hand-written floors: the plain single-threaded loops a Java programmer would write, over
 * row-major arrays, with the output passed in.
 */
final class Loops {
    private Loops() {}

    /**
     * {@code c = a · b} for n×n row-major matrices, in i-k-j order so that the inner loop runs
     * along rows of b and c (which C2 vectorises).
     *
     * <p>Modified: {@code c}. Not modified: {@code a}, {@code b}.
     *
     * @param a the left matrix
     * @param b the right matrix
     * @param c the product
     * @param n the size
     */
    static void gemm(float[] a, float[] b, float[] c, int n) {
        Arrays.fill(c, 0f);
        for (int i = 0; i < n; i++) {
            int ci = i * n;
            for (int k = 0; k < n; k++) {
                float aik = a[i * n + k];
                int bk = k * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aik * b[bk + j];
                }
            }
        }
    }

    /**
     * {@code c = a · b} for n×n row-major matrices of doubles, as the float version.
     *
     * <p>Modified: {@code c}. Not modified: {@code a}, {@code b}.
     *
     * @param a the left matrix
     * @param b the right matrix
     * @param c the product
     * @param n the size
     */
    static void gemm(double[] a, double[] b, double[] c, int n) {
        Arrays.fill(c, 0.0);
        for (int i = 0; i < n; i++) {
            int ci = i * n;
            for (int k = 0; k < n; k++) {
                double aik = a[i * n + k];
                int bk = k * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aik * b[bk + j];
                }
            }
        }
    }
}
