package dev.flowgraph.ops.linalg;

import static dev.flowgraph.ops.TestRuns.eval;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.GraphBuildException;
import dev.flowgraph.KernelException;
import dev.flowgraph.Output;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.TestRuns;
import dev.flowgraph.ops.kernels.FmaProducts;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** MatMul: numpy.matmul on ranks 1 and 2 and on batches, transpose flags, dtypes, refusals and inference. */
class MatMulTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);

    // A = [[1, 2, 3], [4, 5, 6]], B = [[7, 8], [9, 10], [11, 12]].
    // A·B = [[1*7 + 2*9 + 3*11, 1*8 + 2*10 + 3*12], [4*7 + 5*9 + 6*11, 4*8 + 5*10 + 6*12]]
    //     = [[58, 64], [139, 154]].
    private static final double[][] A = {{1, 2, 3}, {4, 5, 6}};
    private static final double[][] A_T = {{1, 4}, {2, 5}, {3, 6}};
    private static final double[][] B = {{7, 8}, {9, 10}, {11, 12}};
    private static final double[][] B_T = {{7, 9, 11}, {8, 10, 12}};
    private static final Tensor AB = Tensor.matrix(new double[][] {{58, 64}, {139, 154}});

    private Tensor matMul(double[][] a, double[][] b, boolean ta, boolean tb) {
        return eval(tf.matMul(tf.constant(Tensor.matrix(a)), tf.constant(Tensor.matrix(b)), ta, tb));
    }

    @Test
    void multipliesMatricesWithEveryCombinationOfTransposeFlags() {
        assertEquals(AB, matMul(A, B, false, false));
        assertEquals(AB, matMul(A_T, B, true, false));
        assertEquals(AB, matMul(A, B_T, false, true));
        assertEquals(AB, matMul(A_T, B_T, true, true));
    }

    @Test
    void transposesTheSameOperandEitherWay() {
        // A·Aᵀ = [[1+4+9, 4+10+18], [4+10+18, 16+25+36]] = [[14, 32], [32, 77]].
        assertEquals(Tensor.matrix(new double[][] {{14, 32}, {32, 77}}), matMul(A, A, false, true));
        // Aᵀ·A [i][j] = A[0][i]*A[0][j] + A[1][i]*A[1][j]:
        // [[1+16, 2+20, 3+24], [2+20, 4+25, 6+30], [3+24, 6+30, 9+36]].
        assertEquals(Tensor.matrix(new double[][] {{17, 22, 27}, {22, 29, 36}, {27, 36, 45}}),
                matMul(A, A, true, false));
    }

    @Test
    void multipliesAMatrixByAVector() {
        // [[1, 2], [-1, -2]] · [10, 100] = [10 + 200, -10 - 200] = [210, -210].
        Output y = tf.matMul(tf.constant(Tensor.matrix(new double[][] {{1, 2}, {-1, -2}})),
                tf.constant(Tensor.vector(10.0, 100.0)));
        assertEquals(Shape.of(2), y.shape());
        assertEquals(Tensor.vector(210.0, -210.0), eval(y));
    }

    @Test
    void multipliesATransposedMatrixByAVector() {
        // Aᵀ · [1, 1] with Aᵀ = [[1, 4], [2, 5], [3, 6]]: row sums [5, 7, 9].
        Output y = tf.matMul(tf.constant(Tensor.matrix(A)), tf.constant(Tensor.vector(1.0, 1.0)), true, false);
        assertEquals(Tensor.vector(5.0, 7.0, 9.0), eval(y));
    }

    @Test
    void multipliesAVectorByAMatrix() {
        // [1, 2] · A = [1*1 + 2*4, 1*2 + 2*5, 1*3 + 2*6] = [9, 12, 15].
        Output y = tf.matMul(tf.constant(Tensor.vector(1.0, 2.0)), tf.constant(Tensor.matrix(A)));
        assertEquals(Shape.of(3), y.shape());
        assertEquals(Tensor.vector(9.0, 12.0, 15.0), eval(y));
    }

    @Test
    void multipliesTwoVectorsToAScalar() {
        // [1, 2, 3] · [4, 5, 6] = 4 + 10 + 18 = 32.
        Output y = tf.matMul(tf.constant(Tensor.vector(1, 2, 3)), tf.constant(Tensor.vector(4, 5, 6)));
        assertEquals(Shape.scalar(), y.shape());
        assertEquals(Tensor.scalar(32), eval(y));
    }

    @Test
    void multipliesFloat32() {
        // [[0.5, 2]] · [[4], [0.25]] = 0.5*4 + 2*0.25 = 2.5.
        Tensor out = eval(tf.matMul(tf.constant(Tensor.matrix(new float[][] {{0.5f, 2f}})),
                tf.constant(Tensor.matrix(new float[][] {{4f}, {0.25f}}))));
        assertEquals(Tensor.matrix(new float[][] {{2.5f}}), out);
    }

    @Test
    void sumsFloat32InFloat() {
        // 1 + 2^-24 + 2^-24, summed in increasing k, in float: 1 + 2^-24 is a tie between 1 and
        // 1 + 2^-23 and rounds to even, 1; again 1. In double the sum would be 1 + 2^-23.
        float tiny = 0x1p-24f;
        Tensor out = eval(tf.matMul(tf.constant(Tensor.vector(1f, tiny, tiny)), tf.constant(Tensor.vector(1f, 1f, 1f))));
        assertEquals(Tensor.scalar(1f), out);
    }

    @Test
    void multipliesInt32WrappingOnOverflow() {
        // [[1, 2], [3, 4]] · [[5, 6], [7, 8]] = [[5+14, 6+16], [15+28, 18+32]] = [[19, 22], [43, 50]].
        Tensor out = eval(tf.matMul(tf.constant(Tensor.matrix(new int[][] {{1, 2}, {3, 4}})),
                tf.constant(Tensor.matrix(new int[][] {{5, 6}, {7, 8}}))));
        assertEquals(Tensor.matrix(new int[][] {{19, 22}, {43, 50}}), out);
        // 65536 * 65536 = 2^32 wraps to 0; plus 1*1.
        Tensor wrapped = eval(tf.matMul(tf.constant(Tensor.vector(65536, 1)), tf.constant(Tensor.vector(65536, 1))));
        assertEquals(Tensor.scalar(1), wrapped);
    }

    @Test
    void multipliesInt64() {
        // [2^32, 3] · [[2], [-1]] = 2^33 - 3 = 8589934589.
        Tensor out = eval(tf.matMul(tf.constant(Tensor.vector(1L << 32, 3L)),
                tf.constant(Tensor.matrix(new long[][] {{2}, {-1}}))));
        assertEquals(Tensor.vector(8_589_934_589L), out);
    }

    @Test
    void anEmptyInnerDimensionGivesZeros() {
        Tensor out = eval(tf.matMul(tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(2, 0))),
                tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(0, 3)))));
        assertEquals(Tensor.zeros(DType.FLOAT64, Shape.of(2, 3)), out);
        Tensor noRows = eval(tf.matMul(tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(0, 2))),
                tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(2, 3)))));
        assertEquals(Shape.of(0, 3), noRows.shape());
    }

    @Test
    void matchesANaiveTripleLoopExactly() {
        int m = 67;
        int k = 53;
        int n = 71;
        Random r = new Random(20240611);
        double[] a = new double[m * k];
        double[] b = new double[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = r.nextGaussian();
        }
        double[] expected = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s = Math.fma(a[i * k + p], b[p * n + j], s);
                }
                expected[i * n + j] = s;
            }
        }
        Output c = tf.matMul(tf.constant(Tensor.of(a, Shape.of(m, k))), tf.constant(Tensor.of(b, Shape.of(k, n))));
        // The kernel sums p in increasing order from 0 with one FMA per term, as the loop above
        // does: equal bit for bit. 67 x 53 x 71 runs on the tiled kernel (2 tiles of 64 rows).
        assertArrayEquals(expected, TestRuns.eval(c, 1, Map.of()).toDoubleArray());
        assertArrayEquals(expected, TestRuns.eval(c, 4, Map.of()).toDoubleArray());
    }

    @Test
    void infersUnknownBatchDimensions() {
        Output x = tf.placeholder("x", DType.FLOAT32, Shape.of(-1, 784));
        Output w = tf.placeholder("w", DType.FLOAT32, Shape.of(784, 10));
        Output y = tf.matMul(x, w);
        assertEquals(Shape.of(-1, 10), y.shape());
        assertEquals(DType.FLOAT32, y.dtype());
        assertEquals(Long.MAX_VALUE, y.node().cost(), "an unknown dimension makes the cost unknown");
    }

    @Test
    void takesTheInnerDimensionFromWhicheverSideKnowsIt() {
        Output x = tf.placeholder("x", DType.FLOAT64, Shape.of(2, -1));
        Output w = tf.placeholder("w", DType.FLOAT64, Shape.of(-1, 5));
        assertEquals(Shape.of(2, 5), tf.matMul(x, w).shape());
        Output v = tf.placeholder("v", DType.FLOAT64, Shape.of(-1));
        assertEquals(Shape.of(5), tf.matMul(v, w).shape());
    }

    @Test
    void infersAnUnknownShapeFromAnUnknownRank() {
        Output x = tf.placeholder("x", DType.FLOAT64, Shape.unknown());
        Output w = tf.placeholder("w", DType.FLOAT64, Shape.of(3, 4));
        assertEquals(Shape.unknown(), tf.matMul(x, w).shape());
        assertEquals(Shape.unknown(), tf.matMul(w, x).shape());
    }

    @Test
    void costsMTimesNTimesK() {
        Output y = tf.matMul(tf.placeholder("x", DType.FLOAT64, Shape.of(2, 3)),
                tf.placeholder("w", DType.FLOAT64, Shape.of(3, 4)));
        assertEquals(2 * 3 * 4, y.node().cost());
    }

    @Test
    void refusesAnInnerDimensionMismatchNamingBothShapes() {
        Output x = tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(2, 3)));
        Output w = tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(4, 5)));
        GraphBuildException e = assertThrows(GraphBuildException.class, () -> tf.withName("mm").matMul(x, w));
        assertMessage(e, "'mm'", "MatMul", "float64[2, 3]", "float64[4, 5]", "inner dimensions differ");
    }

    @Test
    void refusesAMismatchThatOnlyATransposeCreates() {
        Output x = tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(2, 3)));
        Output w = tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(3, 5)));
        GraphBuildException e = assertThrows(GraphBuildException.class,
                () -> tf.withName("mm").matMul(x, w, true, false));
        assertMessage(e, "'mm'", "MatMul", "[2, 3] transposed", "[3, 5]", "inner dimensions differ");
    }

    @Test
    void refusesATransposeFlagOnAVector() {
        Output v = tf.constant(Tensor.vector(1.0, 2.0));
        Output m = tf.constant(Tensor.matrix(new double[][] {{1, 2}, {3, 4}}));
        GraphBuildException e = assertThrows(GraphBuildException.class, () -> tf.withName("mv").matMul(v, m, true, false));
        assertMessage(e, "'mv'", "MatMul", "float64[2]", "float64[2, 2]", "transposeA", "rank 1");
        GraphBuildException eb = assertThrows(GraphBuildException.class, () -> tf.withName("mv").matMul(m, v, false, true));
        assertMessage(eb, "transposeB", "rank 1");
    }

    @Test
    void refusesScalars() {
        Output s = tf.constant(2.0);
        Output m = tf.constant(Tensor.matrix(new double[][] {{1, 2}, {3, 4}}));
        assertMessage(assertThrows(GraphBuildException.class, () -> tf.withName("sm").matMul(s, m)), "'sm'", "MatMul",
                "float64[]", "scalar", "use mul");
        assertMessage(assertThrows(GraphBuildException.class, () -> tf.matMul(m, s)), "operand b is a scalar");
    }

    @Test
    void multipliesEachMatrixOfABatch() {
        // Batch 0: I · B0 = B0; batch 1: 2I · B1 = 2 B1, with B0 = [[1, 2], [3, 4]], B1 = [[5, 6], [7, 8]].
        Output a = tf.constant(Tensor.of(new double[] {1, 0, 0, 1, 2, 0, 0, 2}, Shape.of(2, 2, 2)));
        Output b = tf.constant(Tensor.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, Shape.of(2, 2, 2)));
        Output y = tf.matMul(a, b);
        assertEquals(Shape.of(2, 2, 2), y.shape());
        assertEquals(Tensor.of(new double[] {1, 2, 3, 4, 10, 12, 14, 16}, Shape.of(2, 2, 2)), eval(y));
    }

    @Test
    void broadcastsAMatrixAgainstABatch() {
        // A (no batch axes) times each of B0 = I, B1 = 10 I: [A, 10 A]; and the reverse order.
        Output a = tf.constant(Tensor.matrix(new int[][] {{1, 2}, {3, 4}}));
        Output b = tf.constant(Tensor.of(new int[] {1, 0, 0, 1, 10, 0, 0, 10}, Shape.of(2, 2, 2)));
        assertEquals(Tensor.of(new int[] {1, 2, 3, 4, 10, 20, 30, 40}, Shape.of(2, 2, 2)), eval(tf.matMul(a, b)));
        assertEquals(Tensor.of(new int[] {1, 2, 3, 4, 10, 20, 30, 40}, Shape.of(2, 2, 2)), eval(tf.matMul(b, a)));
    }

    @Test
    void broadcastsSizeOneBatchAxesBothWays() {
        // a [2, 1, 1, 1] = {1, 2}, b [1, 3, 1, 1] = {10, 20, 30}: out[i, j] = a[i] * b[j], shape [2, 3, 1, 1].
        Output a = tf.constant(Tensor.of(new long[] {1, 2}, Shape.of(2, 1, 1, 1)));
        Output b = tf.constant(Tensor.of(new long[] {10, 20, 30}, Shape.of(1, 3, 1, 1)));
        Output y = tf.matMul(a, b);
        assertEquals(Shape.of(2, 3, 1, 1), y.shape());
        assertEquals(Tensor.of(new long[] {10, 20, 30, 20, 40, 60}, Shape.of(2, 3, 1, 1)), eval(y));
    }

    @Test
    void multipliesABatchByAVectorAndAVectorByABatch() {
        // [2, 2, 2] · [1, 1]: row sums {1+2, 3+4, 5+6, 7+8}, shape [2, 2]; [1, 1] · batch: column sums.
        Output batch = tf.constant(Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, Shape.of(2, 2, 2)));
        Output ones = tf.constant(Tensor.vector(1f, 1f));
        assertEquals(Tensor.of(new float[] {3, 7, 11, 15}, Shape.of(2, 2)), eval(tf.matMul(batch, ones)));
        assertEquals(Tensor.of(new float[] {4, 6, 12, 14}, Shape.of(2, 2)), eval(tf.matMul(ones, batch)));
    }

    @Test
    void transposesOnlyTheLastTwoAxesOfABatch() {
        // a stored [1, 3, 2] = Aᵀ, so op(a) = A; b stored [2, 2, 3] = {Bᵀ, Bᵀ}: each product is A·B.
        Output a = tf.constant(Tensor.of(new double[] {1, 4, 2, 5, 3, 6}, Shape.of(1, 3, 2)));
        Output b = tf.constant(Tensor.of(new double[] {7, 9, 11, 8, 10, 12, 7, 9, 11, 8, 10, 12}, Shape.of(2, 2, 3)));
        Output y = tf.matMul(a, b, true, true);
        assertEquals(Shape.of(2, 2, 2), y.shape());
        assertEquals(Tensor.of(new double[] {58, 64, 139, 154, 58, 64, 139, 154}, Shape.of(2, 2, 2)), eval(y));
    }

    @Test
    void anEmptyBatchGivesAnEmptyResult() {
        Output a = tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(0, 2, 3)));
        Output b = tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(3, 4)));
        Tensor out = eval(tf.matMul(a, b));
        assertEquals(Shape.of(0, 2, 4), out.shape());
    }

    @Test
    void smallBatchesOnTheRowKernelMatchANaiveLoopAtOneAndFourThreads() {
        // 50 batches of 3x5 · 5x4: too small to tile, so the row kernel runs, 65536 / (4 * 5) =
        // 3276 rows per block; it sums with one FMA per term in increasing p, like the tiled one.
        int batches = 50;
        int m = 3;
        int k = 5;
        int n = 4;
        Random r = new Random(8);
        float[] a = new float[batches * m * k];
        float[] b = new float[batches * k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) r.nextGaussian();
        }
        float[] expected = new float[batches * m * n];
        for (int t = 0; t < batches; t++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    float s = 0;
                    for (int p = 0; p < k; p++) {
                        s = Math.fma(a[(t * m + i) * k + p], b[(t * k + p) * n + j], s);
                    }
                    expected[(t * m + i) * n + j] = s;
                }
            }
        }
        Output c = tf.matMul(tf.constant(Tensor.of(a, Shape.of(batches, m, k))),
                tf.constant(Tensor.of(b, Shape.of(batches, k, n))));
        assertArrayEquals(expected, TestRuns.eval(c, 1, Map.of()).toFloatArray());
        assertArrayEquals(expected, TestRuns.eval(c, 4, Map.of()).toFloatArray());
    }

    @Test
    void batchedProductsMatchANaiveLoopAtOneAndFourThreads() {
        // 6 batches of 40x30 · 30x50, one tile each on the tiled kernel; B is shared by all batches.
        int batches = 6;
        int m = 40;
        int k = 30;
        int n = 50;
        Random r = new Random(7);
        double[] a = gaussians(r, batches * m * k);
        double[] b = gaussians(r, k * n);
        double[] expected = FmaProducts.of(a, b, batches, m, k, n, false, false);
        Output c = tf.matMul(tf.constant(Tensor.of(a, Shape.of(batches, m, k))),
                tf.constant(Tensor.of(b, Shape.of(k, n))));
        assertArrayEquals(expected, TestRuns.eval(c, 1, Map.of()).toDoubleArray());
        assertArrayEquals(expected, TestRuns.eval(c, 4, Map.of()).toDoubleArray());
    }

    @Test
    void shortRowsRunAsTheTransposedProductWithTheSameBitsAtEveryTransposeCombination() {
        // 3 batches of 130x40 · 40x10 with B shared: 10 columns (fewer than rows, even) make the
        // tiled kernel compute each batch's Cᵀ (10 x 130, one tile) and write it back transposed;
        // every element is still the FMA chain in increasing p of fmaLoop.
        int batches = 3;
        int m = 130;
        int k = 40;
        int n = 10;
        Random r = new Random(11);
        for (int flags = 0; flags < 4; flags++) {
            boolean ta = (flags & 1) != 0;
            boolean tb = (flags & 2) != 0;
            double[] a = gaussians(r, batches * m * k);
            double[] b = gaussians(r, k * n);
            double[] expected = FmaProducts.of(a, b, batches, m, k, n, ta, tb);
            Output c = tf.matMul(tf.constant(Tensor.of(a, ta ? Shape.of(batches, k, m) : Shape.of(batches, m, k))),
                    tf.constant(Tensor.of(b, tb ? Shape.of(n, k) : Shape.of(k, n))), ta, tb);
            assertArrayEquals(expected, TestRuns.eval(c, 1, Map.of()).toDoubleArray(), "flags " + flags);
            assertArrayEquals(expected, TestRuns.eval(c, 4, Map.of()).toDoubleArray(), "flags " + flags);
        }
    }

    @Test
    void float32TiledProductsGiveTheFmaChainsAtOneTwoAndFourThreadsOnEitherKernel() {
        // FLOAT32 products large enough for tiles run on TiledMatrixMultiply, or on
        // VectorMatrixMultiply when the JVM has the Vector API (the vector-kernels test run), in
        // every transpose combination: 2 batches sharing B of 70x300 · 300x130 (an inner dimension
        // past one block of 256, a last row group of 4 and a last panel of 2 columns), of
        // 64x520x600 (two column strips, three inner blocks), of 300x260 · 260x10 (short rows:
        // the transposed product, written back transposed) and of 130x40 · 40x50 (an inner
        // dimension too short for the vector kernel: the plain one runs either way).
        int[][] sizes = {{70, 300, 130}, {64, 520, 600}, {300, 260, 10}, {130, 40, 50}};
        int batches = 2;
        Random r = new Random(12);
        for (int[] size : sizes) {
            int m = size[0];
            int k = size[1];
            int n = size[2];
            for (int flags = 0; flags < 4; flags++) {
                boolean ta = (flags & 1) != 0;
                boolean tb = (flags & 2) != 0;
                float[] a = FmaProducts.randomFloats(r, batches * m * k);
                float[] b = FmaProducts.randomFloats(r, k * n);
                float[] expected = FmaProducts.of(a, b, batches, m, k, n, ta, tb);
                Output c = tf.matMul(tf.constant(Tensor.of(a, ta ? Shape.of(batches, k, m) : Shape.of(batches, m, k))),
                        tf.constant(Tensor.of(b, tb ? Shape.of(n, k) : Shape.of(k, n))), ta, tb);
                for (int threads : new int[] {1, 2, 4}) {
                    assertArrayEquals(expected, TestRuns.eval(c, threads, Map.of()).toFloatArray(),
                            m + "x" + k + "x" + n + ", flags " + flags + ", " + threads + " threads");
                }
            }
        }
    }

    @Test
    void float32ProductsReadEachBOfABatchBroadcastAcrossAnotherAxis() {
        // a [3, 2, 70, 300] · b [1, 2, 300, 40]: product (i, j) reads B[0, j], so each of the two B
        // matrices is read by three products (the vector kernel packs each once).
        int m = 70;
        int k = 300;
        int n = 40;
        Random r = new Random(13);
        float[] a = FmaProducts.randomFloats(r, 6 * m * k);
        float[] b = FmaProducts.randomFloats(r, 2 * k * n);
        float[] expected = new float[6 * m * n];
        for (int batch = 0; batch < 6; batch++) {
            float[] product = FmaProducts.of(Arrays.copyOfRange(a, batch * m * k, (batch + 1) * m * k),
                    Arrays.copyOfRange(b, batch % 2 * k * n, (batch % 2 + 1) * k * n), 1, m, k, n, false, false);
            System.arraycopy(product, 0, expected, batch * m * n, m * n);
        }
        Output c = tf.matMul(tf.constant(Tensor.of(a, Shape.of(3, 2, m, k))),
                tf.constant(Tensor.of(b, Shape.of(1, 2, k, n))));
        assertArrayEquals(expected, TestRuns.eval(c, 1, Map.of()).toFloatArray());
        assertArrayEquals(expected, TestRuns.eval(c, 2, Map.of()).toFloatArray());
    }

    @Test
    void infersBatchShapesWithUnknownDimensions() {
        Output x = tf.placeholder("x", DType.FLOAT32, Shape.of(-1, 1, 5, 3));
        Output w = tf.placeholder("w", DType.FLOAT32, Shape.of(4, 3, -1));
        assertEquals(Shape.of(-1, 4, 5, -1), tf.matMul(x, w).shape());
        Output v = tf.placeholder("v", DType.FLOAT32, Shape.of(-1, 7, 3));
        assertEquals(Shape.of(-1, 7), tf.matMul(v, tf.placeholder("u", DType.FLOAT32, Shape.of(3))).shape());
        assertEquals(Shape.unknown(), tf.matMul(tf.placeholder("q", DType.FLOAT32, Shape.unknown()), v).shape());
    }

    @Test
    void costsBatchesTimesMTimesNTimesK() {
        Output y = tf.matMul(tf.placeholder("x", DType.FLOAT64, Shape.of(5, 1, 2, 3)),
                tf.placeholder("w", DType.FLOAT64, Shape.of(7, 3, 4)));
        assertEquals(5 * 7 * 2 * 3 * 4, y.node().cost());
    }

    @Test
    void refusesBatchAxesThatDoNotBroadcast() {
        Output x = tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(2, 2, 3)));
        Output w = tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(3, 3, 4)));
        GraphBuildException e = assertThrows(GraphBuildException.class, () -> tf.withName("bmm").matMul(x, w));
        assertMessage(e, "'bmm'", "MatMul", "float64[2, 2, 3]", "float64[3, 3, 4]", "batch axes", "do not broadcast");
    }

    @Test
    void fedBatchesThatDoNotBroadcastFailTheRunNamingTheNode() {
        Output x = tf.placeholder("x", DType.FLOAT64, Shape.of(-1, 2, 2));
        Output w = tf.placeholder("w", DType.FLOAT64, Shape.of(-1, 2, 2));
        tf.withName("bmm").matMul(x, w);
        try (Session s = new Session(g)) {
            KernelException e = assertThrows(KernelException.class, () -> s.runner()
                    .feed("x", Tensor.zeros(DType.FLOAT64, Shape.of(2, 2, 2)))
                    .feed("w", Tensor.zeros(DType.FLOAT64, Shape.of(3, 2, 2))).fetch("bmm").run());
            assertEquals("bmm", e.nodeName());
            assertMessage(e, "bmm", "[2, 2, 2]", "[3, 2, 2]", "do not broadcast");
        }
    }

    @Test
    void refusesAnInnerMismatchInABatch() {
        Output x = tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(2, 2, 3)));
        Output w = tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(2, 4, 4)));
        assertMessage(assertThrows(GraphBuildException.class, () -> tf.matMul(x, w)), "inner dimensions differ",
                "[2, 2, 3]", "[2, 4, 4]");
    }

    @Test
    void refusesMixedAndBoolDTypes() {
        Output f = tf.constant(Tensor.matrix(new float[][] {{1}}));
        Output d = tf.constant(Tensor.matrix(new double[][] {{1}}));
        assertMessage(assertThrows(GraphBuildException.class, () -> tf.matMul(f, d)),
                "float32[1, 1]", "float64[1, 1]", "dtypes differ");
        Output b = tf.constant(Tensor.of(new boolean[] {true}, Shape.of(1, 1)));
        assertMessage(assertThrows(GraphBuildException.class, () -> tf.matMul(b, b)), "bool is not a numeric dtype");
    }

    private static double[] gaussians(Random r, int length) {
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            x[i] = r.nextGaussian();
        }
        return x;
    }

    private static void assertMessage(Exception e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message lacks '" + p + "': " + e.getMessage());
        }
    }
}
