package dev.flowgraph.ops.random;

import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OpProvider;
import java.util.List;

/** Provides the seeded random ops: RandomUniform, RandomNormal and TruncatedNormal. */
public final class RandomOps implements OpProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public RandomOps() {}

    /**
     * Returns the random ops.
     *
     * @return one instance of each
     */
    @Override
    public List<OpDef> defs() {
        return List.of(new RandomUniform(), new RandomNormal(), new TruncatedNormal());
    }
}
