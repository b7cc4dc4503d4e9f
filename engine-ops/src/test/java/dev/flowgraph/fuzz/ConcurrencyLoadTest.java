package dev.flowgraph.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.Output;
import dev.flowgraph.Runner;
import dev.flowgraph.Session;
import dev.flowgraph.SessionClosedException;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.spi.OutputSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One session under load: 32 threads run thousands of requests at once, each with its own feed
 * values, its own fetch set and its own fed intermediates, so that plans are compiled while other
 * runs execute. Every result is compared bit for bit with the {@link ReferenceInterpreter}'s for
 * the same request, so a lost, stale or crossed result fails the test. Every wait is bounded.
 */
class ConcurrencyLoadTest {
    private static final int THREADS = 32;
    private static final int RUNS_PER_THREAD = 64;

    private Graph graph;
    private final List<Output> placeholders = new ArrayList<>();
    private final List<Output> nodes = new ArrayList<>();
    private ExecutorService callers;

    @BeforeEach
    void buildGraph() {
        graph = new Graph();
        Ops tf = Ops.on(graph);
        // Large enough (16,900 elements) that its consumers go to the pool and split into blocks.
        Output big = tf.placeholder("big", DType.FLOAT64, Shape.of(130, 130));
        Output row = tf.placeholder("row", DType.FLOAT64, Shape.of(130));
        Output w = tf.placeholder("w", DType.FLOAT64, Shape.of(130, 8));
        Output k = tf.placeholder("k", DType.INT32, Shape.of(4, 1));
        placeholders.addAll(List.of(big, row, w, k));
        Output scaled = tf.withName("scaled").mul(big, row);
        Output act = tf.withName("act").tanh(scaled);
        Output proj = tf.withName("proj").matMul(act, w);
        Output soft = tf.withName("soft").softmax(proj, 1);
        Output colSum = tf.withName("colSum").sum(act, new int[] {0}, false);
        Output total = tf.withName("total").mean(soft);
        Output both = tf.withName("both").add(colSum, row);
        Output big2 = tf.withName("big2").sub(act, tf.transpose(scaled));
        Output peak = tf.withName("peak").max(big2, new int[] {1}, true);
        Output kk = tf.withName("kk").mul(k, tf.transpose(k));
        Output kSum = tf.withName("kSum").sum(kk);
        Output mixed = tf.withName("mixed").add(total, tf.cast(kSum, DType.FLOAT64));
        nodes.addAll(List.of(scaled, act, proj, soft, colSum, total, both, big2, peak, kk, kSum, mixed));
        callers = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void close() throws InterruptedException {
        callers.shutdownNow();
        assertTrue(callers.awaitTermination(30, TimeUnit.SECONDS), "caller threads did not end");
        graph.close();
    }

    /** One random request: fetches, fed intermediates and the values of everything fed. */
    private Map<Output, Tensor> randomFeeds(SplittableRandom rng, List<Output> fetches) {
        int fetchMask = 1 + rng.nextInt((1 << nodes.size()) - 1);
        for (int i = 0; i < nodes.size(); i++) {
            if ((fetchMask & (1 << i)) != 0) {
                fetches.add(nodes.get(i));
            }
        }
        Map<Output, Tensor> feeds = new LinkedHashMap<>();
        for (Output p : placeholders) {
            feeds.put(p, FuzzCase.value(p.spec(), rng));
        }
        if (rng.nextInt(3) == 0) {
            Output fed = nodes.get(rng.nextInt(nodes.size()));
            feeds.put(fed, FuzzCase.value(new OutputSpec(fed.dtype(), fed.shape()), rng));
        }
        return feeds;
    }

    private static List<Tensor> run(Session s, Map<Output, Tensor> feeds, List<Output> fetches) {
        Runner r = s.runner();
        feeds.forEach(r::feed);
        fetches.forEach(r::fetch);
        List<Tensor> out = new ArrayList<>();
        r.run().forEach(out::add);
        return out;
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void thirtyTwoThreadsGetTheirOwnCorrectResults() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        try (Session session = new Session(graph, 4)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long seed = t;
                futures.add(callers.submit(() -> {
                    start.await();
                    SplittableRandom rng = new SplittableRandom(seed);
                    for (int i = 0; i < RUNS_PER_THREAD; i++) {
                        List<Output> fetches = new ArrayList<>();
                        Map<Output, Tensor> feeds = randomFeeds(rng, fetches);
                        List<Tensor> actual = run(session, feeds, fetches);
                        List<Tensor> expected = ReferenceInterpreter.run(graph, feeds, fetches);
                        for (int f = 0; f < fetches.size(); f++) {
                            if (!expected.get(f).equals(actual.get(f))) {
                                throw new AssertionError("thread " + seed + " run " + i + ": " + fetches.get(f).name()
                                        + " expected " + expected.get(f) + " but got " + actual.get(f));
                            }
                        }
                        runs.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                try {
                    f.get(100, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    fail(e.getCause());
                }
            }
        }
        assertEquals(THREADS * RUNS_PER_THREAD, runs.get());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void closingUnderLoadCompletesOrFailsEveryRunAndNeverHangs() throws Exception {
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Session session = new Session(graph, 4);
        CountDownLatch someDone = new CountDownLatch(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            long seed = 1000 + t;
            futures.add(callers.submit(() -> {
                SplittableRandom rng = new SplittableRandom(seed);
                boolean counted = false;
                while (true) {
                    List<Output> fetches = new ArrayList<>();
                    Map<Output, Tensor> feeds = randomFeeds(rng, fetches);
                    List<Tensor> actual;
                    try {
                        actual = run(session, feeds, fetches);
                    } catch (SessionClosedException e) {
                        assertTrue(e.getMessage().contains("closed"), e.getMessage());
                        refused.incrementAndGet();
                        if (!counted) {
                            someDone.countDown();
                        }
                        return null;
                    }
                    // A run that completes, even across the close, has correct results.
                    assertEquals(ReferenceInterpreter.run(graph, feeds, fetches), actual);
                    completed.incrementAndGet();
                    if (!counted) {
                        counted = true;
                        someDone.countDown();
                    }
                }
            }));
        }
        assertTrue(someDone.await(60, TimeUnit.SECONDS), "not every thread completed a run");
        session.close();
        for (Future<?> f : futures) {
            try {
                f.get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                fail(e.getCause());
            }
        }
        assertEquals(THREADS, refused.get(), "every thread ends with a refused run");
        assertTrue(completed.get() >= THREADS, "completed " + completed.get());
    }
}
