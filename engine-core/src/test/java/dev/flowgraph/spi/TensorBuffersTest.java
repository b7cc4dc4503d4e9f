package dev.flowgraph.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.DType;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Tests of {@link TensorBuffers}: zero-copy access to a tensor's backing array. */
class TensorBuffersTest {

    private static <T extends Throwable> T assertThrowsWithMessage(Class<T> type, Executable call, String... parts) {
        T e = assertThrows(type, call);
        for (String p : parts) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(p),
                    "message should contain '" + p + "' but was: " + e.getMessage());
        }
        return e;
    }

    @Test
    void readersReturnTheBackingArray() {
        Tensor d = Tensor.vector(1.0, 2.0);
        assertSame(TensorBuffers.doubles(d), TensorBuffers.doubles(d));
        assertSame(TensorBuffers.doubles(d), TensorBuffers.array(d));
        assertArrayEquals(new double[] {1.0, 2.0}, TensorBuffers.doubles(d));

        Tensor f = Tensor.vector(1f, 2f);
        assertSame(TensorBuffers.floats(f), TensorBuffers.floats(f));
        assertArrayEquals(new float[] {1f, 2f}, TensorBuffers.floats(f));

        Tensor i = Tensor.vector(3, 4);
        assertSame(TensorBuffers.ints(i), TensorBuffers.ints(i));
        assertArrayEquals(new int[] {3, 4}, TensorBuffers.ints(i));

        Tensor l = Tensor.scalar(5L);
        assertSame(TensorBuffers.longs(l), TensorBuffers.longs(l));
        assertArrayEquals(new long[] {5L}, TensorBuffers.longs(l));

        Tensor b = Tensor.vector(true, false);
        assertSame(TensorBuffers.booleans(b), TensorBuffers.booleans(b));
        assertArrayEquals(new boolean[] {true, false}, TensorBuffers.booleans(b));
    }

    @Test
    void backingArrayIsRowMajor() {
        Tensor m = Tensor.matrix(new int[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6}, TensorBuffers.ints(m));
    }

    @Test
    void readersRefuseAnotherDtype() {
        assertThrowsWithMessage(IllegalArgumentException.class, () -> TensorBuffers.floats(Tensor.vector(1.0, 2.0)),
                "float32", "float64[2]");
        assertThrowsWithMessage(IllegalArgumentException.class, () -> TensorBuffers.doubles(Tensor.scalar(1f)),
                "float64", "float32[]");
        assertThrowsWithMessage(IllegalArgumentException.class, () -> TensorBuffers.ints(Tensor.scalar(1L)),
                "int32", "int64");
        assertThrowsWithMessage(IllegalArgumentException.class, () -> TensorBuffers.longs(Tensor.scalar(1)),
                "int64", "int32");
        assertThrowsWithMessage(IllegalArgumentException.class, () -> TensorBuffers.booleans(Tensor.scalar(1)),
                "bool", "int32");
    }

    @Test
    void readersRefuseNull() {
        assertThrows(NullPointerException.class, () -> TensorBuffers.doubles(null));
        assertThrows(NullPointerException.class, () -> TensorBuffers.array(null));
    }

    @Test
    void wrapDoesNotCopy() {
        double[] data = {1, 2, 3, 4, 5, 6};
        Tensor t = TensorBuffers.wrap(Shape.of(2, 3), data);
        assertSame(data, TensorBuffers.doubles(t));
        assertEquals(DType.FLOAT64, t.dtype());
        assertEquals(Shape.of(2, 3), t.shape());
        assertEquals(6.0, t.getDouble(1, 2));
        assertEquals(Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}}), t);
    }

    @Test
    void wrapOfEachDtypeRoundTrips() {
        float[] f = {1f, 2f};
        assertSame(f, TensorBuffers.floats(TensorBuffers.wrap(Shape.of(2), f)));
        int[] i = {7};
        Tensor ti = TensorBuffers.wrap(Shape.scalar(), i);
        assertSame(i, TensorBuffers.ints(ti));
        assertEquals(Tensor.scalar(7), ti);
        long[] l = {1, 2, 3, 4};
        Tensor tl = TensorBuffers.wrap(Shape.of(2, 2), l);
        assertSame(l, TensorBuffers.longs(tl));
        assertEquals(DType.INT64, tl.dtype());
        boolean[] b = {true};
        assertSame(b, TensorBuffers.booleans(TensorBuffers.wrap(Shape.of(1), b)));
        double[] d = new double[0];
        Tensor empty = TensorBuffers.wrap(DType.FLOAT64, Shape.of(0, 5), d);
        assertSame(d, TensorBuffers.array(empty));
        assertEquals(0, empty.size());
    }

    @Test
    void wrapWithTheWrongLengthIsRefused() {
        assertThrowsWithMessage(IllegalArgumentException.class,
                () -> TensorBuffers.wrap(Shape.of(3), new double[2]), "[3]", "needs 3 elements but 2 were given");
        assertThrowsWithMessage(IllegalArgumentException.class,
                () -> TensorBuffers.wrap(Shape.scalar(), new int[0]), "needs 1 elements but 0 were given");
    }

    @Test
    void wrapWithTheWrongArrayClassIsRefused() {
        assertThrowsWithMessage(IllegalArgumentException.class,
                () -> TensorBuffers.wrap(DType.FLOAT64, Shape.of(2), new float[2]),
                "float64", "double[]", "float[]");
        assertThrowsWithMessage(IllegalArgumentException.class,
                () -> TensorBuffers.wrap(DType.INT32, Shape.of(1), new long[1]), "int32", "int[]", "long[]");
        assertThrowsWithMessage(IllegalArgumentException.class,
                () -> TensorBuffers.wrap(DType.BOOL, Shape.of(1), new Boolean[] {true}), "bool", "boolean[]");
        assertThrows(IllegalArgumentException.class,
                () -> TensorBuffers.wrap(DType.FLOAT64, Shape.of(1), "not an array"));
    }

    @Test
    void wrapRefusesShapesThatCannotBeATensor() {
        assertThrowsWithMessage(IllegalArgumentException.class,
                () -> TensorBuffers.wrap(Shape.of(-1), new double[2]), "fully defined");
        assertThrowsWithMessage(IllegalArgumentException.class,
                () -> TensorBuffers.wrap(Shape.unknown(), new double[2]), "fully defined");
    }

    @Test
    void wrapRefusesNulls() {
        assertThrows(NullPointerException.class, () -> TensorBuffers.wrap(null, Shape.of(1), new double[1]));
        assertThrows(NullPointerException.class, () -> TensorBuffers.wrap(DType.FLOAT64, null, new double[1]));
        assertThrows(NullPointerException.class, () -> TensorBuffers.wrap(Shape.of(1), (double[]) null));
    }

    @Test
    void newArrayAllocatesTheBackingArrayOfEachDtypeZeroFilled() {
        assertArrayEquals(new float[3], (float[]) TensorBuffers.newArray(DType.FLOAT32, 3));
        assertArrayEquals(new double[3], (double[]) TensorBuffers.newArray(DType.FLOAT64, 3));
        assertArrayEquals(new int[3], (int[]) TensorBuffers.newArray(DType.INT32, 3));
        assertArrayEquals(new long[3], (long[]) TensorBuffers.newArray(DType.INT64, 3));
        assertArrayEquals(new boolean[3], (boolean[]) TensorBuffers.newArray(DType.BOOL, 3));
        // What it allocates is what wrap accepts for the dtype.
        for (DType dtype : DType.values()) {
            assertEquals(dtype, TensorBuffers.wrap(dtype, Shape.of(2), TensorBuffers.newArray(dtype, 2)).dtype());
        }
    }
}
