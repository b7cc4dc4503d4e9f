package dev.flowgraph.spi;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSortedMap;
import dev.flowgraph.UnknownOpException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * The op types a graph can hold, by name.
 *
 * <p>{@link #global()} holds every op of every {@link OpProvider} that {@link ServiceLoader}
 * finds, loaded once; the built-in {@code Const} and {@code Placeholder} come from engine-core's
 * own provider. {@link #with} makes a registry with extra ops, for tests and private op sets.
 *
 * <pre>{@code
 * OpDef matMul = OpRegistry.global().lookup("MatMul");
 * Graph g = new Graph(OpRegistry.global().with(List.of(new MyOp())));
 * }</pre>
 */
public final class OpRegistry {
    private final ImmutableSortedMap<String, OpDef> defs;

    private OpRegistry(Map<String, OpDef> defs) {
        this.defs = ImmutableSortedMap.copyOf(defs);
    }

    private static final class Global {
        static final OpRegistry INSTANCE = load();

        private static OpRegistry load() {
            Map<String, OpDef> defs = new TreeMap<>();
            ClassLoader loader = OpRegistry.class.getClassLoader();
            for (OpProvider provider : ServiceLoader.load(OpProvider.class, loader)) {
                add(defs, provider.defs());
            }
            return new OpRegistry(defs);
        }
    }

    /**
     * Returns the registry of every op found on the class path.
     *
     * @return the global registry
     * @throws IllegalStateException if two providers define the same op type
     */
    public static OpRegistry global() {
        return Global.INSTANCE;
    }

    /**
     * Returns a registry holding this one's ops and {@code extra}.
     *
     * @param extra more op definitions
     * @return a new registry
     * @throws IllegalStateException if an extra op's type is already defined
     */
    public OpRegistry with(Collection<? extends OpDef> extra) {
        Map<String, OpDef> all = new TreeMap<>(defs);
        add(all, extra);
        return new OpRegistry(all);
    }

    private static void add(Map<String, OpDef> into, Collection<? extends OpDef> defs) {
        for (OpDef def : defs) {
            checkNotNull(def, "op definition");
            OpDef previous = into.putIfAbsent(def.type(), def);
            if (previous != null) {
                throw new IllegalStateException("op type '" + def.type() + "' is defined twice: by "
                        + previous.getClass().getName() + " and by " + def.getClass().getName());
            }
        }
    }

    /**
     * Returns the definition of an op type.
     *
     * @param type the op type
     * @return its definition
     * @throws UnknownOpException naming the closest known types if none is registered
     */
    public OpDef lookup(String type) {
        OpDef def = defs.get(checkNotNull(type, "type"));
        if (def == null) {
            throw new UnknownOpException(type, defs.keySet());
        }
        return def;
    }

    /**
     * Returns the definition of an op type, if registered.
     *
     * @param type the op type
     * @return its definition, or empty
     */
    public Optional<OpDef> find(String type) {
        return Optional.ofNullable(defs.get(type));
    }

    /**
     * Returns every registered op type, sorted.
     *
     * @return the types
     */
    public Set<String> types() {
        return defs.keySet();
    }

    /**
     * Returns every registered definition, sorted by type.
     *
     * @return the definitions
     */
    public List<OpDef> defs() {
        return List.copyOf(defs.values());
    }
}
