package dev.flowgraph.ops;

import dev.flowgraph.DType;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.spi.TensorBuffers;

/**
 * Moves tensors into the two domains that reductions and the neural-net ops compute in, and back:
 * floats as doubles (exact widening; FLOAT32 results are rounded once at the end), integers as
 * longs (INT32 results wrap exactly as int arithmetic would, since sums and products agree modulo
 * 2^32). FLOAT64 and INT64 tensors lend their own arrays, which must not be modified.
 *
 * <pre>{@code
 * double[] in = Widening.asDoubles(k.input(0));          // no copy for FLOAT64
 * k.setOutput(0, Widening.fromDoubles(out, k.input(0).dtype(), shape));
 * }</pre>
 */
public final class Widening {
    private Widening() {}

    /**
     * Returns a float tensor's values as doubles.
     *
     * @param t a FLOAT32 or FLOAT64 tensor
     * @return FLOAT64's own array (not to be modified), or FLOAT32's values widened into a new one
     */
    public static double[] asDoubles(Tensor t) {
        if (t.dtype() == DType.FLOAT64) {
            return TensorBuffers.doubles(t);
        }
        float[] f = TensorBuffers.floats(t);
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /**
     * Returns an integer tensor's values as longs.
     *
     * @param t an INT32 or INT64 tensor
     * @return INT64's own array (not to be modified), or INT32's values widened into a new one
     */
    public static long[] asLongs(Tensor t) {
        if (t.dtype() == DType.INT64) {
            return TensorBuffers.longs(t);
        }
        int[] v = TensorBuffers.ints(t);
        long[] l = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            l[i] = v[i];
        }
        return l;
    }

    /**
     * Makes a float tensor that owns {@code values} (FLOAT64) or their rounding to float (FLOAT32).
     *
     * @param values the results, not to be used afterwards
     * @param dtype FLOAT32 or FLOAT64
     * @param shape the tensor's shape
     * @return the tensor
     */
    public static Tensor fromDoubles(double[] values, DType dtype, Shape shape) {
        if (dtype == DType.FLOAT64) {
            return TensorBuffers.wrap(shape, values);
        }
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return TensorBuffers.wrap(shape, f);
    }

    /**
     * Makes an integer tensor that owns {@code values} (INT64) or their wrapping to int (INT32).
     *
     * @param values the results, not to be used afterwards
     * @param dtype INT32 or INT64
     * @param shape the tensor's shape
     * @return the tensor
     */
    public static Tensor fromLongs(long[] values, DType dtype, Shape shape) {
        if (dtype == DType.INT64) {
            return TensorBuffers.wrap(shape, values);
        }
        int[] v = new int[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (int) values[i];
        }
        return TensorBuffers.wrap(shape, v);
    }
}
