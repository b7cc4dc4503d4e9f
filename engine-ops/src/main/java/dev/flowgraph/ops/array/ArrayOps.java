package dev.flowgraph.ops.array;

import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OpProvider;
import java.util.List;

/** Provides the array ops: Identity. */
public final class ArrayOps implements OpProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public ArrayOps() {}

    /**
     * Returns the array ops.
     *
     * @return one instance of each
     */
    @Override
    public List<OpDef> defs() {
        return List.of(new Identity());
    }
}
