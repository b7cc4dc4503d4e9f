package dev.flowgraph.ops.reduce;

import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OpProvider;
import java.util.List;

/** Provides the reductions: sum, mean, max, min, prod, argMax, argMin, and sumTo. */
public final class ReduceOps implements OpProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public ReduceOps() {}

    @Override
    public List<OpDef> defs() {
        return List.of(new Sum(), new Mean(), new Max(), new Min(), new Prod(), new ArgMax(), new ArgMin(),
                new SumTo());
    }
}
