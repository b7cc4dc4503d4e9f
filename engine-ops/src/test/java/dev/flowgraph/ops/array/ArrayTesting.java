package dev.flowgraph.ops.array;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.KernelException;
import dev.flowgraph.Runner;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import java.util.Map;

/**
 * Test data for the array ops: "iota" tensors whose element {@code i} is {@code i} in any dtype
 * (for BOOL, {@code i} is odd), so that a copy op's result is checked for every dtype against the
 * same list of source positions.
 */
final class ArrayTesting {
    private ArrayTesting() {}

    /** A tensor of {@code dims} whose row-major element {@code i} is i (BOOL: i odd). */
    static Tensor iota(DType dtype, long... dims) {
        Shape shape = Shape.of(dims);
        int n = (int) shape.size();
        switch (dtype) {
            case FLOAT32: {
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = i;
                }
                return Tensor.of(v, shape);
            }
            case FLOAT64: {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = i;
                }
                return Tensor.of(v, shape);
            }
            case INT32: {
                int[] v = new int[n];
                for (int i = 0; i < n; i++) {
                    v[i] = i;
                }
                return Tensor.of(v, shape);
            }
            case INT64: {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    v[i] = i;
                }
                return Tensor.of(v, shape);
            }
            default: {
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) {
                    v[i] = i % 2 == 1;
                }
                return Tensor.of(v, shape);
            }
        }
    }

    /**
     * Asserts that {@code t} has the dtype and shape given and that its elements are the iota
     * values at {@code positions} (BOOL: whether each position is odd).
     */
    static void assertIota(Tensor t, DType dtype, Shape shape, long... positions) {
        assertEquals(dtype, t.dtype(), "dtype");
        assertEquals(shape, t.shape(), "shape");
        if (dtype == DType.BOOL) {
            boolean[] expected = new boolean[positions.length];
            for (int i = 0; i < positions.length; i++) {
                expected[i] = positions[i] % 2 == 1;
            }
            assertArrayEquals(expected, t.toBooleanArray());
        } else {
            double[] expected = new double[positions.length];
            for (int i = 0; i < positions.length; i++) {
                expected[i] = positions[i];
            }
            assertArrayEquals(expected, t.toDoubleArray(), 0.0);
        }
    }

    /** Asserts that the message of {@code e} contains every part. */
    static void assertMessage(Exception e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message lacks '" + p + "': " + e.getMessage());
        }
    }

    /** Runs {@code fetch} of {@code g} with feeds, expecting the run to fail; returns the failure. */
    static KernelException runFails(Graph g, String fetch, Map<String, Tensor> feeds) {
        try (Session s = new Session(g, 2)) {
            Runner r = s.runner();
            feeds.forEach(r::feed);
            KernelException e = assertThrows(KernelException.class, () -> r.fetch(fetch).run());
            assertEquals(fetch, e.nodeName());
            return e;
        }
    }

    /** Runs {@code fetch} of {@code g} with feeds. */
    static Tensor run(Graph g, String fetch, Map<String, Tensor> feeds) {
        try (Session s = new Session(g, 2)) {
            Runner r = s.runner();
            feeds.forEach(r::feed);
            return r.fetch(fetch).run().get(fetch);
        }
    }
}
