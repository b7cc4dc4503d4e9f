package dev.flowgraph.ops.linalg;

import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OpProvider;
import java.util.List;

/** Provides the linear algebra ops: MatMul, Dot and Outer. */
public final class LinalgOps implements OpProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public LinalgOps() {}

    /**
     * Returns the linear algebra ops.
     *
     * @return one instance of each
     */
    @Override
    public List<OpDef> defs() {
        return List.of(new MatMul(), new Dot(), new Outer());
    }
}
