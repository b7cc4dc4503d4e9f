package dev.flowgraph.ops.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** ArrayCopy on plain arrays, with partial ranges as parallel blocks call it. */
class ArrayCopyTest {
    @Test
    void stridedTransposeInTwoRanges() {
        // [[1, 2, 3], [4, 5, 6]] read as [3, 2] with strides [1, 3]
        double[] x = {1, 2, 3, 4, 5, 6};
        double[] out = new double[6];
        ArrayCopy.strided(x, 0, new long[] {3, 2}, new long[] {1, 3}, out, 0, 3);
        assertArrayEquals(new double[] {1, 4, 2, 0, 0, 0}, out);
        ArrayCopy.strided(x, 0, new long[] {3, 2}, new long[] {1, 3}, out, 3, 6);
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, out);
    }

    @Test
    void stridedRunsWithOffsetAndZeroStrides() {
        // the box rows 1..2, columns 1..2 of a 3x4 iota starts at 5 with strides [4, 1]
        int[] x = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        int[] out = new int[4];
        ArrayCopy.strided(x, 5, new long[] {2, 2}, new long[] {4, 1}, out, 1, 4);
        assertArrayEquals(new int[] {0, 6, 9, 10}, out);
        // a zero stride repeats: [2, 3] view of {7, 8, 9} with strides [0, 1]
        boolean[] b = {true, false, true};
        boolean[] rep = new boolean[6];
        ArrayCopy.strided(b, 0, new long[] {2, 3}, new long[] {0, 1}, rep, 0, 6);
        assertArrayEquals(new boolean[] {true, false, true, true, false, true}, rep);
    }

    @Test
    void joinRowsAndGather() {
        long[] a = {1, 2, 3, 4};
        long[] b = {9, 8};
        long[] out = new long[6];
        // rows of a: [1, 2], [3, 4]; rows of b: [9], [8]
        ArrayCopy.joinRows(new Object[] {a, b}, new int[] {2, 1}, out, 1, 2);
        assertArrayEquals(new long[] {0, 0, 0, 3, 4, 8}, out);
        float[] src = {0, 1, 2, 3, 4, 5};
        float[] g = new float[4];
        // src as [1, 3, 2]; rows 2 and 0 of the middle axis
        ArrayCopy.gather(src, 3, 2, new long[] {2, 0}, g, 0, 2);
        assertArrayEquals(new float[] {4, 5, 0, 1}, g);
    }

    @Test
    void scatterRowsWritesOneValuePerRowInRange() {
        double[] out = new double[9];
        // rows 1 and 2 of three rows of 3: index 2 in row 1; row 2's index 3 is outside [0, 3)
        ArrayCopy.scatterRows(new double[] {1}, new long[] {0, 2, 3}, 3, out, 1, 3);
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 1, 0, 0, 0}, out);
    }

    @Test
    void fillAndAllocate() {
        int[] out = new int[11];
        ArrayCopy.fill(new int[] {7}, out, 1, 10);
        assertArrayEquals(new int[] {0, 7, 7, 7, 7, 7, 7, 7, 7, 7, 0}, out);
        Object made = ArrayCopy.allocate(new boolean[1], 3);
        assertEquals(boolean[].class, made.getClass());
        assertEquals(3, ((boolean[]) made).length);
    }
}
