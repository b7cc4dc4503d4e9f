package dev.flowgraph.ops.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The conversion kernel on its own: it writes only its range, and refuses non-tensor arrays. */
class CastsTest {
    @Test
    void convertsOnlyTheGivenRange() {
        double[] out = {-1, -1, -1, -1};
        Casts.cast(new int[] {1, 2, 3, 4}, out, 1, 3);
        assertArrayEquals(new double[] {-1, 2, 3, -1}, out);
        int[] ints = {9, 9, 9};
        Casts.cast(new float[] {1.9f, -1.9f, Float.NaN}, ints, 0, 2);
        assertArrayEquals(new int[] {1, -1, 9}, ints);
    }

    @Test
    void convertsBooleansThroughOneAndZero() {
        long[] out = new long[2];
        Casts.cast(new boolean[] {true, false}, out, 0, 2);
        assertArrayEquals(new long[] {1, 0}, out);
    }

    @Test
    void refusesArraysThatNoTensorHas() {
        assertThrows(IllegalArgumentException.class, () -> Casts.cast(new short[1], new int[1], 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Casts.cast(new int[1], new short[1], 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Casts.cast(new float[1], new char[1], 0, 1));
    }
}
