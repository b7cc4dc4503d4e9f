package dev.flowgraph.ops.reduce;

import dev.flowgraph.DType;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.spi.TensorBuffers;

/**
 * Moves tensors into the two domains reductions compute in, and back: floats as doubles (exact
 * widening; FLOAT32 results are rounded once at the end), integers as longs (INT32 results wrap
 * exactly as int arithmetic would, since sums and products agree modulo 2^32).
 */
final class Widening {
    private Widening() {}

    static double[] asDoubles(Tensor t) {
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

    static long[] asLongs(Tensor t) {
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

    static Tensor fromDoubles(double[] values, DType dtype, Shape shape) {
        if (dtype == DType.FLOAT64) {
            return TensorBuffers.wrap(shape, values);
        }
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return TensorBuffers.wrap(shape, f);
    }

    static Tensor fromLongs(long[] values, DType dtype, Shape shape) {
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
