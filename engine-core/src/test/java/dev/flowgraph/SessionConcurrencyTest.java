package dev.flowgraph;

import static dev.flowgraph.SessionTest.named;
import static dev.flowgraph.SessionTest.scalarPlaceholder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OpRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parallelism, determinism, concurrent runs and closing while runs are in flight. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SessionConcurrencyTest {

    /** Pass-through of one input; expensive, so it always runs on a pool thread. */
    private static final OpDef HEAVY_ID = TestOps.passThrough("ConcTestHeavyId", Long.MAX_VALUE, k -> k.setOutput(0, k.input(0)));

    /** A latch pair per node name: the kernel says it entered, then waits to be released. */
    static final class GateLatches {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
    }

    static final Map<String, GateLatches> GATES = new ConcurrentHashMap<>();

    /** Cheap pass-through that blocks until the test releases it. */
    private static final OpDef GATE = TestOps.passThrough("ConcTestGate", 0, SessionConcurrencyTest::passWhenReleased);

    private static void passWhenReleased(KernelContext k) {
        GateLatches latches = GATES.get(k.nodeName());
        latches.entered.countDown();
        try {
            if (!latches.release.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gate never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        k.setOutput(0, k.input(0));
    }

    /** Cheap pass-through that splits a dummy loop over several kernel blocks with parallelFor. */
    private static final OpDef PAR_FOR = TestOps.passThrough("ConcTestParFor", 0, SessionConcurrencyTest::coverInBlocks);

    private static void coverInBlocks(KernelContext k) {
        AtomicInteger covered = new AtomicInteger();
        k.parallelFor(100, 10, (start, end) -> covered.addAndGet(end - start));
        if (covered.get() != 100) {
            throw new IllegalStateException("covered " + covered.get());
        }
        k.setOutput(0, k.input(0));
    }

    /** Per node of {@code ConcTestBlocks}, how many times each of its blocks ran. */
    static final Map<String, AtomicIntegerArray> BLOCK_RUNS = new ConcurrentHashMap<>();
    /** The threads that ran a node or a block of {@code ConcTestBlocks}. */
    static final Set<String> BLOCK_THREADS = ConcurrentHashMap.newKeySet();

    /**
     * Expensive pass-through that splits {@code count} items in blocks of {@code grain} with
     * parallelFor; each block counts its run, checks its range and, given {@code millis}, sleeps,
     * and block {@code failAt} (if set) throws.
     */
    private static final OpDef BLOCKS = TestOps.passThrough("ConcTestBlocks", Long.MAX_VALUE, SessionConcurrencyTest::runBlocks);

    private static void runBlocks(KernelContext k) {
        int count = (int) k.attrs().getLong("count", 1000);
        int grain = (int) k.attrs().getLong("grain", 7);
        long millis = k.attrs().getLong("millis", 0);
        long failAt = k.attrs().getLong("failAt", -1);
        AtomicIntegerArray runs = BLOCK_RUNS.computeIfAbsent(k.nodeName(),
                n -> new AtomicIntegerArray((count + grain - 1) / grain));
        BLOCK_THREADS.add(Thread.currentThread().getName());
        k.parallelFor(count, grain, (start, end) -> {
            BLOCK_THREADS.add(Thread.currentThread().getName());
            int b = start / grain;
            if (start != b * grain || end != Math.min(start + grain, count)) {
                throw new IllegalStateException("block " + b + " was given [" + start + ", " + end + ")");
            }
            runs.incrementAndGet(b);
            if (b == failAt) {
                throw new IllegalArgumentException("block " + b + " of node '" + k.nodeName() + "' is bad");
            }
            if (millis > 0) {
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        });
        k.setOutput(0, k.input(0));
    }

    private static final OpRegistry REGISTRY =
            TestOps.REGISTRY.with(List.of(HEAVY_ID, GATE, PAR_FOR, BLOCKS));

    private Graph g;
    private ExecutorService executor;

    @BeforeEach
    void setUp() {
        g = new Graph(REGISTRY);
        BLOCK_RUNS.clear();
        BLOCK_THREADS.clear();
    }

    @AfterEach
    void tearDown() {
        g.close();
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private static Output sleep(Graph g, String name, long millis, Output input) {
        return g.nodeBuilder("TestSleep").name(name).input(input).attr("millis", millis).build().output(0);
    }

    private static <T> T await(Future<T> f, long seconds) throws Exception {
        try {
            return f.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError("no answer within " + seconds + " s: a deadlock or a lost wake-up", e);
        }
    }

    // ---------------------------------------------------------------- parallelism

    private long timeTwoSleeps(int threads) {
        Output x = g.hasNode("x") ? g.output("x") : scalarPlaceholder(g, "x");
        if (!g.hasNode("joined")) {
            Output s1 = sleep(g, "s1", 200, x);
            Output s2 = sleep(g, "s2", 200, x);
            named(g, "TestAdd", "joined", s1, s2);
        }
        try (Session s = new Session(g, threads)) {
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 2; i++) {
                long t0 = System.nanoTime();
                Tensor out = s.runner().feed("x", Tensor.scalar(2.0)).fetch("joined").run().get(0);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertEquals(4.0, out.getDouble());
                best = Math.min(best, ms);
            }
            return best;
        }
    }

    @Test
    void independentExpensiveBranchesRunInParallel() {
        long ms = timeTwoSleeps(2);
        assertTrue(ms >= 200, "took " + ms + " ms");
        assertTrue(ms < 350, "two 200 ms branches on a pool of 2 took " + ms + " ms");
    }

    @Test
    void aPoolOfOneRunsExpensiveBranchesOneAfterTheOther() {
        long ms = timeTwoSleeps(1);
        assertTrue(ms >= 400, "two 200 ms branches on a pool of 1 took only " + ms + " ms");
    }

    @Test
    void expensiveNodesMadeReadyTogetherOnAPoolThreadSpreadOut() {
        // x -> first (100 ms) -> four 200 ms sleeps -> sum of the four; pool of 4: about 300 ms, not 900
        Output x = scalarPlaceholder(g, "x");
        Output first = sleep(g, "first", 100, x);
        Output acc = null;
        for (int i = 0; i < 4; i++) {
            Output si = sleep(g, "s" + i, 200, first);
            acc = acc == null ? si : named(g, "TestAdd", "acc" + i, acc, si);
        }
        try (Session s = new Session(g, 4)) {
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 2; i++) {
                long t0 = System.nanoTime();
                assertEquals(4.0, s.runner().feed(x, Tensor.scalar(1.0)).fetch(acc).run().get(0).getDouble());
                best = Math.min(best, (System.nanoTime() - t0) / 1_000_000);
            }
            assertTrue(best >= 300, "took " + best + " ms");
            assertTrue(best < 700, "four parallel 200 ms sleeps after a 100 ms one took " + best + " ms on a pool of 4");
        }
    }

    // ---------------------------------------------------------------- determinism

    /** Builds a random DAG over vectors and evaluates it by hand; returns the fetched outputs. */
    private static final class RandomDag {
        final List<Output> outputs = new ArrayList<>();
        final List<double[]> values = new ArrayList<>();
        final List<Output> fetches = new ArrayList<>();
        final List<double[]> expected = new ArrayList<>();

        RandomDag(Graph g, int size, long seed) {
            Random rnd = new Random(seed);
            List<Integer> weights = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                double[] v = new double[size];
                for (int e = 0; e < size; e++) {
                    v[e] = rnd.nextDouble() * 2.2 - 1.1;
                }
                outputs.add(TestOps.constant(g, Tensor.of(v, Shape.of(size))));
                values.add(v);
                if (i >= 3) {
                    weights.add(i);
                }
            }
            for (int n = 0; n < 80; n++) {
                int count = outputs.size();
                int i = rnd.nextInt(count);
                if (rnd.nextBoolean()) {
                    int j = rnd.nextInt(count);
                    outputs.add(TestOps.op(g, "TestAdd", outputs.get(i), outputs.get(j)));
                    double[] x = values.get(i);
                    double[] y = values.get(j);
                    double[] z = new double[size];
                    for (int e = 0; e < size; e++) {
                        z[e] = x[e] + y[e];
                    }
                    values.add(z);
                } else {
                    int w = weights.get(rnd.nextInt(weights.size()));
                    boolean swap = rnd.nextBoolean();
                    outputs.add(swap ? TestOps.op(g, "TestMul", outputs.get(w), outputs.get(i))
                            : TestOps.op(g, "TestMul", outputs.get(i), outputs.get(w)));
                    double[] x = values.get(i);
                    double[] y = values.get(w);
                    double[] z = new double[size];
                    for (int e = 0; e < size; e++) {
                        z[e] = swap ? y[e] * x[e] : x[e] * y[e];
                    }
                    values.add(z);
                }
            }
            // the last few nodes and a few random inner ones
            for (int k = outputs.size() - 5; k < outputs.size(); k++) {
                fetches.add(outputs.get(k));
                expected.add(values.get(k));
            }
            for (int k = 0; k < 3; k++) {
                int idx = 6 + rnd.nextInt(outputs.size() - 6);
                fetches.add(outputs.get(idx));
                expected.add(values.get(idx));
            }
        }
    }

    private static List<Tensor> runDag(Graph g, RandomDag dag, int threads) {
        try (Session s = new Session(g, threads)) {
            List<Tensor> out = null;
            for (int rep = 0; rep < 3; rep++) {
                Runner r = s.runner();
                dag.fetches.forEach(r::fetch);
                List<Tensor> now = new ArrayList<>();
                r.run().forEach(now::add);
                if (out != null) {
                    assertEquals(out, now, "repeated runs on one session differ");
                }
                out = now;
            }
            return out;
        }
    }

    @ParameterizedTest(name = "size {0}, seed {1}")
    @CsvSource({"1000, 1", "1000, 42", "6000, 7"})
    void resultsAreBitIdenticalWhateverThePoolSizeAndMatchAPlainEvaluation(int size, long seed) {
        RandomDag dag = new RandomDag(g, size, seed);
        List<Tensor> one = runDag(g, dag, 1);
        List<Tensor> four = runDag(g, dag, 4);
        assertEquals(dag.fetches.size(), one.size());
        for (int k = 0; k < one.size(); k++) {
            assertEquals(one.get(k), four.get(k), "fetch " + k + " differs between 1 and 4 threads");
            Tensor expected = Tensor.of(dag.expected.get(k), Shape.of(size));
            assertEquals(expected, one.get(k), "fetch " + k + " (" + dag.fetches.get(k).name() + ") differs from plain Java");
        }
    }

    // ---------------------------------------------------------------- concurrent runs

    /** J = 3 * (a + heavy(b*c)); heavy is a pass-through that runs on the pool. */
    private void buildHeavyJ() {
        Output a = scalarPlaceholder(g, "a");
        Output b = scalarPlaceholder(g, "b");
        Output c = scalarPlaceholder(g, "c");
        Output bc = named(g, "TestMul", "bc", b, c);
        Output heavy = named(g, "ConcTestHeavyId", "heavy", bc);
        Output sum = named(g, "TestAdd", "sum", a, heavy);
        Output three = TestOps.constant(g, Tensor.scalar(3.0));
        named(g, "TestMul", "J", three, sum);
    }

    @Test
    void manyThreadsRunOneSessionAtOnce() throws Exception {
        buildHeavyJ();
        int threads = 16;
        int iterations = 200;
        executor = Executors.newFixedThreadPool(threads);
        try (Session s = new Session(g, 4)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                futures.add(executor.submit(() -> {
                    start.await();
                    for (int i = 0; i < iterations; i++) {
                        double a = id;
                        double b = i;
                        double c = id % 3 + 1;
                        Result r = s.runner().feed("a", Tensor.scalar(a)).feed("b", Tensor.scalar(b))
                                .feed("c", Tensor.scalar(c)).fetch("J").run();
                        double expected = 3 * (a + b * c);
                        if (r.get("J").getDouble() != expected) {
                            throw new AssertionError("thread " + id + " iteration " + i + ": J = "
                                    + r.get("J").getDouble() + ", expected " + expected);
                        }
                    }
                    return iterations;
                }));
            }
            start.countDown();
            int done = 0;
            for (Future<Integer> f : futures) {
                done += await(f, 60);
            }
            assertEquals(threads * iterations, done);
            // one signature, compiled once even though 16 threads asked for it at the same moment
            assertEquals(1, s.plansCompiled(), "plans compiled");
        }
    }

    @Test
    void differentSignaturesRunConcurrently() throws Exception {
        buildHeavyJ();
        int threads = 12;
        int iterations = 150;
        executor = Executors.newFixedThreadPool(threads);
        try (Session s = new Session(g, 3)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                futures.add(executor.submit(() -> {
                    start.await();
                    for (int i = 0; i < iterations; i++) {
                        double a = id;
                        double b = i;
                        double c = 2;
                        switch (id % 3) {
                            case 0: {
                                Result r = s.runner().feed("a", Tensor.scalar(a)).feed("b", Tensor.scalar(b))
                                        .feed("c", Tensor.scalar(c)).fetch("J").run();
                                check(id, i, 3 * (a + b * c), r.get("J"));
                                break;
                            }
                            case 1: {
                                Result r = s.runner().feed("a", Tensor.scalar(a)).feed("b", Tensor.scalar(b))
                                        .feed("c", Tensor.scalar(c)).fetch("sum").fetch("bc").fetch("J").run();
                                check(id, i, a + b * c, r.get("sum"));
                                check(id, i, b * c, r.get("bc"));
                                check(id, i, 3 * (a + b * c), r.get(2));
                                break;
                            }
                            default: {
                                // an intermediate fed: J = 3 * (a + i)
                                Result r = s.runner().feed("a", Tensor.scalar(a)).feed("bc", Tensor.scalar(b))
                                        .fetch("J").fetch("heavy").run();
                                check(id, i, 3 * (a + b), r.get("J"));
                                check(id, i, b, r.get("heavy"));
                                break;
                            }
                        }
                    }
                    return iterations;
                }));
            }
            start.countDown();
            int done = 0;
            for (Future<Integer> f : futures) {
                done += await(f, 60);
            }
            assertEquals(threads * iterations, done);
        }
    }

    private static void check(int thread, int iteration, double expected, Tensor actual) {
        if (actual.getDouble() != expected) {
            throw new AssertionError("thread " + thread + " iteration " + iteration + ": got " + actual.getDouble()
                    + ", expected " + expected);
        }
    }

    @Test
    void concurrentRunsWithKernelFailuresDoNotDisturbEachOther() throws Exception {
        buildHeavyJ();
        named(g, "TestFail", "broken", g.output("heavy"));
        int threads = 8;
        executor = Executors.newFixedThreadPool(threads);
        try (Session s = new Session(g, 2)) {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                futures.add(executor.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        if ((i + id) % 2 == 0) {
                            try {
                                s.runner().feed("b", Tensor.scalar(1.0)).feed("c", Tensor.scalar(1.0))
                                        .fetch("broken").run();
                                throw new AssertionError("broken ran without failing");
                            } catch (KernelException e) {
                                if (!e.nodeName().equals("broken")) {
                                    throw e;
                                }
                            }
                        } else {
                            Result r = s.runner().feed("a", Tensor.scalar((double) id)).feed("b", Tensor.scalar((double) i))
                                    .feed("c", Tensor.scalar(1.0)).fetch("J").run();
                            check(id, i, 3 * (id + i), r.get(0));
                        }
                    }
                    return 1;
                }));
            }
            for (Future<Integer> f : futures) {
                await(f, 60);
            }
        }
    }

    // ---------------------------------------------------------------- closing while in flight

    @Test
    void closingWhileAnExpensiveNodeRunsNeverHangs() throws Exception {
        Output x = scalarPlaceholder(g, "x");
        Output slept = sleep(g, "sleep", 300, x);
        named(g, "TestAdd", "out", slept, TestOps.constant(g, Tensor.scalar(1.0)));
        executor = Executors.newSingleThreadExecutor();
        Session s = new Session(g, 2);
        Future<Double> run = executor.submit(() -> s.runner().feed("x", Tensor.scalar(41.0)).fetch("out").run().get(0).getDouble());
        Thread.sleep(100);
        s.close();
        assertCompletesOrClosed(run, 42.0);
    }

    @Test
    void closingBeforeAFanOutOfExpensiveNodesNeverHangs() throws Exception {
        // first (200 ms) then three parallel sleeps; the session closes during the first one
        Output x = scalarPlaceholder(g, "x");
        Output first = sleep(g, "first", 200, x);
        Output acc = null;
        for (int i = 0; i < 3; i++) {
            Output si = sleep(g, "s" + i, 50, first);
            acc = acc == null ? si : named(g, "TestAdd", "acc" + i, acc, si);
        }
        Output out = acc;
        executor = Executors.newSingleThreadExecutor();
        Session s = new Session(g, 3);
        Future<Double> run = executor.submit(() -> s.runner().feed("x", Tensor.scalar(2.0)).fetch(out).run().get(0).getDouble());
        Thread.sleep(80);
        s.close();
        // 2 + 2 + 2
        assertCompletesOrClosed(run, 6.0);
    }

    @Test
    void closingWhileTheCallerRunsACheapNodeFailsTheNextPoolHopWithSessionClosed() throws Exception {
        GateLatches latches = new GateLatches();
        GATES.put("gate1", latches);
        Output x = scalarPlaceholder(g, "x");
        Output gated = named(g, "ConcTestGate", "gate1", x);
        Output slept = sleep(g, "sleepAfterGate", 10, gated);
        executor = Executors.newSingleThreadExecutor();
        Session s = new Session(g, 2);
        try {
            Future<Double> run = executor.submit(() -> s.runner().feed(x, Tensor.scalar(1.0)).fetch(slept).run().get(0).getDouble());
            assertTrue(latches.entered.await(10, TimeUnit.SECONDS), "the gate never ran");
            s.close();
            latches.release.countDown();
            ExecutionException e = expectFailure(run);
            assertInstanceOf(SessionClosedException.class, e.getCause(), String.valueOf(e.getCause()));
            assertTrue(e.getCause().getMessage().contains("sleepAfterGate"), e.getCause().getMessage());
        } finally {
            latches.release.countDown();
            GATES.remove("gate1");
            s.close();
        }
    }

    @Test
    void closingWhileTheCallerRunsACheapNodeFailsALaterParallelForWithSessionClosed() throws Exception {
        GateLatches latches = new GateLatches();
        GATES.put("gate2", latches);
        Output x = scalarPlaceholder(g, "x");
        Output gated = named(g, "ConcTestGate", "gate2", x);
        Output par = named(g, "ConcTestParFor", "par", gated);
        executor = Executors.newSingleThreadExecutor();
        Session s = new Session(g, 2);
        try {
            Future<Double> run = executor.submit(() -> s.runner().feed(x, Tensor.scalar(1.0)).fetch(par).run().get(0).getDouble());
            assertTrue(latches.entered.await(10, TimeUnit.SECONDS), "the gate never ran");
            s.close();
            latches.release.countDown();
            try {
                assertEquals(1.0, await(run, 10));
            } catch (ExecutionException e) {
                assertInstanceOf(SessionClosedException.class, e.getCause(),
                        "a run that needs the closed session's pool should fail with SessionClosedException, not "
                                + e.getCause());
            }
        } finally {
            latches.release.countDown();
            GATES.remove("gate2");
            s.close();
        }
    }

    @Test
    void aParallelForOnTheCallerThreadWorksWhileTheSessionIsOpen() {
        Output x = scalarPlaceholder(g, "x");
        Output par = named(g, "ConcTestParFor", "par", x);
        try (Session s = new Session(g, 2)) {
            assertEquals(5.0, s.runner().feed(x, Tensor.scalar(5.0)).fetch(par).run().get(0).getDouble());
        }
        try (Session s = new Session(g, 1)) {
            assertEquals(5.0, s.runner().feed(x, Tensor.scalar(5.0)).fetch(par).run().get(0).getDouble());
        }
    }

    @ParameterizedTest(name = "pool of {0}")
    @ValueSource(ints = {1, 2, 4})
    void aParallelForRunsEveryBlockExactlyOnceOnThePoolsThreads(int threads) {
        // 1000 items in blocks of 7: 142 full blocks and one of 6
        Output x = scalarPlaceholder(g, "x");
        Output blocks = g.nodeBuilder("ConcTestBlocks").name("blocks").input(x).build().output(0);
        try (Session s = new Session(g, threads)) {
            for (int run = 1; run <= 20; run++) {
                assertEquals(3.0, s.runner().feed(x, Tensor.scalar(3.0)).fetch(blocks).run().get(0).getDouble());
                AtomicIntegerArray runs = BLOCK_RUNS.get("blocks");
                assertEquals(143, runs.length());
                for (int b = 0; b < runs.length(); b++) {
                    assertEquals(run, runs.get(b), "block " + b + " after " + run + " runs");
                }
            }
        }
        assertWorkersOfOneSessionAtMost(threads);
    }

    @Test
    void aPoolOfTwoRunsNodesAndBlocksOnTwoThreadsOnly() {
        // Eight expensive nodes at once, each splitting 16 blocks of 1 ms over the pool: a thread
        // that waited for its blocks by joining them would have the pool start compensation
        // threads, and three or more threads would take turns on two cores.
        Output x = scalarPlaceholder(g, "x");
        List<Output> nodes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            nodes.add(g.nodeBuilder("ConcTestBlocks").name("blocks" + i).input(x).attr("count", 16L).attr("grain", 1L)
                    .attr("millis", 1L).build().output(0));
        }
        Output sum = nodes.get(0);
        for (int i = 1; i < nodes.size(); i++) {
            sum = named(g, "TestAdd", "sum" + i, sum, nodes.get(i));
        }
        try (Session s = new Session(g, 2)) {
            for (int run = 1; run <= 10; run++) {
                assertEquals(8.0, s.runner().feed(x, Tensor.scalar(1.0)).fetch(sum).run().get(0).getDouble());
            }
            String worker = BLOCK_THREADS.stream().filter(n -> n.startsWith("flowgraph-session-")).findAny().orElseThrow();
            String prefix = worker.substring(0, worker.indexOf("-worker-") + "-worker-".length());
            long live = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).count();
            assertTrue(live <= 2, live + " live threads of this session's pool of 2");
        }
        assertWorkersOfOneSessionAtMost(2);
        for (int i = 0; i < 8; i++) {
            AtomicIntegerArray runs = BLOCK_RUNS.get("blocks" + i);
            for (int b = 0; b < runs.length(); b++) {
                assertEquals(10, runs.get(b), "node " + i + ", block " + b);
            }
        }
    }

    @ParameterizedTest(name = "pool of {0}")
    @ValueSource(ints = {1, 2})
    void aFailingBlockFailsItsNodeWithItsOwnExceptionAndTheSessionGoesOn(int threads) {
        Output x = scalarPlaceholder(g, "x");
        Output bad = g.nodeBuilder("ConcTestBlocks").name("bad").input(x).attr("count", 100L).attr("grain", 1L)
                .attr("failAt", 3L).build().output(0);
        Output good = g.nodeBuilder("ConcTestBlocks").name("good").input(x).attr("count", 100L).attr("grain", 1L)
                .build().output(0);
        try (Session s = new Session(g, threads)) {
            KernelException e = assertThrows(KernelException.class,
                    () -> s.runner().feed(x, Tensor.scalar(1.0)).fetch(bad).run());
            assertEquals("bad", e.nodeName());
            assertTrue(e.getMessage().contains("failed: block 3 of node 'bad' is bad"), e.getMessage());
            assertInstanceOf(IllegalArgumentException.class, e.getCause());
            assertEquals(2.0, s.runner().feed(x, Tensor.scalar(2.0)).fetch(good).run().get(0).getDouble());
        }
    }

    /** Checks that the blocks ran on at most {@code threads} workers of one session, or the caller. */
    private static void assertWorkersOfOneSessionAtMost(int threads) {
        Set<String> workers = new HashSet<>();
        for (String name : BLOCK_THREADS) {
            if (!name.equals(Thread.currentThread().getName())) {
                assertTrue(name.startsWith("flowgraph-session-"), name);
                workers.add(name);
            }
        }
        assertTrue(workers.size() <= threads, "blocks ran on " + workers + " for a pool of " + threads);
    }

    @Test
    void closingUnderConcurrentLoadOnlyEverGivesResultsOrSessionClosed() throws Exception {
        buildHeavyJ();
        int threads = 8;
        executor = Executors.newFixedThreadPool(threads);
        Session s = new Session(g, 2);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        List<Future<Integer>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            futures.add(executor.submit(() -> {
                for (int i = 0; ; i++) {
                    try {
                        Result r = s.runner().feed("a", Tensor.scalar((double) id)).feed("b", Tensor.scalar((double) i))
                                .feed("c", Tensor.scalar(2.0)).fetch("J").run();
                        check(id, i, 3 * (id + 2.0 * i), r.get(0));
                        ok.incrementAndGet();
                    } catch (SessionClosedException e) {
                        closed.incrementAndGet();
                        return i;
                    }
                }
            }));
        }
        Thread.sleep(300);
        s.close();
        for (Future<Integer> f : futures) {
            assertNotNull(await(f, 30));
        }
        assertEquals(threads, closed.get());
        assertTrue(ok.get() > 0, "no run succeeded before the close");
    }

    private static ExecutionException expectFailure(Future<?> run) throws Exception {
        try {
            Object v = await(run, 10);
            throw new AssertionError("the run succeeded with " + v);
        } catch (ExecutionException e) {
            return e;
        }
    }

    private static void assertCompletesOrClosed(Future<Double> run, double expected) throws Exception {
        try {
            assertEquals(expected, await(run, 10));
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof SessionClosedException)) {
                fail("expected the value or SessionClosedException, got " + e.getCause(), e.getCause());
            }
        }
    }
}
