package dev.flowgraph;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import dev.flowgraph.exec.ExecTuning;
import dev.flowgraph.exec.Execution;
import dev.flowgraph.exec.Plan;
import dev.flowgraph.exec.PlanKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a {@link Graph}: feeds values in, computes only what the requested outputs need, and
 * fetches the results.
 *
 * <p>Each distinct request (fed outputs, fetched outputs, targets) is compiled once into a plan
 * that is cached (the {@value dev.flowgraph.exec.ExecTuning#PLAN_CACHE_SIZE} most recently used
 * are kept); a run then schedules nodes as their inputs become ready, cheap ones on the
 * calling thread and heavy ones on the session's fork/join pool. Thread-safe: many threads may
 * run one session at once. Results are bit-identical whatever the pool size. A run can carry a
 * timeout and be cancelled from another thread ({@link Runner#timeout}, {@link Runner#cancelWith});
 * the session stays usable after a failed, cancelled or timed-out run.
 *
 * <pre>{@code
 * try (Graph g = new Graph(); Session s = new Session(g, 4)) {
 *     Ops tf = Ops.on(g);
 *     Output a = tf.placeholder("a", DType.FLOAT64, Shape.scalar());
 *     tf.withName("twice").mul(a, tf.constant(2.0));
 *     Tensor t = s.runner().feed("a", Tensor.scalar(21.0)).fetch("twice").run().get("twice");
 *     t.getDouble();   // 42.0
 * }
 * }</pre>
 */
public final class Session implements AutoCloseable {
    private static final AtomicInteger SESSION_IDS = new AtomicInteger();

    private final Graph graph;
    private final ForkJoinPool pool;
    private final Cache<PlanKey, Plan> plans =
            CacheBuilder.newBuilder().maximumSize(ExecTuning.PLAN_CACHE_SIZE).build();
    private final AtomicLong plansCompiled = new AtomicLong();
    /** Recently used plans by request hash, in front of {@link #plans}; see {@link #plan}. */
    private final Plan[] recentPlans = new Plan[ExecTuning.RECENT_PLANS];
    private volatile boolean closed;

    /**
     * Opens a session whose pool has one thread per available processor.
     *
     * @param graph the graph to run; nodes may still be added to it later
     * @throws FlowgraphException if the graph is closed
     */
    public Session(Graph graph) {
        this(graph, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Opens a session with a pool of {@code threads} threads.
     *
     * @param graph the graph to run; nodes may still be added to it later
     * @param threads the pool size, at least 1: how many threads run heavy nodes and kernel blocks
     * @throws IllegalArgumentException if {@code threads} is below 1
     * @throws FlowgraphException if the graph is closed
     */
    public Session(Graph graph, int threads) {
        this.graph = checkNotNull(graph, "graph");
        checkArgument(threads >= 1, "a session needs at least 1 thread, not %s", threads);
        if (graph.isClosed()) {
            throw new FlowgraphException("Cannot open a session: the graph is closed");
        }
        int id = SESSION_IDS.incrementAndGet();
        AtomicInteger workers = new AtomicInteger();
        this.pool = new ForkJoinPool(threads, p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName("flowgraph-session-" + id + "-worker-" + workers.incrementAndGet());
            return t;
        }, null, false);
    }

    /**
     * Returns the graph this session runs.
     *
     * @return the graph
     */
    public Graph graph() {
        return graph;
    }

    /**
     * Returns the pool size.
     *
     * @return the number of pool threads
     */
    public int threads() {
        return pool.getParallelism();
    }

    /**
     * Starts describing a run.
     *
     * @return a new runner; runners are cheap and used by one thread
     * @throws SessionClosedException if the session is closed
     */
    public Runner runner() {
        ensureOpen();
        return new Runner(this);
    }

    /**
     * Runs a request given as the used prefixes of the runner's arrays; {@code timeout} (counted
     * from this call) and {@code token} may be null. Called by {@link Runner#run()}.
     */
    Result run(Output[] feeds, Tensor[] feedValues, int feedCount, Output[] fetches, int fetchCount, Node[] targets,
            int targetCount, Duration timeout, CancellationToken token, boolean trace) {
        long start = System.nanoTime();
        ensureOpen();
        if (graph.isClosed()) {
            throw new InvalidRunException("Cannot run: the session's graph has been closed");
        }
        Plan plan = plan(feeds, feedCount, fetches, fetchCount, targets, targetCount);
        Execution execution = Execution.prepare(plan, pool, feedValues, start, timeout, trace);
        Tensor[] values;
        if (token == null) {
            values = execution.execute();
        } else {
            Runnable cancel = execution::cancel;
            token.register(cancel);
            try {
                values = execution.execute();
            } finally {
                token.unregister(cancel);
            }
        }
        return new Result(plan.fetches(), values, trace ? execution.trace() : null);
    }

    /**
     * Finds the plan of a request: first in the small table of recent plans, compared element by
     * element without allocating or locking; otherwise in the plan cache, compiling it if needed.
     */
    private Plan plan(Output[] feeds, int feedCount, Output[] fetches, int fetchCount, Node[] targets,
            int targetCount) {
        int hash = PlanKey.hash(feeds, feedCount, fetches, fetchCount, targets, targetCount);
        int at = hash & (recentPlans.length - 1);
        // A racy read is safe: plans are immutable (final fields), and a stale entry only misses.
        Plan recent = recentPlans[at];
        if (recent != null && recent.structureVersion() == graph.structureVersion()
                && recent.matches(hash, feeds, feedCount, fetches, fetchCount, targets, targetCount)) {
            return recent;
        }
        List<Output> feedList = List.of(Arrays.copyOf(feeds, feedCount));
        List<Output> fetchList = List.of(Arrays.copyOf(fetches, fetchCount));
        List<Node> targetList = List.of(Arrays.copyOf(targets, targetCount));
        PlanKey key = new PlanKey(feedList, fetchList, targetList);
        Plan plan = plans.getIfPresent(key);
        while (plan == null || plan.structureVersion() != graph.structureVersion()) {
            if (plan != null) {
                plans.asMap().remove(key, plan);
            }
            // computeIfAbsent compiles once however many threads ask for the same new signature.
            plan = plans.asMap().computeIfAbsent(key, k -> {
                Plan compiled = Plan.compile(graph, feedList, fetchList, targetList);
                plansCompiled.incrementAndGet();
                return compiled;
            });
        }
        recentPlans[at] = plan;
        return plan;
    }

    /** The number of plans cached now. */
    long planCacheSize() {
        return plans.size();
    }

    /** The number of plans compiled so far; a repeated request reuses its plan. */
    long plansCompiled() {
        return plansCompiled.get();
    }

    private void ensureOpen() {
        if (closed) {
            throw new SessionClosedException("The session is closed");
        }
    }

    /**
     * Tells whether {@link #close()} has been called.
     *
     * @return true once closed
     */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes the session: new runs are refused, the pool stops accepting work and its threads end
     * once the nodes already given to it are done. A run that still needs the pool fails with
     * {@link SessionClosedException}. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        pool.shutdown();
    }
}
