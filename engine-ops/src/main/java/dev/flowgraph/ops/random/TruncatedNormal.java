package dev.flowgraph.ops.random;

import dev.flowgraph.ops.kernels.CounterRandom;

/**
 * Standard normal samples redrawn while {@code |z| > 2}, so all lie in {@code [-2, 2]} (variance
 * about 0.774), as TensorFlow's {@code truncated_normal}; seeded and stateless: see
 * {@link RandomBase}.
 */
final class TruncatedNormal extends RandomBase {
    static final String TYPE = "TruncatedNormal";

    TruncatedNormal() {
        super(CounterRandom.Distribution.TRUNCATED_NORMAL);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String summary() {
        return "truncatedNormal(shape, dtype, seed): standard normal resampled while |z| > 2; element i is a"
                + " pure function of (seed, i), the same tensor on every run; float dtypes";
    }
}
