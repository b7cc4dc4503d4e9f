package dev.flowgraph.bench;

import java.util.SplittableRandom;

/** Seeded inputs shared by the benchmarks, so that every run measures the same numbers. */
final class BenchData {
    private BenchData() {}

    /**
     * Returns {@code length} floats uniform in [-1, 1), the same for the same seed.
     *
     * @param length how many
     * @param seed the seed
     * @return a new array
     */
    static float[] floats(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return values;
    }

    /**
     * Returns {@code length} doubles uniform in [-1, 1), the same for the same seed.
     *
     * @param length how many
     * @param seed the seed
     * @return a new array
     */
    static double[] doubles(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = random.nextDouble() * 2 - 1;
        }
        return values;
    }
}
