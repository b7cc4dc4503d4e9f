package dev.flowgraph.spi;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.flowgraph.DType;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Kernel-side access to the primitive array behind a {@link Tensor}, without a copy.
 *
 * <p>For op authors only. The arrays returned by the readers are the tensor's own: a kernel must
 * never write to them. The {@code wrap} methods hand an array to a new tensor without copying;
 * the caller must not touch the array afterwards.
 *
 * <pre>{@code
 * float[] x = TensorBuffers.floats(k.input(0));
 * float[] y = new float[x.length];
 * for (int i = 0; i < x.length; i++) y[i] = -x[i];
 * k.setOutput(0, TensorBuffers.wrap(k.input(0).shape(), y));
 * }</pre>
 */
public final class TensorBuffers {
    // Tensor keeps its array private so that users cannot reach it; this class, in the same
    // library, reads it through a private lookup instead of widening Tensor's public API.
    private static final MethodHandle DATA;
    private static final MethodHandle WRAP;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(Tensor.class, MethodHandles.lookup());
            DATA = lookup.findGetter(Tensor.class, "data", Object.class);
            WRAP = lookup.findStatic(Tensor.class, "wrap",
                    MethodType.methodType(Tensor.class, DType.class, Shape.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private TensorBuffers() {}

    /**
     * Returns the backing array of a tensor, whatever its dtype.
     *
     * @param t a tensor
     * @return its float[], double[], int[], long[] or boolean[]; not to be modified
     */
    public static Object array(Tensor t) {
        checkNotNull(t, "tensor");
        try {
            return (Object) DATA.invokeExact(t);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Returns the backing array of a FLOAT32 tensor.
     *
     * @param t a FLOAT32 tensor
     * @return its array; not to be modified
     * @throws IllegalArgumentException if the dtype differs
     */
    public static float[] floats(Tensor t) {
        return (float[]) typed(t, DType.FLOAT32);
    }

    /**
     * Returns the backing array of a FLOAT64 tensor.
     *
     * @param t a FLOAT64 tensor
     * @return its array; not to be modified
     * @throws IllegalArgumentException if the dtype differs
     */
    public static double[] doubles(Tensor t) {
        return (double[]) typed(t, DType.FLOAT64);
    }

    /**
     * Returns the backing array of an INT32 tensor.
     *
     * @param t an INT32 tensor
     * @return its array; not to be modified
     * @throws IllegalArgumentException if the dtype differs
     */
    public static int[] ints(Tensor t) {
        return (int[]) typed(t, DType.INT32);
    }

    /**
     * Returns the backing array of an INT64 tensor.
     *
     * @param t an INT64 tensor
     * @return its array; not to be modified
     * @throws IllegalArgumentException if the dtype differs
     */
    public static long[] longs(Tensor t) {
        return (long[]) typed(t, DType.INT64);
    }

    /**
     * Returns the backing array of a BOOL tensor.
     *
     * @param t a BOOL tensor
     * @return its array; not to be modified
     * @throws IllegalArgumentException if the dtype differs
     */
    public static boolean[] booleans(Tensor t) {
        return (boolean[]) typed(t, DType.BOOL);
    }

    private static Object typed(Tensor t, DType dtype) {
        checkNotNull(t, "tensor");
        checkArgument(t.dtype() == dtype, "expected a %s tensor, got %s%s", dtype, t.dtype(), t.shape());
        return array(t);
    }

    /**
     * Allocates the array that backs a tensor of {@code dtype}, zero-filled, for a kernel to fill
     * and then {@link #wrap(DType, Shape, Object) wrap}.
     *
     * @param dtype the element type
     * @param length the number of elements
     * @return a new float[], double[], int[], long[] or boolean[]
     */
    public static Object newArray(DType dtype, int length) {
        checkNotNull(dtype, "dtype");
        switch (dtype) {
            case FLOAT32: return new float[length];
            case FLOAT64: return new double[length];
            case INT32: return new int[length];
            case INT64: return new long[length];
            default: return new boolean[length];
        }
    }

    /**
     * Makes a tensor that owns {@code data}, whose class must match {@code dtype}.
     *
     * @param dtype the element type
     * @param shape a fully defined shape of {@code data}'s length
     * @param data a float[], double[], int[], long[] or boolean[]; not to be used afterwards
     * @return the tensor
     * @throws IllegalArgumentException if the array's type or length does not fit
     */
    public static Tensor wrap(DType dtype, Shape shape, Object data) {
        try {
            return (Tensor) WRAP.invokeExact(dtype, shape, data);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Makes a FLOAT32 tensor that owns {@code data}.
     *
     * @param shape a fully defined shape of {@code data.length} elements
     * @param data the elements, row-major; not to be used afterwards
     * @return the tensor
     */
    public static Tensor wrap(Shape shape, float[] data) {
        return wrap(DType.FLOAT32, shape, data);
    }

    /**
     * Makes a FLOAT64 tensor that owns {@code data}.
     *
     * @param shape a fully defined shape of {@code data.length} elements
     * @param data the elements, row-major; not to be used afterwards
     * @return the tensor
     */
    public static Tensor wrap(Shape shape, double[] data) {
        return wrap(DType.FLOAT64, shape, data);
    }

    /**
     * Makes an INT32 tensor that owns {@code data}.
     *
     * @param shape a fully defined shape of {@code data.length} elements
     * @param data the elements, row-major; not to be used afterwards
     * @return the tensor
     */
    public static Tensor wrap(Shape shape, int[] data) {
        return wrap(DType.INT32, shape, data);
    }

    /**
     * Makes an INT64 tensor that owns {@code data}.
     *
     * @param shape a fully defined shape of {@code data.length} elements
     * @param data the elements, row-major; not to be used afterwards
     * @return the tensor
     */
    public static Tensor wrap(Shape shape, long[] data) {
        return wrap(DType.INT64, shape, data);
    }

    /**
     * Makes a BOOL tensor that owns {@code data}.
     *
     * @param shape a fully defined shape of {@code data.length} elements
     * @param data the elements, row-major; not to be used afterwards
     * @return the tensor
     */
    public static Tensor wrap(Shape shape, boolean[] data) {
        return wrap(DType.BOOL, shape, data);
    }
}
