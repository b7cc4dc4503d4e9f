package dev.flowgraph.ops.math;

import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OpProvider;
import java.util.List;

/** Provides the elementwise arithmetic ops: Add, Sub, Mul, Div and Neg. */
public final class MathOps implements OpProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public MathOps() {}

    /**
     * Returns the elementwise arithmetic ops.
     *
     * @return one instance of each
     */
    @Override
    public List<OpDef> defs() {
        return List.of(new Add(), new Sub(), new Mul(), new Div(), new Neg());
    }
}
