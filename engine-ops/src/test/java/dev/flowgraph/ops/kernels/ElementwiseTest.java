package dev.flowgraph.ops.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The elementwise kernels on ranges, and integer division. */
class ElementwiseTest {
    @Test
    void binaryWritesOnlyItsRange() {
        // [2, 3] - [3] on elements [1, 5): out[1] = 2-20, out[2] = 3-30, out[3] = 4-10, out[4] = 5-20.
        double[] x = {1, 2, 3, 4, 5, 6};
        double[] y = {10, 20, 30};
        double[] out = new double[6];
        BroadcastIndex ix = new BroadcastIndex(new long[] {2, 3}, new long[] {2, 3}, new long[] {3});
        Elementwise.binary(x, y, out, ix, (a, b) -> a - b, 1, 5);
        assertArrayEquals(new double[] {0, -18, -27, -6, -15, 0}, out);
    }

    @Test
    void binaryOnEachArrayType() {
        BroadcastIndex ix = new BroadcastIndex(new long[] {2}, new long[] {2}, new long[] {});
        float[] f = new float[2];
        Elementwise.binary(new float[] {1.5f, 2f}, new float[] {2f}, f, ix, (a, b) -> a * b, 0, 2);
        assertArrayEquals(new float[] {3f, 4f}, f);
        int[] i = new int[2];
        Elementwise.binary(new int[] {7, -7}, new int[] {2}, i, ix, Elementwise::divide, 0, 2);
        assertArrayEquals(new int[] {3, -3}, i);
        long[] l = new long[2];
        Elementwise.binary(new long[] {1, 2}, new long[] {Long.MAX_VALUE}, l, ix, Long::sum, 0, 2);
        assertArrayEquals(new long[] {Long.MIN_VALUE, Long.MIN_VALUE + 1}, l);
    }

    @Test
    void unaryOnEachArrayType() {
        float[] f = new float[2];
        Elementwise.unary(new float[] {1f, -2f}, f, a -> -a, 0, 2);
        assertArrayEquals(new float[] {-1f, 2f}, f);
        double[] d = new double[3];
        Elementwise.unary(new double[] {1, 2, 3}, d, a -> a * a, 1, 3);
        assertArrayEquals(new double[] {0, 4, 9}, d);
        int[] i = new int[1];
        Elementwise.unary(new int[] {Integer.MIN_VALUE}, i, a -> -a, 0, 1);
        assertArrayEquals(new int[] {Integer.MIN_VALUE}, i);
        long[] l = new long[1];
        Elementwise.unary(new long[] {5}, l, a -> -a, 0, 1);
        assertArrayEquals(new long[] {-5}, l);
    }

    @Test
    void dividesIntegersTowardZero() {
        assertEquals(-3, Elementwise.divide(-7, 2));
        assertEquals(-3, Elementwise.divide(7, -2));
        assertEquals(Integer.MIN_VALUE, Elementwise.divide(Integer.MIN_VALUE, -1));
        assertEquals(Long.MIN_VALUE, Elementwise.divide(Long.MIN_VALUE, -1L));
        assertEquals(3L, Elementwise.divide(-7L, -2L));
    }

    @Test
    void refusesIntegerDivisionByZero() {
        assertEquals("integer division by zero",
                assertThrows(ArithmeticException.class, () -> Elementwise.divide(1, 0)).getMessage());
        assertEquals("integer division by zero",
                assertThrows(ArithmeticException.class, () -> Elementwise.divide(0L, 0L)).getMessage());
    }
}
