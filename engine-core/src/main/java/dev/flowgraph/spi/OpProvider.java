package dev.flowgraph.spi;

import java.util.List;

/**
 * A family of ops, found through {@link java.util.ServiceLoader}: a module lists its providers in
 * {@code META-INF/services/dev.flowgraph.spi.OpProvider}, and {@link OpRegistry#global()} loads
 * them all.
 *
 * <pre>{@code
 * public final class MathOps implements OpProvider {
 *     public List<OpDef> defs() { return List.of(new Add(), new Sub(), new Mul()); }
 * }
 * }</pre>
 */
public interface OpProvider {
    /**
     * Returns the ops of this family.
     *
     * @return one instance per op type
     */
    List<OpDef> defs();
}
