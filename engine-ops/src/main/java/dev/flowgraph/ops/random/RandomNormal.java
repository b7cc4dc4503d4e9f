package dev.flowgraph.ops.random;

import dev.flowgraph.ops.kernels.CounterRandom;

/**
 * Standard normal samples (mean 0, variance 1) by the Box-Muller transform of two uniforms,
 * seeded and stateless: see {@link RandomBase}.
 */
final class RandomNormal extends RandomBase {
    static final String TYPE = "RandomNormal";

    RandomNormal() {
        super(CounterRandom.Distribution.NORMAL);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String summary() {
        return "randomNormal(shape, dtype, seed): standard normal samples (Box-Muller); element i is a pure"
                + " function of (seed, i), the same tensor on every run; float dtypes";
    }
}
