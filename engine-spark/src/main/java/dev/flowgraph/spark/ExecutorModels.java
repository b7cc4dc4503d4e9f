package dev.flowgraph.spark;

import dev.flowgraph.io.ModelBundle;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The loaded models of one executor JVM, kept between the tasks of a training so that a step
 * restores variables into a session instead of loading the whole bundle again. A task borrows a
 * model (one per running task, so a session is never shared by two tasks at once) and gives it
 * back; models are pooled by the bundle's broadcast id, and only the pools of the
 * {@value #KEPT} most recent bundles are kept: older ones are closed when a newer one arrives.
 */
final class ExecutorModels {
    static final int KEPT = 2;

    /** Pools by broadcast id, least recently used first. */
    private static final Map<Long, Deque<ModelBundle>> POOLS = new LinkedHashMap<>(8, 0.75f, true);

    private ExecutorModels() {}

    /** Returns an idle model of the bundle, or loads one. */
    static ModelBundle borrow(long id, byte[] bundle) {
        synchronized (POOLS) {
            Deque<ModelBundle> pool = POOLS.get(id);
            if (pool != null && !pool.isEmpty()) {
                return pool.pop();
            }
        }
        return BatchInference.load(bundle);
    }

    /** Puts a model back for the next task, closing the pools of bundles no longer recent. */
    static void giveBack(long id, ModelBundle model) {
        synchronized (POOLS) {
            POOLS.computeIfAbsent(id, k -> new ArrayDeque<>()).push(model);
            while (POOLS.size() > KEPT) {
                Long oldest = POOLS.keySet().iterator().next();
                POOLS.remove(oldest).forEach(ModelBundle::close);
            }
        }
    }
}
