package dev.flowgraph;

import static dev.flowgraph.SessionTest.named;
import static dev.flowgraph.SessionTest.scalarPlaceholder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OpRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Timeouts and cancellation: a stopped run fails promptly with a distinct exception, no node
 * starts after the stop, long kernels stop between {@code parallelFor} blocks, the pool is not
 * leaked and the session stays usable. Time bounds are generous: the machine may be loaded.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunCancellationTest {
    /** Every start of a recording op: "nodeName@threadName". */
    static final Queue<String> STARTS = new ConcurrentLinkedQueue<>();
    /** Blocks done, per node of {@code CancelTestBlocks}. */
    static final Map<String, AtomicInteger> BLOCKS = new ConcurrentHashMap<>();

    /** Expensive pass-through: records its start, then sleeps {@code millis} (default 30). */
    private static final OpDef SLOW = TestOps.passThrough("CancelTestSlow", Long.MAX_VALUE, RunCancellationTest::recordAndSleep);
    /** The same, but cheap: it runs on the thread that made it ready, the caller's included. */
    private static final OpDef CHEAP_SLOW = TestOps.passThrough("CancelTestCheapSlow", 0, RunCancellationTest::recordAndSleep);
    /**
     * Expensive pass-through that runs {@code blocks} parallelFor blocks of one item, each sleeping
     * {@code millis}, counting them in {@link #BLOCKS}.
     */
    private static final OpDef BLOCKED = TestOps.passThrough("CancelTestBlocks", Long.MAX_VALUE, RunCancellationTest::sleepInBlocks);

    /** The same, but cheap: the caller runs the kernel and joins its blocks. */
    private static final OpDef CHEAP_BLOCKED = TestOps.passThrough("CancelTestCheapBlocks", 0, RunCancellationTest::sleepInBlocks);

    private static final OpRegistry REGISTRY = TestOps.REGISTRY.with(List.of(SLOW, CHEAP_SLOW, BLOCKED, CHEAP_BLOCKED));

    private static final Pattern PROGRESS = Pattern.compile("(\\d+) of (\\d+) nodes completed");

    private Graph g;
    private ExecutorService executor;

    private static void recordAndSleep(KernelContext k) {
        STARTS.add(k.nodeName() + "@" + Thread.currentThread().getName());
        sleepMillis(k.attrs().getLong("millis", 30));
        k.setOutput(0, k.input(0));
    }

    private static void sleepInBlocks(KernelContext k) {
        AtomicInteger done = BLOCKS.computeIfAbsent(k.nodeName(), n -> new AtomicInteger());
        long millis = k.attrs().getLong("millis", 20);
        k.parallelFor((int) k.attrs().getLong("blocks", 100), 1, (start, end) -> {
            sleepMillis(millis);
            done.incrementAndGet();
        });
        k.setOutput(0, k.input(0));
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @BeforeEach
    void setUp() {
        g = new Graph(REGISTRY);
        STARTS.clear();
        BLOCKS.clear();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (executor != null) {
            executor.shutdownNow();
            assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS), "the test's executor did not end");
        }
        g.close();
    }

    // ---------------------------------------------------------------- helpers

    /** A chain of {@code n} nodes "prefix0" .. "prefix{n-1}" of the given op; returns the last output. */
    private Output chain(String prefix, String type, int n, long millis, Output input) {
        Output o = input;
        for (int i = 0; i < n; i++) {
            o = g.nodeBuilder(type).name(prefix + i).input(o).attr("millis", millis).build().output(0);
        }
        return o;
    }

    private static List<String> startedNodes() {
        return STARTS.stream().map(r -> r.substring(0, r.indexOf('@'))).collect(Collectors.toList());
    }

    private static int[] progress(RunCancelledException e) {
        Matcher m = PROGRESS.matcher(e.getMessage());
        assertTrue(m.find(), e.getMessage());
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    /** The nodes the message names as still running. */
    private static List<String> runningIn(RunCancelledException e) {
        String msg = e.getMessage();
        int at = msg.indexOf("still running");
        List<String> names = new ArrayList<>();
        if (at >= 0) {
            Matcher m = Pattern.compile("'([^']+)' \\(op ").matcher(msg.substring(at));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static void awaitTrue(BooleanSupplier condition, long seconds, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("not within " + seconds + " s: " + what);
            }
            Thread.sleep(5);
        }
    }

    private static Set<Thread> liveWorkers(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix)).collect(Collectors.toSet());
    }

    /** "flowgraph-session-N-worker-" for the pool thread that recorded the first start. */
    private static String workerPrefix() {
        String thread = STARTS.peek().substring(STARTS.peek().indexOf('@') + 1);
        assertTrue(thread.startsWith("flowgraph-session-"), thread);
        return thread.substring(0, thread.indexOf("-worker-") + "-worker-".length());
    }

    // ---------------------------------------------------------------- timeouts

    @Test
    void aTimeoutStopsALongChainPromptlyAndNamesTheTimeoutAndTheRunningNode() throws InterruptedException {
        // 40 nodes of 50 ms: 2 s unstopped; the deadline falls inside the sixth node
        Output x = scalarPlaceholder(g, "x");
        Output end = chain("slow", "CancelTestSlow", 40, 50, x);
        try (Session s = new Session(g, 2)) {
            long t0 = System.nanoTime();
            RunTimeoutException e = assertThrows(RunTimeoutException.class,
                    () -> s.runner().feed(x, Tensor.scalar(1.0)).fetch(end).timeout(Duration.ofMillis(275)).run());
            long ms = millisSince(t0);
            assertTrue(ms >= 275, "stopped after " + ms + " ms, before its timeout");
            assertTrue(ms < 1200, "a 275 ms timeout took " + ms + " ms to fire");
            assertEquals(Duration.ofMillis(275), e.timeout());
            assertInstanceOf(RunCancelledException.class, e);
            String msg = e.getMessage();
            assertTrue(msg.startsWith("The run did not finish within its timeout of 275 ms and was stopped after "), msg);
            int[] p = progress(e);
            assertEquals(40, p[1], msg);
            assertTrue(p[0] < 40, msg);
            // a chain: the completed nodes are the first ones, the running one (if any) is next
            assertTrue(p[0] == 0 || msg.contains("the last 'slow" + (p[0] - 1) + "' (op CancelTestSlow)"), msg);
            List<String> running = runningIn(e);
            assertTrue(running.isEmpty() || running.equals(List.of("slow" + p[0])), msg);
            assertTrue(running.isEmpty() || msg.contains("finishing in the background, results dropped"), msg);

            // no node starts after the stop: wait well past the running node's end
            Thread.sleep(300);
            List<String> started = startedNodes();
            assertTrue(started.size() <= p[0] + 1, "started after the timeout: " + started + "; " + msg);
        }
    }

    @Test
    void aTimeoutReturnsWhileALongKernelStillRunsAndTheSessionStaysUsable() throws InterruptedException {
        Output x = scalarPlaceholder(g, "x");
        Output longOne = g.nodeBuilder("CancelTestSlow").name("long").input(x).attr("millis", 3000L).build().output(0);
        Output after = chain("after", "CancelTestSlow", 3, 10, longOne);
        Output quick = chain("quick", "CancelTestSlow", 2, 10, x);
        try (Session s = new Session(g, 2)) {
            long t0 = System.nanoTime();
            RunTimeoutException e = assertThrows(RunTimeoutException.class,
                    () -> s.runner().feed(x, Tensor.scalar(1.0)).fetch(after).timeout(Duration.ofMillis(200)).run());
            long ms = millisSince(t0);
            // the caller does not wait for the 3 s kernel
            assertTrue(ms < 1500, "the caller waited " + ms + " ms for a kernel it cannot stop");
            assertTrue(e.getMessage().contains("0 of 4 nodes completed; still running (finishing in the background, "
                    + "results dropped): 'long' (op CancelTestSlow)"), e.getMessage());

            // the session is usable at once: the other pool thread takes the next run
            t0 = System.nanoTime();
            assertEquals(7.0, s.runner().feed(x, Tensor.scalar(7.0)).fetch(quick).run().get(0).getDouble());
            assertTrue(millisSince(t0) < 1500, "the next run took " + millisSince(t0) + " ms");
            // and the same request without a timeout succeeds once the kernel is free
            assertEquals(2.0, s.runner().feed(x, Tensor.scalar(2.0)).fetch(after).run().get(0).getDouble());
            assertEquals(List.of("long", "quick0", "quick1", "long", "after0", "after1", "after2"), startedNodes());
        }
    }

    @Test
    void aTimeoutStopsAChainOfCheapNodesOnTheCallersThreadBetweenNodes() {
        Output x = scalarPlaceholder(g, "x");
        Output end = chain("cheap", "CancelTestCheapSlow", 50, 30, x);
        try (Session s = new Session(g, 2)) {
            long t0 = System.nanoTime();
            RunTimeoutException e = assertThrows(RunTimeoutException.class,
                    () -> s.runner().feed(x, Tensor.scalar(1.0)).fetch(end).timeout(Duration.ofMillis(100)).run());
            long ms = millisSince(t0);
            assertTrue(ms < 1000, "a 100 ms timeout over 1.5 s of cheap nodes took " + ms + " ms");
            // the caller ran them all itself, and stopped between two of them
            String caller = Thread.currentThread().getName();
            assertTrue(STARTS.stream().allMatch(r -> r.endsWith("@" + caller)), STARTS.toString());
            int[] p = progress(e);
            assertEquals(p[0], startedNodes().size(), e.getMessage());
            assertTrue(e.getMessage().endsWith("; no node was still running"), e.getMessage());
        }
    }

    @Test
    void aRunWithinItsTimeoutReturnsItsResult() {
        Output x = scalarPlaceholder(g, "x");
        Output end = chain("slow", "CancelTestSlow", 3, 10, x);
        Output sum = named(g, "TestAdd", "sum", end, x);
        try (Session s = new Session(g, 2)) {
            for (int i = 0; i < 5; i++) {
                Result r = s.runner().feed(x, Tensor.scalar((double) i)).fetch(sum).timeout(Duration.ofSeconds(30)).run();
                assertEquals(2.0 * i, r.get(0).getDouble());
            }
        }
    }

    @Test
    void aNodeFailureBeforeTheTimeoutIsTheRunsError() {
        Output x = scalarPlaceholder(g, "x");
        Output failed = named(g, "TestFail", "broken", chain("slow", "CancelTestSlow", 1, 10, x));
        Output end = chain("after", "CancelTestSlow", 2, 10, failed);
        try (Session s = new Session(g, 2)) {
            KernelException e = assertThrows(KernelException.class,
                    () -> s.runner().feed(x, Tensor.scalar(1.0)).fetch(end).timeout(Duration.ofSeconds(30)).run());
            assertEquals("broken", e.nodeName());
        }
    }

    @Test
    void aTimeoutMustBePositive() {
        Output x = scalarPlaceholder(g, "x");
        try (Session s = new Session(g, 1)) {
            Runner r = s.runner().fetch(x);
            IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> r.timeout(Duration.ZERO));
            assertTrue(zero.getMessage().contains("a run's timeout must be positive, not PT0S"), zero.getMessage());
            assertThrows(IllegalArgumentException.class, () -> r.timeout(Duration.ofMillis(-5)));
            assertThrows(NullPointerException.class, () -> r.timeout(null));
            assertThrows(NullPointerException.class, () -> r.cancelWith(null));
        }
    }

    @Test
    void anEnormousTimeoutMeansNoLimit() {
        Output x = scalarPlaceholder(g, "x");
        Output end = chain("slow", "CancelTestSlow", 2, 5, x);
        try (Session s = new Session(g, 1)) {
            assertEquals(3.0, s.runner().feed(x, Tensor.scalar(3.0)).fetch(end)
                    .timeout(Duration.ofSeconds(Long.MAX_VALUE)).run().get(0).getDouble());
        }
    }

    // ---------------------------------------------------------------- cancellation

    @Test
    void aTokenCancelsARunFromAnotherThreadAndNoNodeStartsAfterwards() throws Exception {
        // four independent chains of 30 ms nodes on a pool of 2, cancelled after 200 ms
        Output x = scalarPlaceholder(g, "x");
        List<Output> ends = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            ends.add(chain("b" + b + "_", "CancelTestSlow", 15, 30, x));
        }
        CancellationToken token = new CancellationToken();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        executor = timer;
        try (Session s = new Session(g, 2)) {
            Runner runner = s.runner().feed(x, Tensor.scalar(1.0)).cancelWith(token);
            ends.forEach(runner::fetch);
            timer.schedule(token::cancel, 200, TimeUnit.MILLISECONDS);
            long t0 = System.nanoTime();
            RunCancelledException e = assertThrows(RunCancelledException.class, runner::run);
            long ms = millisSince(t0);
            assertFalse(e instanceof RunTimeoutException, "a cancel is not a timeout");
            assertTrue(ms >= 150 && ms < 1500, "cancelled after 200 ms, returned after " + ms + " ms");
            String msg = e.getMessage();
            assertTrue(msg.startsWith("The run was cancelled through its CancellationToken after "), msg);
            int[] p = progress(e);
            assertEquals(60, p[1], msg);
            List<String> running = runningIn(e);
            assertTrue(running.size() <= 2, "more running nodes than pool threads: " + msg);

            // every node that ever starts was completed or running when the caller got the
            // exception: wait past the running nodes' end, then count
            Thread.sleep(300);
            int started = startedNodes().size();
            assertTrue(started >= p[0] && started <= p[0] + running.size(),
                    started + " nodes started, but " + msg);
            assertTrue(token.isCancelled());
            assertEquals(0, token.runsAttached(), "the ended run is still attached to its token");
        }
    }

    @Test
    void anAlreadyCancelledTokenFailsTheRunBeforeAnyNodeStarts() {
        Output x = scalarPlaceholder(g, "x");
        Output end = chain("slow", "CancelTestSlow", 3, 10, x);
        CancellationToken token = new CancellationToken();
        token.cancel();
        try (Session s = new Session(g, 2)) {
            RunCancelledException e = assertThrows(RunCancelledException.class,
                    () -> s.runner().feed(x, Tensor.scalar(1.0)).fetch(end).cancelWith(token).run());
            assertTrue(e.getMessage().contains("0 of 3 nodes completed; no node was still running"), e.getMessage());
            assertEquals(List.of(), startedNodes());
            // a new token, or none, runs normally
            assertEquals(1.0, s.runner().feed(x, Tensor.scalar(1.0)).fetch(end).cancelWith(new CancellationToken())
                    .run().get(0).getDouble());
            assertEquals(0, token.runsAttached());
        }
    }

    @Test
    void aTokenLeftAloneChangesNothingAndIsDetachedAfterEachRun() {
        Output x = scalarPlaceholder(g, "x");
        Output end = chain("slow", "CancelTestSlow", 2, 1, x);
        CancellationToken token = new CancellationToken();
        try (Session s = new Session(g, 2)) {
            for (int i = 0; i < 20; i++) {
                assertEquals(i, s.runner().feed(x, Tensor.scalar((double) i)).fetch(end).cancelWith(token).run().get(0).getDouble());
            }
            assertEquals(0, token.runsAttached());
            assertFalse(token.isCancelled());
        }
    }

    @Test
    void interruptingTheWaitingCallerCancelsItsRunAndKeepsTheFlag() throws Exception {
        Output x = scalarPlaceholder(g, "x");
        Output end = chain("slow", "CancelTestSlow", 40, 50, x);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagKept = new AtomicBoolean();
        try (Session s = new Session(g, 2)) {
            Thread caller = new Thread(() -> {
                try {
                    s.runner().feed(x, Tensor.scalar(1.0)).fetch(end).run();
                } catch (Throwable t) {
                    thrown.set(t);
                    flagKept.set(Thread.currentThread().isInterrupted());
                }
            }, "cancel-test-caller");
            caller.start();
            awaitTrue(() -> !STARTS.isEmpty(), 10, "the first node started");
            long t0 = System.nanoTime();
            caller.interrupt();
            caller.join(5000);
            assertFalse(caller.isAlive(), "the interrupted caller still waits");
            assertTrue(millisSince(t0) < 1500, "the interrupted caller took " + millisSince(t0) + " ms to return");
            RunCancelledException e = assertInstanceOf(RunCancelledException.class, thrown.get());
            assertFalse(e instanceof RunTimeoutException);
            assertTrue(e.getMessage().startsWith("The run was cancelled because the calling thread was interrupted"
                    + " (its interrupt flag stays set), after "), e.getMessage());
            assertTrue(flagKept.get(), "the caller's interrupt flag was cleared");
            assertEquals(2.0, s.runner().feed(x, Tensor.scalar(2.0)).fetch("slow1").run().get(0).getDouble());
        }
    }

    @Test
    void futureCancelWithInterruptStopsASubmittedRunAndFreesItsThread() throws Exception {
        Output x = scalarPlaceholder(g, "x");
        Output end = chain("slow", "CancelTestSlow", 40, 50, x);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        executor = Executors.newSingleThreadExecutor();
        try (Session s = new Session(g, 2)) {
            Future<Result> f = executor.submit(() -> {
                try {
                    return s.runner().feed(x, Tensor.scalar(1.0)).fetch(end).run();
                } catch (RunCancelledException e) {
                    thrown.set(e);
                    throw e;
                }
            });
            awaitTrue(() -> !STARTS.isEmpty(), 10, "the first node started");
            assertTrue(f.cancel(true));
            // the executor's only thread comes back long before the 2 s chain would end
            long t0 = System.nanoTime();
            assertEquals("free", executor.submit(() -> "free").get(5, TimeUnit.SECONDS));
            assertTrue(millisSince(t0) < 1500, "the run's thread was busy for " + millisSince(t0) + " ms more");
            assertTrue(thrown.get().getMessage().contains("the calling thread was interrupted"), thrown.get().getMessage());
        }
    }

    // ---------------------------------------------------------------- parallelFor

    @ParameterizedTest(name = "pool of {0}")
    @ValueSource(ints = {1, 2, 4})
    void aLongParallelForStopsBetweenBlocksAfterATimeout(int threads) throws InterruptedException {
        // 100 blocks of 20 ms: 2 s on one thread; stopped after 150 ms
        Output x = scalarPlaceholder(g, "x");
        Output blocks = g.nodeBuilder("CancelTestBlocks").name("blocks").input(x).attr("blocks", 100L)
                .attr("millis", 20L).build().output(0);
        Output small = g.nodeBuilder("CancelTestBlocks").name("small").input(x).attr("blocks", 4L)
                .attr("millis", 1L).build().output(0);
        try (Session s = new Session(g, threads)) {
            long t0 = System.nanoTime();
            RunTimeoutException e = assertThrows(RunTimeoutException.class,
                    () -> s.runner().feed(x, Tensor.scalar(1.0)).fetch(blocks).timeout(Duration.ofMillis(150)).run());
            assertTrue(millisSince(t0) < 1500, "took " + millisSince(t0) + " ms");
            assertTrue(e.getMessage().contains("'blocks' (op CancelTestBlocks)"), e.getMessage());
            // blocks already running end, then no block starts
            Thread.sleep(250);
            int atRest = BLOCKS.get("blocks").get();
            Thread.sleep(250);
            assertEquals(atRest, BLOCKS.get("blocks").get(), "blocks still start after the timeout");
            assertTrue(atRest < 60, atRest + " of 100 blocks ran although the run stopped after 150 ms");
            // the kernel cut short between its blocks is not reported as a failure, and the
            // session goes on
            assertEquals(5.0, s.runner().feed(x, Tensor.scalar(5.0)).fetch(small).run().get(0).getDouble());
            assertEquals(4, BLOCKS.get("small").get());
        }
    }

    @Test
    void aLongParallelForStopsBetweenBlocksAfterACancel() throws Exception {
        Output x = scalarPlaceholder(g, "x");
        Output blocks = g.nodeBuilder("CancelTestBlocks").name("blocks").input(x).attr("blocks", 100L)
                .attr("millis", 20L).build().output(0);
        CancellationToken token = new CancellationToken();
        executor = Executors.newSingleThreadExecutor();
        try (Session s = new Session(g, 2)) {
            Future<Result> f = executor.submit(() -> s.runner().feed(x, Tensor.scalar(1.0)).fetch(blocks).cancelWith(token).run());
            awaitTrue(() -> BLOCKS.containsKey("blocks") && BLOCKS.get("blocks").get() >= 4, 10, "blocks ran");
            token.cancel();
            ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
            assertInstanceOf(RunCancelledException.class, e.getCause());
            Thread.sleep(250);
            int atRest = BLOCKS.get("blocks").get();
            Thread.sleep(250);
            assertEquals(atRest, BLOCKS.get("blocks").get(), "blocks still start after the cancel");
            assertTrue(atRest < 60, atRest + " of 100 blocks ran");
        }
    }

    @Test
    void interruptingACallerBusyInAParallelForStopsItsBlocks() throws Exception {
        // a cheap node runs on the caller, which waits inside parallelFor for its 100 blocks of 20 ms
        Output x = scalarPlaceholder(g, "x");
        Output blocks = g.nodeBuilder("CancelTestCheapBlocks").name("blocks").input(x).attr("blocks", 100L)
                .attr("millis", 20L).build().output(0);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (Session s = new Session(g, 2)) {
            Thread caller = new Thread(() -> {
                try {
                    s.runner().feed(x, Tensor.scalar(1.0)).fetch(blocks).run();
                } catch (Throwable t) {
                    thrown.set(t);
                }
            }, "cancel-test-busy-caller");
            caller.start();
            awaitTrue(() -> BLOCKS.containsKey("blocks") && BLOCKS.get("blocks").get() >= 4, 10, "blocks ran");
            caller.interrupt();
            caller.join(5000);
            assertFalse(caller.isAlive(), "the interrupted caller still waits for its blocks");
            RunCancelledException e = assertInstanceOf(RunCancelledException.class, thrown.get());
            assertTrue(e.getMessage().contains("the calling thread was interrupted"), e.getMessage());
            // the caller returned at once; the blocks already running end in the background
            Thread.sleep(200);
            int atRest = BLOCKS.get("blocks").get();
            assertTrue(atRest < 60, atRest + " of 100 blocks ran");
            Thread.sleep(200);
            assertEquals(atRest, BLOCKS.get("blocks").get(), "blocks still start after the interrupt");
        }
    }

    // ---------------------------------------------------------------- the pool and concurrent runs

    @Test
    void cancelledRunsLeakNoPoolThreadsAndClosingEndsThemAll() throws Exception {
        Output x = scalarPlaceholder(g, "x");
        Output end = chain("slow", "CancelTestSlow", 10, 30, x);
        Output wide = null;
        for (int b = 0; b < 4; b++) {
            Output c = chain("w" + b + "_", "CancelTestSlow", 5, 30, x);
            wide = wide == null ? c : named(g, "TestAdd", "wsum" + b, wide, c);
        }
        Session s = new Session(g, 2);
        try {
            assertEquals(1.0, s.runner().feed(x, Tensor.scalar(1.0)).fetch(end).run().get(0).getDouble());
            String prefix = workerPrefix();
            for (int i = 0; i < 10; i++) {
                Output fetched = i % 2 == 0 ? end : wide;
                assertThrows(RunTimeoutException.class, () -> s.runner().feed(x, Tensor.scalar(1.0)).fetch(fetched)
                        .timeout(Duration.ofMillis(45)).run());
                assertTrue(liveWorkers(prefix).size() <= 2, "pool of 2 has threads " + liveWorkers(prefix));
            }
            // the session still computes, and right
            assertEquals(4.0 * 3.0, s.runner().feed(x, Tensor.scalar(3.0)).fetch(wide).run().get(0).getDouble());
            assertTrue(liveWorkers(prefix).size() <= 2, "pool of 2 has threads " + liveWorkers(prefix));
            // a cancelled run's node still running in the background does not keep the pool alive
            assertThrows(RunTimeoutException.class, () -> s.runner().feed(x, Tensor.scalar(1.0)).fetch(end)
                    .timeout(Duration.ofMillis(10)).run());
            s.close();
            awaitTrue(() -> liveWorkers(prefix).isEmpty(), 10, "the closed session's pool threads end");
        } finally {
            s.close();
        }
    }

    @Test
    void cancellingOneRunLeavesAConcurrentRunOnTheSameSessionAlone() throws Exception {
        Output x = scalarPlaceholder(g, "x");
        Output longEnd = chain("long", "CancelTestSlow", 60, 50, x);
        Output y = scalarPlaceholder(g, "y");
        Output shortEnd = named(g, "TestAdd", "shortSum", chain("short", "CancelTestSlow", 4, 10, y), y);
        CancellationToken cancelled = new CancellationToken();
        CancellationToken other = new CancellationToken();
        executor = Executors.newFixedThreadPool(3);
        try (Session s = new Session(g, 3)) {
            Future<Result> victim = executor.submit(() -> s.runner().feed(x, Tensor.scalar(1.0)).fetch(longEnd)
                    .cancelWith(cancelled).run());
            AtomicInteger shortRuns = new AtomicInteger();
            Future<Integer> bystander = executor.submit(() -> {
                for (int i = 0; i < 30; i++) {
                    double v = s.runner().feed(y, Tensor.scalar((double) i)).fetch(shortEnd).cancelWith(other).run().get(0).getDouble();
                    if (v != 2.0 * i) {
                        throw new AssertionError("run " + i + " gave " + v);
                    }
                    shortRuns.incrementAndGet();
                }
                return shortRuns.get();
            });
            // a third run without a token, on the long chain, to the end of its first nodes
            Future<Double> third = executor.submit(() -> s.runner().feed(x, Tensor.scalar(8.0)).fetch("long2").run()
                    .get(0).getDouble());
            awaitTrue(() -> shortRuns.get() >= 5, 20, "the bystander ran");
            cancelled.cancel();
            ExecutionException e = assertThrows(ExecutionException.class, () -> victim.get(5, TimeUnit.SECONDS));
            assertInstanceOf(RunCancelledException.class, e.getCause());
            assertEquals(30, bystander.get(30, TimeUnit.SECONDS));
            assertEquals(8.0, third.get(30, TimeUnit.SECONDS));
            assertFalse(other.isCancelled());
        }
    }

    @Test
    void oneTokenCancelsEveryRunThatCarriesIt() throws Exception {
        Output x = scalarPlaceholder(g, "x");
        Output end = chain("slow", "CancelTestSlow", 40, 50, x);
        CancellationToken token = new CancellationToken();
        executor = Executors.newFixedThreadPool(3);
        try (Session s = new Session(g, 2); Session s2 = new Session(g, 1)) {
            List<Future<Result>> runs = new ArrayList<>();
            for (Session session : List.of(s, s, s2)) {
                runs.add(executor.submit(() -> session.runner().feed(x, Tensor.scalar(1.0)).fetch(end).cancelWith(token).run()));
            }
            awaitTrue(() -> STARTS.size() >= 3, 10, "the three runs started");
            token.cancel();
            for (Future<Result> f : runs) {
                ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
                assertInstanceOf(RunCancelledException.class, e.getCause());
            }
            assertEquals(0, token.runsAttached());
        }
    }

    @Test
    void runCancelledExceptionsAreFlowgraphExceptions() {
        RunTimeoutException t = new RunTimeoutException("late", Duration.ofSeconds(1));
        assertInstanceOf(RunCancelledException.class, t);
        assertInstanceOf(FlowgraphException.class, t);
        assertEquals(Duration.ofSeconds(1), t.timeout());
        assertEquals("late", t.getMessage());
    }
}
