package dev.flowgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flowgraph.spi.OpDef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A completed run hands its per-run state back to its plan, and the plan's next run reuses it:
 * values already returned stay as they were, a failed or cancelled run does not hand back state
 * that nodes may still write, and concurrent runs of one plan, with nodes on the pool, each get
 * their own state.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RecycledRunTest {
    /** Passes x through, failing on a negative x; expensive, so it runs on a pool thread. */
    private static final OpDef CHECK = TestOps.passThrough("RecycleTestCheck", Long.MAX_VALUE, k -> {
        if (k.input(0).getDouble() < 0) {
            throw new IllegalStateException("negative input");
        }
        k.setOutput(0, k.input(0));
    });

    private final Graph g = new Graph(TestOps.REGISTRY.with(List.of(CHECK)));
    private final Output x = TestOps.placeholder(g, "x", DType.FLOAT64, Shape.scalar());
    private final Output checked = TestOps.op(g, "RecycleTestCheck", x);
    private final Output twice = TestOps.op(g, "TestAdd", checked, checked);
    private final Output square = TestOps.op(g, "TestMul", x, x);

    @AfterEach
    void close() {
        g.close();
    }

    private static double run(Session s, Output fetch, double value) {
        return s.runner().feed("x", Tensor.scalar(value)).fetch(fetch).run().get(0).getDouble();
    }

    @Test
    void valuesOfEarlierRunsStayAsTheyWere() {
        try (Session s = new Session(g, 2)) {
            Result one = s.runner().feed("x", Tensor.scalar(3.0)).fetch(twice).run();
            Result two = s.runner().feed("x", Tensor.scalar(5.0)).fetch(twice).fetch(square).run();
            Result three = s.runner().feed("x", Tensor.scalar(7.0)).fetch(twice).run();
            Result four = s.runner().feed("x", Tensor.scalar(9.0)).fetch(twice).fetch(square).run();
            // 3+3, 5+5 and 5*5, 7+7, 9+9 and 9*9.
            assertEquals(6.0, one.get(0).getDouble());
            assertEquals(10.0, two.get(0).getDouble());
            assertEquals(25.0, two.get(1).getDouble());
            assertEquals(14.0, three.get(0).getDouble());
            assertEquals(18.0, four.get(0).getDouble());
            assertEquals(81.0, four.get(1).getDouble());
        }
    }

    @Test
    void aFailedOrCancelledRunLeavesTheNextRunsCorrect() {
        try (Session s = new Session(g, 2)) {
            assertEquals(4.0, run(s, twice, 2.0));
            KernelException e = assertThrows(KernelException.class, () -> run(s, twice, -1.0));
            assertEquals("negative input", e.getCause().getMessage());
            assertEquals(6.0, run(s, twice, 3.0));
            CancellationToken token = new CancellationToken();
            assertEquals(8.0, s.runner().feed("x", Tensor.scalar(4.0)).fetch(twice).cancelWith(token).run().get(0)
                    .getDouble());
            token.cancel();
            assertEquals(10.0, run(s, twice, 5.0));
        }
    }

    @Test
    void concurrentRunsOfOnePlanEachGetTheirOwnState() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try (Session s = new Session(g, 2)) {
            List<Future<Integer>> wrong = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                wrong.add(threads.submit(() -> {
                    int mismatches = 0;
                    for (int i = 0; i < 2_000; i++) {
                        // Distinct per thread and run, so that a run reading another's slots shows.
                        double value = thread * 10_000 + i;
                        if (run(s, twice, value) != 2 * value) {
                            mismatches++;
                        }
                    }
                    return mismatches;
                }));
            }
            for (Future<Integer> f : wrong) {
                assertEquals(0, f.get());
            }
        } finally {
            threads.shutdown();
        }
    }
}
