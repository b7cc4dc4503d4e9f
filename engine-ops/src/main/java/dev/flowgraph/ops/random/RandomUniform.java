package dev.flowgraph.ops.random;

import dev.flowgraph.ops.kernels.CounterRandom;

/**
 * Uniform samples on {@code [0, 1)}, seeded and stateless: see {@link RandomBase}. A FLOAT32 sample
 * takes 24 random bits and a FLOAT64 one 53, so neither rounds up to 1.
 */
final class RandomUniform extends RandomBase {
    static final String TYPE = "RandomUniform";

    RandomUniform() {
        super(CounterRandom.Distribution.UNIFORM);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String summary() {
        return "randomUniform(shape, dtype, seed): uniform on [0, 1); element i is a pure function of (seed, i),"
                + " the same tensor on every run; float dtypes";
    }
}
