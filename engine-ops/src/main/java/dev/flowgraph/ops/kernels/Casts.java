package dev.flowgraph.ops.kernels;

import java.util.function.IntToDoubleFunction;
import java.util.function.IntToLongFunction;

/**
 * The conversion kernel of {@code cast}: elements of one primitive array type converted into
 * another, as NumPy's {@code astype} converts them, with Java's casts deciding the cases NumPy
 * leaves to the platform.
 *
 * <ul>
 *   <li>to {@code float[]} or {@code double[]}: rounded to nearest (a {@code long} straight to
 *       {@code float}, never through {@code double}, so that it is rounded once);
 *   <li>float to {@code int[]} or {@code long[]}: truncated toward zero; NaN gives 0, values
 *       beyond the range (infinities included) give its nearest end, {@code MIN_VALUE} or
 *       {@code MAX_VALUE} (Java's cast; NumPy on x86 gives {@code MIN_VALUE} for all of them);
 *   <li>{@code long} to {@code int}: the low 32 bits (wraps);
 *   <li>to {@code boolean[]}: {@code x != 0}, so NaN is true and -0.0 is false;
 *   <li>from {@code boolean[]}: 1 for true, 0 for false.
 * </ul>
 *
 * <p>Each source element is read exactly as a {@code double} (from float, double or boolean
 * arrays) or as a {@code long} (from int, long or boolean arrays), and converted once from there.
 *
 * <pre>{@code
 * float[] out = new float[3];
 * Casts.cast(new long[] {1, (1L << 53) + 1, -7}, out, 0, 3);   // out = {1f, 9.0071993E15f, -7f}
 * }</pre>
 */
public final class Casts {
    private Casts() {}

    /**
     * Computes {@code out[i] = convert(x[i])} for {@code from <= i < to}, converting as the
     * class comment says.
     *
     * @param x a float[], double[], int[], long[] or boolean[] (not modified)
     * @param out a float[], double[], int[], long[] or boolean[] as long as x (modified in
     *     {@code [from, to)})
     * @param from the first element to convert
     * @param to one past the last
     * @throws IllegalArgumentException if either is not such an array
     */
    public static void cast(Object x, Object out, int from, int to) {
        if (x instanceof int[] || x instanceof long[]) {
            castLongs(asLongs(x), out, from, to);
        } else {
            castDoubles(asDoubles(x), out, from, to);
        }
    }

    private static IntToLongFunction asLongs(Object x) {
        if (x instanceof int[] v) {
            return i -> v[i];
        }
        long[] v = (long[]) x;
        return i -> v[i];
    }

    private static IntToDoubleFunction asDoubles(Object x) {
        if (x instanceof float[] v) {
            return i -> v[i];
        } else if (x instanceof double[] v) {
            return i -> v[i];
        } else if (x instanceof boolean[] v) {
            return i -> v[i] ? 1 : 0;
        }
        throw new IllegalArgumentException("not a tensor array: " + x.getClass().getSimpleName());
    }

    private static void castLongs(IntToLongFunction x, Object out, int from, int to) {
        if (out instanceof float[] o) {
            for (int i = from; i < to; i++) {
                o[i] = x.applyAsLong(i);
            }
        } else if (out instanceof double[] o) {
            for (int i = from; i < to; i++) {
                o[i] = x.applyAsLong(i);
            }
        } else if (out instanceof int[] o) {
            for (int i = from; i < to; i++) {
                o[i] = (int) x.applyAsLong(i);
            }
        } else if (out instanceof long[] o) {
            for (int i = from; i < to; i++) {
                o[i] = x.applyAsLong(i);
            }
        } else if (out instanceof boolean[] o) {
            for (int i = from; i < to; i++) {
                o[i] = x.applyAsLong(i) != 0;
            }
        } else {
            throw new IllegalArgumentException("not a tensor array: " + out.getClass().getSimpleName());
        }
    }

    private static void castDoubles(IntToDoubleFunction x, Object out, int from, int to) {
        if (out instanceof float[] o) {
            for (int i = from; i < to; i++) {
                o[i] = (float) x.applyAsDouble(i);
            }
        } else if (out instanceof double[] o) {
            for (int i = from; i < to; i++) {
                o[i] = x.applyAsDouble(i);
            }
        } else if (out instanceof int[] o) {
            for (int i = from; i < to; i++) {
                o[i] = (int) x.applyAsDouble(i);
            }
        } else if (out instanceof long[] o) {
            for (int i = from; i < to; i++) {
                o[i] = (long) x.applyAsDouble(i);
            }
        } else if (out instanceof boolean[] o) {
            for (int i = from; i < to; i++) {
                o[i] = x.applyAsDouble(i) != 0;
            }
        } else {
            throw new IllegalArgumentException("not a tensor array: " + out.getClass().getSimpleName());
        }
    }
}
