package dev.flowgraph.builtin;

import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OpProvider;
import java.util.List;

/** Provides the node kinds every graph has: {@link Constant}, {@link Placeholder}
 * and {@link Variable}. */
public final class CoreOps implements OpProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public CoreOps() {}

    @Override
    public List<OpDef> defs() {
        return List.of(new Constant(), new Placeholder(), new Variable());
    }
}
