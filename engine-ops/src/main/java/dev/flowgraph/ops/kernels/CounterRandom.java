package dev.flowgraph.ops.kernels;

/**
 * A counter-based random generator: element i of a seeded random tensor is a pure function of
 * {@code (seed, i)}, so a tensor is the same whatever the order in which, or the thread on which,
 * its elements are computed.
 *
 * <p>The bits of draw d of element i are {@code mix(mix(seed + (i + 1) * G) + (d + 1) * G)}, where
 * {@code mix} is the SplitMix64 finalizer and G the golden-ratio increment 0x9E3779B97F4A7C15:
 * {@code mix(seed + (i + 1) * G)} is the i-th output of SplitMix64 seeded with {@code seed}
 * (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014), and it
 * seeds a short SplitMix64 stream of its own. Uniforms take the top 53 bits (double) or 24 bits
 * (float) of a draw, so they lie in {@code [0, 1)} in either precision. Normals use the Box-Muller
 * transform of two draws; truncated normals repeat it on further draws until {@code |z| <= 2}.
 *
 * <pre>{@code
 * double[] out = new double[1000];
 * CounterRandom.fill(out, 42, CounterRandom.Distribution.NORMAL, 0, out.length);
 * }</pre>
 */
public final class CounterRandom {
    /** The distribution that a fill draws from. */
    public enum Distribution {
        /** Uniform on {@code [0, 1)}. */
        UNIFORM,
        /** Standard normal: mean 0, variance 1. */
        NORMAL,
        /** Standard normal conditioned on {@code |z| <= 2}, by resampling. */
        TRUNCATED_NORMAL
    }

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final double TWO_PI = 2 * Math.PI;
    private static final double TRUNCATION = 2;

    private CounterRandom() {}

    /**
     * Fills {@code out[from, to)} with element i's sample for i in that range.
     *
     * @param out the output (modified at {@code [from, to)})
     * @param seed the seed
     * @param distribution what to draw
     * @param from the first element
     * @param to one past the last
     */
    public static void fill(double[] out, long seed, Distribution distribution, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = sample(seed, i, distribution, false);
        }
    }

    /**
     * Fills {@code out[from, to)} with element i's sample for i in that range, in float.
     *
     * @param out the output (modified at {@code [from, to)})
     * @param seed the seed
     * @param distribution what to draw
     * @param from the first element
     * @param to one past the last
     */
    public static void fill(float[] out, long seed, Distribution distribution, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = (float) sample(seed, i, distribution, true);
        }
    }

    /**
     * Applies dropout to {@code x[from, to)}: element i is kept, scaled by {@code 1 / (1 - rate)},
     * if its uniform sample {@code sample(seed, i, UNIFORM, false)} is at least {@code rate}, and
     * set to zero otherwise; so each element survives with probability {@code 1 - rate}, and the
     * mask depends only on {@code (seed, i)}.
     *
     * @param x the input (not modified)
     * @param out the output, of x's length (modified at {@code [from, to)})
     * @param seed the seed
     * @param rate the probability of dropping an element, in {@code [0, 1)}
     * @param from the first element
     * @param to one past the last
     */
    public static void dropout(double[] x, double[] out, long seed, double rate, int from, int to) {
        double scale = 1 / (1 - rate);
        for (int i = from; i < to; i++) {
            out[i] = sample(seed, i, Distribution.UNIFORM, false) >= rate ? x[i] * scale : 0;
        }
    }

    /**
     * Returns element {@code index}'s sample of a distribution.
     *
     * @param seed the seed
     * @param index the element
     * @param distribution what to draw
     * @param floatUniform whether a uniform takes 24 bits, so that it is exact as a float
     * @return the sample; a uniform is in {@code [0, 1)} and a truncated normal in {@code [-2, 2]}
     */
    public static double sample(long seed, long index, Distribution distribution, boolean floatUniform) {
        long element = mix(seed + (index + 1) * GOLDEN);
        switch (distribution) {
            case UNIFORM:
                return floatUniform ? (draw(element, 0) >>> 40) * 0x1p-24 : uniform(element, 0);
            case NORMAL:
                return normal(element, 0);
            default:
                // Each attempt uses two fresh draws; about 1 attempt in 22 is rejected.
                for (long attempt = 0; ; attempt++) {
                    double z = normal(element, attempt);
                    if (Math.abs(z) <= TRUNCATION) {
                        return z;
                    }
                }
        }
    }

    /** Box-Muller on draws 2a and 2a + 1; {@code 1 - u} is in {@code (0, 1]}, so its log is finite. */
    private static double normal(long element, long attempt) {
        double u1 = uniform(element, 2 * attempt);
        double u2 = uniform(element, 2 * attempt + 1);
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(TWO_PI * u2);
    }

    private static double uniform(long element, long draw) {
        return (draw(element, draw) >>> 11) * 0x1p-53;
    }

    private static long draw(long element, long draw) {
        return mix(element + (draw + 1) * GOLDEN);
    }

    /** The SplitMix64 finalizer (a bijection on 64-bit values). */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
