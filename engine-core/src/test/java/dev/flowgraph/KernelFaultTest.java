package dev.flowgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A kernel that runs out of memory (simulated by throwing {@link OutOfMemoryError}, on the pool or
 * on the caller's thread) fails its own run only: the error names the node, keeps the original
 * as its cause, and concurrent runs on the same session get their right answers.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KernelFaultTest {
    private static final Graph G = new Graph(TestOps.REGISTRY.with(List.of(
            TestOps.passThrough("FaultTestOomHeavy", Long.MAX_VALUE, k -> {
                throw new OutOfMemoryError("simulated: Java heap space");
            }),
            TestOps.passThrough("FaultTestOomCheap", 0, k -> {
                throw new OutOfMemoryError("simulated: Java heap space");
            }))));
    private static final Output X = TestOps.placeholder(G, "x", DType.FLOAT64, Shape.of(3));
    /** y = x * x, the healthy request. */
    private static final Output Y = G.nodeBuilder("TestMul").name("y").input(X).input(X).build().output(0);
    private static final Output HEAVY = G.nodeBuilder("FaultTestOomHeavy").name("heavyOom").input(Y).build().output(0);
    private static final Output CHEAP = G.nodeBuilder("FaultTestOomCheap").name("cheapOom").input(Y).build().output(0);

    @Test
    void anOutOfMemoryErrorFailsTheRunNamingTheNodeAndKeepsTheSessionUsable() {
        try (Session s = new Session(G, 2)) {
            for (Output failing : List.of(HEAVY, CHEAP)) {
                KernelException e = assertThrows(KernelException.class,
                        () -> s.runner().feed(X, Tensor.vector(1.0, 2.0, 3.0)).fetch(failing).run());
                assertEquals(failing.node().name(), e.nodeName());
                assertInstanceOf(OutOfMemoryError.class, e.getCause());
                assertTrue(e.getMessage().startsWith("Node '" + failing.node().name() + "' (op "
                        + failing.node().opType() + "; inputs float64[3]) failed: simulated: Java heap space"),
                        e.getMessage());
            }
            assertEquals(Tensor.vector(1.0, 4.0, 9.0),
                    s.runner().feed(X, Tensor.vector(1.0, 2.0, 3.0)).fetch(Y).run().get(0));
        }
    }

    @Test
    void concurrentRunsAreUnaffectedByAnotherRunsOutOfMemoryError() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try (Session s = new Session(G, 2)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int id = t;
                futures.add(callers.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        double v = id * 1000 + i;
                        if (i % 3 == 0) {
                            Output failing = i % 2 == 0 ? HEAVY : CHEAP;
                            KernelException e = assertThrows(KernelException.class,
                                    () -> s.runner().feed(X, Tensor.vector(v, v, v)).fetch(failing).run());
                            assertEquals(failing.node().name(), e.nodeName());
                        } else {
                            // v * v is exact for these small integers
                            assertEquals(Tensor.vector(v * v, v * v, v * v),
                                    s.runner().feed(X, Tensor.vector(v, v, v)).fetch(Y).run().get(0));
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(50, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
