package dev.flowgraph.ops.random;

import dev.flowgraph.ops.kernels.CounterRandom;

/**
 *  uniform on [0, 1); element i a pure function of (seed, i), the same tensor every run; float dtypes:Uniform samples on {@code [0, 1)}, seeded and stateless: see {@link RandomBase}.
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
        return "randomUniform(shape, dtype, seed)";
    }
}
