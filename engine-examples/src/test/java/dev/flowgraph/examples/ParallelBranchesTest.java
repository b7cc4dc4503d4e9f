package dev.flowgraph.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ParallelBranchesTest {
    @Test
    void resultIsTheSameWithOneAndTwoThreadsAndMatchesAPlainLoop() {
        Printed<Tensor[]> p = Printed.of(out -> ParallelBranches.run(out, 2));
        Tensor one = p.value[0];
        Tensor two = p.value[1];
        assertEquals(one, two);
        assertEquals(Shape.of(ParallelBranches.N, ParallelBranches.N), one.shape());
        assertTrue(p.text.contains("pool of 1 thread:"), p.text);
        assertTrue(p.text.contains("pool of 2 threads:"), p.text);
        assertTrue(p.text.contains("results bit-identical: true"), p.text);

        // Regenerate the inputs as the example does (seed 7; per branch x, then y) and check a
        // few entries of the sum of products with a plain loop in double precision.
        int n = ParallelBranches.N;
        Random random = new Random(7);
        float[][] xs = new float[ParallelBranches.BRANCHES][];
        float[][] ys = new float[ParallelBranches.BRANCHES][];
        for (int b = 0; b < ParallelBranches.BRANCHES; b++) {
            xs[b] = gaussians(random, n * n);
            ys[b] = gaussians(random, n * n);
        }
        int[][] cells = {{0, 0}, {17, 300}, {n - 1, n - 1}};
        for (int[] cell : cells) {
            double expected = 0;
            for (int b = 0; b < ParallelBranches.BRANCHES; b++) {
                for (int k = 0; k < n; k++) {
                    expected += (double) xs[b][cell[0] * n + k] * ys[b][k * n + cell[1]];
                }
            }
            // float32 sums of 2048 products of unit Gaussians (size ~45): allow float rounding.
            assertEquals(expected, one.getFloat(cell[0], cell[1]), 1e-3, "cell " + cell[0] + "," + cell[1]);
        }
    }

    private static float[] gaussians(Random random, int count) {
        float[] data = new float[count];
        for (int i = 0; i < count; i++) {
            data[i] = (float) random.nextGaussian();
        }
        return data;
    }
}
