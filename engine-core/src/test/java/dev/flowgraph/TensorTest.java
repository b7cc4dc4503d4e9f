package dev.flowgraph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Tests of {@link Tensor}: factories, immutability, typed reads, value semantics and printing.
 * Expected strings are written by hand following NumPy's layout.
 */
class TensorTest {

    private static <T extends Throwable> T assertThrowsWithMessage(Class<T> type, Executable call, String... parts) {
        T e = assertThrows(type, call);
        for (String p : parts) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(p),
                    "message should contain '" + p + "' but was: " + e.getMessage());
        }
        return e;
    }

    // ---------------------------------------------------------------- scalars

    @Test
    void scalarFactoriesGiveRankZeroOfEachDtype() {
        Tensor d = Tensor.scalar(2.5);
        assertEquals(DType.FLOAT64, d.dtype());
        assertEquals(Shape.scalar(), d.shape());
        assertEquals(0, d.rank());
        assertEquals(1, d.size());
        assertEquals(2.5, d.getDouble());

        Tensor f = Tensor.scalar(1.5f);
        assertEquals(DType.FLOAT32, f.dtype());
        assertEquals(Shape.scalar(), f.shape());
        assertEquals(1.5f, f.getFloat());

        Tensor i = Tensor.scalar(7);
        assertEquals(DType.INT32, i.dtype());
        assertEquals(Shape.scalar(), i.shape());
        assertEquals(7, i.getInt());

        Tensor l = Tensor.scalar(1L << 40);
        assertEquals(DType.INT64, l.dtype());
        assertEquals(Shape.scalar(), l.shape());
        assertEquals(1L << 40, l.getLong());

        Tensor b = Tensor.scalar(true);
        assertEquals(DType.BOOL, b.dtype());
        assertEquals(Shape.scalar(), b.shape());
        assertTrue(b.getBoolean());
        assertFalse(Tensor.scalar(false).getBoolean());
    }

    // ---------------------------------------------------------------- vectors

    @Test
    void vectorFactoriesGiveRankOneOfEachDtype() {
        Tensor d = Tensor.vector(1.0, 2.0, 3.0);
        assertEquals(DType.FLOAT64, d.dtype());
        assertEquals(Shape.of(3), d.shape());
        assertEquals(1, d.rank());
        assertEquals(3, d.size());
        assertArrayEquals(new double[] {1.0, 2.0, 3.0}, d.toDoubleArray());
        assertEquals(2.0, d.getDouble(1));

        Tensor f = Tensor.vector(1f, 2f);
        assertEquals(DType.FLOAT32, f.dtype());
        assertEquals(Shape.of(2), f.shape());
        assertArrayEquals(new float[] {1f, 2f}, f.toFloatArray());
        assertEquals(2f, f.getFloat(1));

        Tensor i = Tensor.vector(4, 5, 6, 7);
        assertEquals(DType.INT32, i.dtype());
        assertEquals(Shape.of(4), i.shape());
        assertArrayEquals(new int[] {4, 5, 6, 7}, i.toIntArray());
        assertEquals(7, i.getInt(3));

        Tensor l = Tensor.vector(10L, 20L);
        assertEquals(DType.INT64, l.dtype());
        assertEquals(Shape.of(2), l.shape());
        assertArrayEquals(new long[] {10L, 20L}, l.toLongArray());
        assertEquals(20L, l.getLong(1));

        Tensor b = Tensor.vector(true, false, true);
        assertEquals(DType.BOOL, b.dtype());
        assertEquals(Shape.of(3), b.shape());
        assertArrayEquals(new boolean[] {true, false, true}, b.toBooleanArray());
        assertFalse(b.getBoolean(1));
    }

    @Test
    void emptyVectorHasShapeZero() {
        Tensor t = Tensor.vector(new double[0]);
        assertEquals(Shape.of(0), t.shape());
        assertEquals(0, t.size());
        assertArrayEquals(new double[0], t.toDoubleArray());
        assertThrows(IndexOutOfBoundsException.class, () -> t.getDouble(0));
    }

    // ---------------------------------------------------------------- matrices

    @Test
    void matrixFactoriesFlattenRowMajor() {
        Tensor d = Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertEquals(DType.FLOAT64, d.dtype());
        assertEquals(Shape.of(2, 3), d.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, d.toDoubleArray());
        assertEquals(6.0, d.getDouble(1, 2));
        assertEquals(4.0, d.getDouble(1, 0));
        assertEquals(3.0, d.getDouble(0, 2));

        Tensor f = Tensor.matrix(new float[][] {{1f}, {2f}, {3f}});
        assertEquals(DType.FLOAT32, f.dtype());
        assertEquals(Shape.of(3, 1), f.shape());
        assertArrayEquals(new float[] {1f, 2f, 3f}, f.toFloatArray());
        assertEquals(3f, f.getFloat(2, 0));

        Tensor i = Tensor.matrix(new int[][] {{1, 2}, {3, 4}});
        assertEquals(DType.INT32, i.dtype());
        assertEquals(Shape.of(2, 2), i.shape());
        assertArrayEquals(new int[] {1, 2, 3, 4}, i.toIntArray());
        assertEquals(3, i.getInt(1, 0));

        Tensor l = Tensor.matrix(new long[][] {{1L, 2L, 3L}});
        assertEquals(DType.INT64, l.dtype());
        assertEquals(Shape.of(1, 3), l.shape());
        assertArrayEquals(new long[] {1L, 2L, 3L}, l.toLongArray());
        assertEquals(2L, l.getLong(0, 1));
    }

    @Test
    void raggedMatrixIsRefusedNamingTheRow() {
        assertThrowsWithMessage(IllegalArgumentException.class,
                () -> Tensor.matrix(new double[][] {{1, 2}, {3, 4}, {5}}), "row 2 has 1 elements but row 0 has 2");
        assertThrowsWithMessage(IllegalArgumentException.class,
                () -> Tensor.matrix(new float[][] {{1f}, {2f, 3f}}), "row 1 has 2 elements but row 0 has 1");
        assertThrowsWithMessage(IllegalArgumentException.class,
                () -> Tensor.matrix(new int[][] {{1, 2}, {}}), "row 1");
        assertThrowsWithMessage(IllegalArgumentException.class,
                () -> Tensor.matrix(new long[][] {{1L}, {1L}, {1L, 2L}}), "row 2");
    }

    @Test
    void matrixRefusesNullRows() {
        assertThrows(NullPointerException.class, () -> Tensor.matrix((double[][]) null));
        assertThrows(NullPointerException.class, () -> Tensor.matrix(new double[][] {{1}, null}));
        assertThrows(NullPointerException.class, () -> Tensor.matrix(new double[][] {null}));
    }

    @Test
    void emptyMatrices() {
        Tensor none = Tensor.matrix(new double[0][]);
        assertEquals(Shape.of(0, 0), none.shape());
        assertEquals(0, none.size());

        Tensor emptyRows = Tensor.matrix(new int[][] {{}, {}});
        assertEquals(Shape.of(2, 0), emptyRows.shape());
        assertEquals(0, emptyRows.size());
        assertEquals(DType.INT32, emptyRows.dtype());
    }

    // ---------------------------------------------------------------- of / zeros

    @Test
    void ofLaysOutRowMajor() {
        Tensor t = Tensor.of(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
            20, 21, 22, 23}, Shape.of(2, 3, 4));
        // flat index of [i, j, k] = i*12 + j*4 + k
        assertEquals(0.0, t.getDouble(0, 0, 0));
        assertEquals(6.0, t.getDouble(0, 1, 2));
        assertEquals(13.0, t.getDouble(1, 0, 1));
        assertEquals(23.0, t.getDouble(1, 2, 3));
        assertEquals(3, t.rank());
        assertEquals(24, t.size());
    }

    @Test
    void ofEachDtype() {
        assertEquals(DType.FLOAT32, Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, Shape.of(2, 3)).dtype());
        assertEquals(DType.FLOAT64, Tensor.of(new double[] {1, 2}, Shape.of(2, 1)).dtype());
        assertEquals(DType.INT32, Tensor.of(new int[] {1}, Shape.scalar()).dtype());
        assertEquals(DType.INT64, Tensor.of(new long[] {1, 2, 3}, Shape.of(3)).dtype());
        assertEquals(DType.BOOL, Tensor.of(new boolean[] {true, false}, Shape.of(1, 2)).dtype());
        assertEquals(Tensor.scalar(5), Tensor.of(new int[] {5}, Shape.scalar()));
        assertEquals(Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, Shape.of(2, 3)),
                Tensor.matrix(new float[][] {{1, 2, 3}, {4, 5, 6}}));
    }

    @Test
    void ofRefusesASizeMismatch() {
        assertThrowsWithMessage(IllegalArgumentException.class,
                () -> Tensor.of(new double[] {1, 2, 3, 4, 5}, Shape.of(2, 3)),
                "[2, 3]", "needs 6 elements but 5 were given");
        assertThrowsWithMessage(IllegalArgumentException.class,
                () -> Tensor.of(new float[] {1, 2}, Shape.scalar()), "needs 1 elements but 2 were given");
        assertThrowsWithMessage(IllegalArgumentException.class,
                () -> Tensor.of(new int[0], Shape.of(1)), "needs 1 elements but 0 were given");
        assertThrowsWithMessage(IllegalArgumentException.class,
                () -> Tensor.of(new long[] {1}, Shape.of(2)), "needs 2 elements but 1 were given");
        assertThrowsWithMessage(IllegalArgumentException.class,
                () -> Tensor.of(new boolean[] {true}, Shape.of(0)), "needs 0 elements but 1 were given");
    }

    @Test
    void ofRefusesAShapeThatIsNotFullyDefined() {
        assertThrowsWithMessage(IllegalArgumentException.class,
                () -> Tensor.of(new double[] {1, 2, 3}, Shape.of(-1, 3)), "fully defined", "[-1, 3]");
        assertThrowsWithMessage(IllegalArgumentException.class,
                () -> Tensor.of(new double[] {1}, Shape.unknown()), "fully defined", "<unknown>");
        assertThrowsWithMessage(IllegalArgumentException.class,
                () -> Tensor.zeros(DType.INT32, Shape.of(-1)), "fully defined");
    }

    @Test
    void ofRefusesNulls() {
        assertThrows(NullPointerException.class, () -> Tensor.of((double[]) null, Shape.of(1)));
        assertThrows(NullPointerException.class, () -> Tensor.of(new double[] {1}, null));
        assertThrows(NullPointerException.class, () -> Tensor.zeros(null, Shape.of(1)));
        assertThrows(NullPointerException.class, () -> Tensor.zeros(DType.FLOAT64, null));
    }

    @Test
    void zerosOfEachDtype() {
        assertArrayEquals(new double[6], Tensor.zeros(DType.FLOAT64, Shape.of(2, 3)).toDoubleArray());
        assertArrayEquals(new float[2], Tensor.zeros(DType.FLOAT32, Shape.of(2)).toFloatArray());
        assertArrayEquals(new int[4], Tensor.zeros(DType.INT32, Shape.of(2, 2)).toIntArray());
        assertArrayEquals(new long[1], Tensor.zeros(DType.INT64, Shape.scalar()).toLongArray());
        assertArrayEquals(new boolean[3], Tensor.zeros(DType.BOOL, Shape.of(3)).toBooleanArray());
        Tensor z = Tensor.zeros(DType.FLOAT32, Shape.of(2, 0, 3));
        assertEquals(0, z.size());
        assertEquals(Shape.of(2, 0, 3), z.shape());
        assertEquals(DType.FLOAT32, z.dtype());
        assertEquals(Tensor.vector(0.0, 0.0), Tensor.zeros(DType.FLOAT64, Shape.of(2)));
    }

    @Test
    void shapesBeyondMaxSizeAreRefusedNamingTheLimit() {
        String limit = String.valueOf(Tensor.MAX_SIZE);
        assertEquals(Integer.MAX_VALUE - 8, Tensor.MAX_SIZE);
        assertThrowsWithMessage(IllegalArgumentException.class,
                () -> Tensor.zeros(DType.FLOAT64, Shape.of(Integer.MAX_VALUE)), limit, "[2147483647]");
        assertThrowsWithMessage(IllegalArgumentException.class,
                () -> Tensor.zeros(DType.BOOL, Shape.of(1L << 20, 1L << 20)), limit);
        assertThrowsWithMessage(IllegalArgumentException.class,
                () -> Tensor.of(new double[1], Shape.of(Tensor.MAX_SIZE + 1L)), limit);
        // The product overflows a long: still an IllegalArgumentException, not an ArithmeticException.
        assertThrowsWithMessage(IllegalArgumentException.class,
                () -> Tensor.zeros(DType.INT32, Shape.of(Long.MAX_VALUE, 4)), limit);
    }

    @Test
    void shapeWithAZeroDimensionHoldsNoElementsWhateverTheOtherDimensions() {
        Tensor t = Tensor.zeros(DType.FLOAT64, Shape.of(Long.MAX_VALUE, 2, 0));
        assertEquals(0, t.size());
    }

    // ---------------------------------------------------------------- immutability

    @Test
    void mutatingTheSourceArrayDoesNotChangeTheTensor() {
        double[] d = {1, 2, 3};
        Tensor td = Tensor.of(d, Shape.of(3));
        Tensor vd = Tensor.vector(d);
        d[0] = 99;
        assertEquals(1.0, td.getDouble(0));
        assertEquals(1.0, vd.getDouble(0));

        float[] f = {1, 2};
        Tensor vf = Tensor.vector(f);
        f[1] = 99;
        assertEquals(2f, vf.getFloat(1));

        int[] i = {1, 2};
        Tensor ti = Tensor.of(i, Shape.of(2));
        i[0] = 99;
        assertEquals(1, ti.getInt(0));

        long[] l = {1, 2};
        Tensor vl = Tensor.vector(l);
        l[0] = 99;
        assertEquals(1L, vl.getLong(0));

        boolean[] b = {true};
        Tensor tb = Tensor.of(b, Shape.of(1));
        b[0] = false;
        assertTrue(tb.getBoolean(0));

        double[][] rows = {{1, 2}, {3, 4}};
        Tensor m = Tensor.matrix(rows);
        rows[1][0] = 99;
        assertEquals(3.0, m.getDouble(1, 0));
    }

    @Test
    void mutatingAReturnedArrayDoesNotChangeTheTensor() {
        Tensor d = Tensor.vector(1.0, 2.0);
        d.toDoubleArray()[0] = 99;
        assertEquals(1.0, d.getDouble(0));

        Tensor f = Tensor.vector(1f, 2f);
        f.toFloatArray()[0] = 99;
        assertEquals(1f, f.getFloat(0));

        Tensor i = Tensor.vector(1, 2);
        i.toIntArray()[0] = 99;
        assertEquals(1, i.getInt(0));

        Tensor l = Tensor.vector(1L, 2L);
        l.toLongArray()[0] = 99;
        assertEquals(1L, l.getLong(0));

        Tensor b = Tensor.vector(true, false);
        b.toBooleanArray()[0] = false;
        assertTrue(b.getBoolean(0));
    }

    // ---------------------------------------------------------------- typed reads

    @Test
    void getDoubleWidensFloat32Int32AndInt64() {
        assertEquals(1.5, Tensor.scalar(1.5f).getDouble());
        assertEquals(0.1f, (float) Tensor.scalar(0.1f).getDouble());
        assertEquals(-7.0, Tensor.scalar(-7).getDouble());
        assertEquals(1099511627776.0, Tensor.scalar(1L << 40).getDouble());
        assertArrayEquals(new double[] {1.5, 2.5}, Tensor.vector(1.5f, 2.5f).toDoubleArray());
        assertArrayEquals(new double[] {1, -2}, Tensor.vector(1, -2).toDoubleArray());
        assertArrayEquals(new double[] {3, 4}, Tensor.vector(3L, 4L).toDoubleArray());
    }

    @Test
    void getLongWidensInt32() {
        assertEquals(-5L, Tensor.scalar(-5).getLong());
        assertEquals(Integer.MIN_VALUE, Tensor.vector(0, Integer.MIN_VALUE).getLong(1));
        assertArrayEquals(new long[] {1, -2}, Tensor.vector(1, -2).toLongArray());
    }

    @Test
    void narrowingOrCrossKindReadsAreRefusedNamingTheDtype() {
        assertThrowsWithMessage(IllegalStateException.class, () -> Tensor.scalar(1.0).getFloat(),
                "float64", "float");
        assertThrowsWithMessage(IllegalStateException.class, () -> Tensor.scalar(1L).getInt(), "int64");
        assertThrowsWithMessage(IllegalStateException.class, () -> Tensor.scalar(1.0).getInt(), "float64");
        assertThrowsWithMessage(IllegalStateException.class, () -> Tensor.scalar(1.0).getLong(), "float64");
        assertThrowsWithMessage(IllegalStateException.class, () -> Tensor.scalar(1f).getLong(), "float32");
        assertThrowsWithMessage(IllegalStateException.class, () -> Tensor.scalar(1).getFloat(), "int32");
        assertThrowsWithMessage(IllegalStateException.class, () -> Tensor.scalar(true).getDouble(), "bool");
        assertThrowsWithMessage(IllegalStateException.class, () -> Tensor.scalar(true).getLong(), "bool");
        assertThrowsWithMessage(IllegalStateException.class, () -> Tensor.scalar(1).getBoolean(), "int32");
        assertThrowsWithMessage(IllegalStateException.class, () -> Tensor.scalar(1.0).getBoolean(), "float64");
    }

    @Test
    void wrongReadMessageIsExact() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Tensor.vector(1.0, 2.0).getFloat(0));
        assertEquals("cannot read a float64 tensor of shape [2] as float", e.getMessage());
    }

    @Test
    void arrayReadsRefuseOtherDtypes() {
        assertThrowsWithMessage(IllegalStateException.class, () -> Tensor.vector(1.0).toFloatArray(), "float64");
        assertThrowsWithMessage(IllegalStateException.class, () -> Tensor.vector(1L).toIntArray(), "int64");
        assertThrowsWithMessage(IllegalStateException.class, () -> Tensor.vector(1.0).toLongArray(), "float64");
        assertThrowsWithMessage(IllegalStateException.class, () -> Tensor.vector(true).toDoubleArray(), "bool");
        assertThrowsWithMessage(IllegalStateException.class, () -> Tensor.vector(1).toBooleanArray(), "int32");
    }

    @Test
    void indexWithTheWrongRankIsRefused() {
        Tensor m = Tensor.matrix(new double[][] {{1, 2}, {3, 4}});
        assertThrowsWithMessage(IndexOutOfBoundsException.class, () -> m.getDouble(1),
                "[1]", "1 coordinates", "rank 2");
        assertThrowsWithMessage(IndexOutOfBoundsException.class, () -> m.getDouble(0, 0, 0), "rank 2");
        assertThrowsWithMessage(IndexOutOfBoundsException.class, () -> m.getDouble(), "rank 2");
        assertThrowsWithMessage(IndexOutOfBoundsException.class, () -> Tensor.scalar(1.0).getDouble(0), "rank 0");
    }

    @Test
    void indexOutOfBoundsIsRefused() {
        Tensor m = Tensor.matrix(new int[][] {{1, 2, 3}, {4, 5, 6}});
        assertThrowsWithMessage(IndexOutOfBoundsException.class, () -> m.getInt(2, 0),
                "[2, 0]", "[2, 3]", "dimension 0");
        assertThrowsWithMessage(IndexOutOfBoundsException.class, () -> m.getInt(0, 3), "dimension 1");
        assertThrowsWithMessage(IndexOutOfBoundsException.class, () -> m.getInt(-1, 0), "dimension 0");
        assertThrowsWithMessage(IndexOutOfBoundsException.class, () -> m.getInt(0, -1), "dimension 1");
        // A flat index in range must not be accepted through a wrong coordinate: [0, 4] would be element 4.
        assertThrows(IndexOutOfBoundsException.class, () -> m.getInt(0, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> Tensor.vector(1L).getLong(1));
        assertThrows(IndexOutOfBoundsException.class, () -> Tensor.vector(1f).getFloat(5));
        assertThrows(IndexOutOfBoundsException.class, () -> Tensor.vector(true).getBoolean(-1));
    }

    // ---------------------------------------------------------------- equality

    @Test
    void equalTensorsHaveEqualHashCodes() {
        Tensor a = Tensor.matrix(new double[][] {{1, 2}, {3, 4}});
        Tensor b = Tensor.of(new double[] {1, 2, 3, 4}, Shape.of(2, 2));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(a, a);
        assertEquals(Tensor.vector(true, false), Tensor.vector(true, false));
        assertEquals(Tensor.vector(true, false).hashCode(), Tensor.vector(true, false).hashCode());
        assertEquals(Tensor.scalar(3L), Tensor.scalar(3L));
    }

    @Test
    void dtypeMatters() {
        assertNotEquals(Tensor.scalar(1.0), Tensor.scalar(1f));
        assertNotEquals(Tensor.scalar(1), Tensor.scalar(1L));
        assertNotEquals(Tensor.scalar(1L), Tensor.scalar(1.0));
        assertNotEquals(Tensor.zeros(DType.INT32, Shape.of(2)), Tensor.zeros(DType.FLOAT32, Shape.of(2)));
    }

    @Test
    void shapeMatters() {
        Tensor flat = Tensor.vector(1.0, 2.0, 3.0, 4.0);
        Tensor square = Tensor.of(new double[] {1, 2, 3, 4}, Shape.of(2, 2));
        assertNotEquals(flat, square);
        assertNotEquals(Tensor.scalar(1.0), Tensor.vector(1.0));
        assertNotEquals(Tensor.zeros(DType.FLOAT64, Shape.of(0, 2)), Tensor.zeros(DType.FLOAT64, Shape.of(2, 0)));
    }

    @Test
    void valuesMatter() {
        assertNotEquals(Tensor.vector(1.0, 2.0), Tensor.vector(1.0, 2.5));
        assertNotEquals(Tensor.vector(true), Tensor.vector(false));
    }

    @Test
    void equalityIsBitwise() {
        assertEquals(Tensor.scalar(Double.NaN), Tensor.scalar(Double.NaN));
        assertEquals(Tensor.scalar(Double.NaN).hashCode(), Tensor.scalar(Double.NaN).hashCode());
        assertEquals(Tensor.scalar(Float.NaN), Tensor.scalar(Float.NaN));
        assertNotEquals(Tensor.scalar(0.0), Tensor.scalar(-0.0));
        assertNotEquals(Tensor.scalar(0f), Tensor.scalar(-0f));
    }

    @Test
    void notEqualToOtherTypes() {
        assertFalse(Tensor.scalar(1.0).equals(null));
        assertFalse(Tensor.scalar(1.0).equals(1.0));
    }

    // ---------------------------------------------------------------- printing

    @Test
    void toStringOfScalars() {
        assertEquals("Tensor(float64 []) 1.5", Tensor.scalar(1.5).toString());
        assertEquals("Tensor(float32 []) 2.0", Tensor.scalar(2f).toString());
        assertEquals("Tensor(int32 []) -3", Tensor.scalar(-3).toString());
        assertEquals("Tensor(int64 []) 4", Tensor.scalar(4L).toString());
        assertEquals("Tensor(bool []) true", Tensor.scalar(true).toString());
    }

    @Test
    void toStringOfVectors() {
        assertEquals("Tensor(float64 [2]) [1.0 2.0]", Tensor.vector(1.0, 2.0).toString());
        assertEquals("Tensor(int32 [3]) [1 2 3]", Tensor.vector(1, 2, 3).toString());
        assertEquals("Tensor(bool [2]) [true false]", Tensor.vector(true, false).toString());
        assertEquals("Tensor(float64 [0]) []", Tensor.vector(new double[0]).toString());
    }

    @Test
    void toStringOfAMatrixStartsOnANewLine() {
        assertEquals("Tensor(float64 [2, 2])\n[[1.0 2.0]\n [3.0 4.0]]",
                Tensor.matrix(new double[][] {{1, 2}, {3, 4}}).toString());
        assertEquals("Tensor(bool [2, 1])\n[[true]\n [false]]",
                Tensor.of(new boolean[] {true, false}, Shape.of(2, 1)).toString());
    }

    @Test
    void toStringOfRankThreeSeparatesBlocksWithABlankLine() {
        Tensor t = Tensor.of(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, Shape.of(2, 2, 2));
        assertEquals("Tensor(int32 [2, 2, 2])\n"
                + "[[[0 1]\n"
                + "  [2 3]]\n"
                + "\n"
                + " [[4 5]\n"
                + "  [6 7]]]", t.toString());
    }

    @Test
    void toStringPrintsAThousandElementsInFull() {
        long[] v = new long[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        String s = Tensor.vector(v).toString();
        assertFalse(s.contains("..."), "1000 elements are not summarised");
        assertTrue(s.contains(" 500 "));
        assertTrue(s.endsWith(" 998 999]"), s.substring(s.length() - 20));
    }

    @Test
    void toStringSummarisesLongVectors() {
        int[] v = new int[1001];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        assertEquals("Tensor(int32 [1001]) [0 1 2 ... 998 999 1000]", Tensor.vector(v).toString());
    }

    @Test
    void toStringSummarisesEachLongAxisOfALargeMatrix() {
        int[] v = new int[100 * 100];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        String s = Tensor.of(v, Shape.of(100, 100)).toString();
        assertEquals("Tensor(int32 [100, 100])\n"
                + "[[0 1 2 ... 97 98 99]\n"
                + " [100 101 102 ... 197 198 199]\n"
                + " [200 201 202 ... 297 298 299]\n"
                + " ...\n"
                + " [9700 9701 9702 ... 9797 9798 9799]\n"
                + " [9800 9801 9802 ... 9897 9898 9899]\n"
                + " [9900 9901 9902 ... 9997 9998 9999]]", s);
    }

    @Test
    void toStringOfAHugeTensorIsShort() {
        Tensor t = Tensor.zeros(DType.FLOAT64, Shape.of(1000, 1000));
        String s = t.toString();
        assertTrue(s.contains("..."));
        assertTrue(s.length() < 500, "length " + s.length());
        // 6 rows shown, each with 6 values
        assertEquals(36, s.split("0\\.0", -1).length - 1);
    }

    @Test
    void toStringLeavesShortAxesOfALargeTensorWhole() {
        // 3 x 400 = 1200 elements: summarised, but the axis of length 3 is printed whole.
        double[] v = new double[1200];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        String s = Tensor.of(v, Shape.of(3, 400)).toString();
        assertEquals("Tensor(float64 [3, 400])\n"
                + "[[0.0 1.0 2.0 ... 397.0 398.0 399.0]\n"
                + " [400.0 401.0 402.0 ... 797.0 798.0 799.0]\n"
                + " [800.0 801.0 802.0 ... 1197.0 1198.0 1199.0]]", s);
    }
}
