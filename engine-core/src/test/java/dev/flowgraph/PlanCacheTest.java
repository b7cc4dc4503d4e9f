package dev.flowgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.exec.ExecTuning;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The session's plan cache: one compilation per signature, even when asked concurrently, and bounded. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PlanCacheTest {
    @Test
    void threadsAskingForTheSameNewSignatureAtOnceCompileItOnce() throws Exception {
        Graph g = new Graph(TestOps.REGISTRY);
        Output x = TestOps.placeholder(g, "x", DType.FLOAT64, Shape.scalar());
        Output y = TestOps.op(g, "TestMul", x, x);
        int threads = 16;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService callers = Executors.newFixedThreadPool(threads);
        try (Session s = new Session(g, 2)) {
            List<Future<Double>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                double v = t;
                results.add(callers.submit(() -> {
                    start.await();
                    return s.runner().feed(x, Tensor.scalar(v)).fetch(y).run().get(0).getDouble();
                }));
            }
            for (int t = 0; t < threads; t++) {
                assertEquals((double) t * t, results.get(t).get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, s.plansCompiled());
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void theCacheKeepsAtMostItsSizeAndEvictedSignaturesStillRun() {
        Graph g = new Graph(TestOps.REGISTRY);
        int signatures = ExecTuning.PLAN_CACHE_SIZE + 50;
        List<Output> constants = new ArrayList<>();
        for (int i = 0; i < signatures; i++) {
            constants.add(TestOps.constant(g, Tensor.scalar((double) i)));
        }
        try (Session s = new Session(g, 1)) {
            for (int i = 0; i < signatures; i++) {
                assertEquals(i, s.runner().fetch(constants.get(i)).run().get(0).getDouble());
            }
            assertEquals(signatures, s.plansCompiled());
            assertTrue(s.planCacheSize() <= ExecTuning.PLAN_CACHE_SIZE, "cached " + s.planCacheSize());
            // Whatever was dropped compiles again and gives the same answer.
            for (int i = 0; i < signatures; i++) {
                assertEquals(i, s.runner().fetch(constants.get(i)).run().get(0).getDouble());
            }
            assertTrue(s.planCacheSize() <= ExecTuning.PLAN_CACHE_SIZE, "cached " + s.planCacheSize());
        }
    }
}
