package dev.flowgraph.ops.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The softmax kernel against its formula, bit for bit, and small cases by hand. */
class SoftmaxKernelsTest {
    @Test
    void equalLogitsShareTheMassExactly() {
        // Lanes along the last axis of [2, 4]: each exp(x - max) is exp(0) = 1, the sum 4, so 1/4.
        // Then the same values as [4, 2] along axis 0 (inner 2): each lane 4 ones again.
        double[] x = {3, 3, 3, 3, -1, -1, -1, -1};
        double[] out = new double[8];
        SoftmaxKernels.softmax(x, out, 4, 1, false, 0, 2);
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25}, out);
        double[] columns = {7, 7, 7, 7, 7, 7, 7, 7};
        SoftmaxKernels.softmax(columns, out, 4, 2, false, 0, 2);
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25}, out);
    }

    @Test
    void softmaxIsItsFormulaBitForBit() {
        // Random lanes of [3, 10, 4] along the middle axis (10 elements, inner 4), with a huge
        // logit (1000), a very negative one, a NaN lane and an infinite one: each output must be
        // exp(x - max) / sum, with the sum over the lane in increasing order, as computed here.
        SplittableRandom random = new SplittableRandom(5);
        int outer = 3;
        int n = 10;
        int inner = 4;
        double[] x = new double[outer * n * inner];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble(-30, 30);
        }
        x[0] = 1000;
        x[4] = -1000;
        x[inner * n + 1] = Double.NaN;
        x[2 * inner * n + 2] = Double.POSITIVE_INFINITY;
        double[] out = new double[x.length];
        SoftmaxKernels.softmax(x, out, n, inner, false, 0, outer * inner);
        for (int lane = 0; lane < outer * inner; lane++) {
            int base = (lane / inner) * n * inner + lane % inner;
            double max = Double.NEGATIVE_INFINITY;
            for (int t = 0; t < n; t++) {
                max = Math.max(max, x[base + t * inner]);
            }
            double sum = 0;
            for (int t = 0; t < n; t++) {
                sum += Math.exp(x[base + t * inner] - max);
            }
            for (int t = 0; t < n; t++) {
                int i = base + t * inner;
                assertEquals(Double.doubleToLongBits(Math.exp(x[i] - max) / sum), Double.doubleToLongBits(out[i]),
                        "lane " + lane + ", element " + t);
            }
        }
    }

    @Test
    void computesOnlyItsLanes() {
        // Lane 1 of [3, 2]: x = (0, 0) gives (1/2, 1/2); lanes 0 and 2 untouched.
        double[] out = {-1, -1, -1, -1, -1, -1};
        SoftmaxKernels.softmax(new double[] {5, 1, 0, 0, 2, 9}, out, 2, 1, false, 1, 2);
        assertArrayEquals(new double[] {-1, -1, 0.5, 0.5, -1, -1}, out);
    }
}
