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
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final Logger LOG = LoggerFactory.getLogger(Session.class);

    private final int id;
    private final Graph graph;
    private final ForkJoinPool pool;
    private final Cache<PlanKey, Plan> plans =
            CacheBuilder.newBuilder().maximumSize(ExecTuning.PLAN_CACHE_SIZE).build();
    private final AtomicLong plansCompiled = new AtomicLong();
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
        this.id = SESSION_IDS.incrementAndGet();
        AtomicInteger workers = new AtomicInteger();
        this.pool = new ForkJoinPool(threads, p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName("flowgraph-session-" + id + "-worker-" + workers.incrementAndGet());
            return t;
        }, null, false);
        LOG.debug("Session {} opened on a graph of {} nodes, with {} threads", id, graph.size(), threads);
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
     * Runs a request; {@code timeout} (counted from this call) and {@code token} may be null.
     * Called by {@link Runner#run()}.
     */
    Result run(List<Output> feeds, List<Tensor> feedValues, List<Output> fetches, List<Node> targets,
            Duration timeout, CancellationToken token, boolean trace) {
        long start = System.nanoTime();
        ensureOpen();
        if (graph.isClosed()) {
            throw new InvalidRunException("Cannot run: the session's graph has been closed");
        }
        PlanKey key = new PlanKey(feeds, fetches, targets);
        Plan plan = plans.getIfPresent(key);
        while (plan == null || plan.structureVersion() != graph.structureVersion()) {
            if (plan != null) {
                plans.asMap().remove(key, plan);
            }
            // computeIfAbsent compiles once however many threads ask for the same new signature.
            plan = plans.asMap().computeIfAbsent(key, k -> compile(feeds, fetches, targets));
        }
        Execution execution = Execution.prepare(plan, pool, feedValues.toArray(new Tensor[0]), start, timeout, trace);
        Tensor[] values;
        try {
            values = execute(execution, token);
        } catch (RuntimeException e) {
            // The caller gets the exception; the log line ties it to this session for whoever reads logs.
            LOG.debug("Session {}: a run of {} nodes failed: {}", id, plan.nodeCount(), e.toString());
            throw e;
        }
        return new Result(List.copyOf(fetches), values, trace ? execution.trace() : null);
    }

    private static Tensor[] execute(Execution execution, CancellationToken token) {
        if (token == null) {
            return execution.execute();
        }
        Runnable cancel = execution::cancel;
        token.register(cancel);
        try {
            return execution.execute();
        } finally {
            token.unregister(cancel);
        }
    }

    private Plan compile(List<Output> feeds, List<Output> fetches, List<Node> targets) {
        long start = System.nanoTime();
        Plan compiled = Plan.compile(graph, feeds, fetches, targets);
        plansCompiled.incrementAndGet();
        if (LOG.isDebugEnabled()) {
            LOG.debug("Session {} compiled a plan of {} of the graph's {} nodes ({} feeds, {} fetches, {} targets) "
                    + "in {} us", id, compiled.nodeCount(), graph.size(), feeds.size(), fetches.size(), targets.size(),
                    (System.nanoTime() - start) / 1_000);
        }
        return compiled;
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
        if (!closed) {
            LOG.debug("Session {} closed after compiling {} plans", id, plansCompiled.get());
        }
        closed = true;
        pool.shutdown();
    }
}
