package dev.flowgraph;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import dev.flowgraph.exec.ExecTuning;
import dev.flowgraph.exec.Execution;
import dev.flowgraph.exec.Plan;
import dev.flowgraph.exec.PlanKey;
import dev.flowgraph.exec.SessionPool;
import dev.flowgraph.exec.VariableStore;
import dev.flowgraph.spi.OutputSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link Graph}: feeds values in, computes only what the requested outputs need, and
 * fetches the results.
 *
 * <p>Each distinct request (fed outputs, fetched outputs, targets) is compiled once into a plan
 * that is cached (the {@value dev.flowgraph.exec.ExecTuning#PLAN_CACHE_SIZE} most recently used
 * are kept); a run then schedules nodes as their inputs become ready, cheap ones on the
 * calling thread and heavy ones on the session's pool of threads ({@link SessionPool}).
 * Thread-safe: many threads may run one session at once. Results are bit-identical whatever the
 * pool size. A run can carry a timeout and be cancelled from another thread ({@link
 * Runner#timeout}, {@link Runner#cancelWith}); the session stays usable after a failed,
 * cancelled or timed-out run.
 *
 * <p>The session holds the values of the graph's variables ({@link Graph#variables()}): they
 * start without a value, are set by assign ops in runs (an initializer is such an op) or by
 * {@link #restoreVariables}, and are read by {@link #variableValues()}. Two sessions over one
 * graph hold independent values.
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
    /** What a run that fetches nothing (only targets) returns, shared since it cannot change. */
    private static final Tensor[] NO_VALUES = {};

    private final int id;
    private final Graph graph;
    private final SessionPool pool;
    private final Cache<PlanKey, Plan> plans =
            CacheBuilder.newBuilder().maximumSize(ExecTuning.PLAN_CACHE_SIZE).build();
    private final AtomicLong plansCompiled = new AtomicLong();
    /** Recently used plans by request hash, in front of {@link #plans}; see {@link #plan}. */
    private final Plan[] recentPlans = new Plan[ExecTuning.RECENT_PLANS];
    private final VariableStore variables = new VariableStore();
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
        this.pool = new SessionPool(threads, "flowgraph-session-" + id + "-worker-");
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
        Execution execution = Execution.prepare(plan, pool, variables, feedValues, start, timeout, trace);
        try {
            complete(execution, token);
        } catch (RuntimeException e) {
            // The caller gets the exception; the log line ties it to this session for whoever reads logs.
            LOG.debug("Session {}: a run of {} nodes failed: {}", id, plan.nodeCount(), e.toString());
            throw e;
        }
        int fetched = plan.fetches().size();
        Object values;
        if (fetched == 1) {
            values = execution.fetched(0);
        } else {
            Tensor[] all = fetched == 0 ? NO_VALUES : new Tensor[fetched];
            for (int i = 0; i < fetched; i++) {
                all[i] = execution.fetched(i);
            }
            values = all;
        }
        Result result = new Result(plan.fetches(), values, trace ? execution.trace() : null);
        if (token == null) {
            // With a token, a cancel() racing with the run's end could reach the plan's next run.
            execution.recycle();
        }
        return result;
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
            plan = plans.asMap().computeIfAbsent(key, k -> compile(feedList, fetchList, targetList));
        }
        recentPlans[at] = plan;
        return plan;
    }

    private static void complete(Execution execution, CancellationToken token) {
        if (token == null) {
            execution.complete();
            return;
        }
        Runnable cancel = execution::cancel;
        token.register(cancel);
        try {
            execution.complete();
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

    /**
     * Returns the current value of every variable that has one in this session: a consistent
     * view of each variable (a whole tensor, never a half-assigned one), though runs going on
     * meanwhile may change some variables before and others after the snapshot. This is what a
     * checkpoint saves.
     *
     * @return values by variable name, in the order the variables were added to the graph
     */
    public Map<String, Tensor> variableValues() {
        ensureOpen();
        Map<String, Tensor> snapshot = new LinkedHashMap<>();
        for (Node v : graph.variables()) {
            Tensor value = variables.get(v);
            if (value != null) {
                snapshot.put(v.name(), value);
            }
        }
        return Collections.unmodifiableMap(snapshot);
    }

    /**
     * Returns the names of the variables that have no value in this session yet; a run that
     * reads one of them fails with {@link UninitializedVariableException}.
     *
     * @return the names, in the order the variables were added to the graph
     */
    public List<String> uninitializedVariables() {
        ensureOpen();
        return graph.variables().stream().filter(v -> variables.get(v) == null).map(Node::name)
                .collect(Collectors.toUnmodifiableList());
    }

    /**
     * Sets the values of the named variables, all or nothing: every entry is checked first (the
     * name is a variable of the graph, the dtype and shape are the variable's), and if any is
     * wrong nothing changes. Variables not named keep their values. This is what restoring a
     * checkpoint does; tensors are kept, not copied (they are immutable). Runs going on meanwhile
     * may see some variables before and others after the restore.
     *
     * @param values the values by variable name
     * @throws UnknownNameException if a name is not a node of the graph (with the nearest
     *     variable names) or names a node that is not a variable; nothing was changed
     * @throws FlowgraphException if a value's dtype or shape differs from its variable's; the
     *     message names the variable and both dtypes and shapes; nothing was changed
     */
    public void restoreVariables(Map<String, Tensor> values) {
        checkNotNull(values, "values");
        ensureOpen();
        List<Node> all = graph.variables();
        Map<String, Node> byName = new LinkedHashMap<>();
        for (Node v : all) {
            byName.put(v.name(), v);
        }
        Map<Node, Tensor> checked = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : values.entrySet()) {
            String name = checkNotNull(e.getKey(), "a variable name is null");
            Tensor value = checkNotNull(e.getValue(), "the value of '%s' is null", name);
            Node v = byName.get(name);
            if (v == null) {
                String what = graph.hasNode(name) ? "'" + name + "' is a " + graph.node(name).opType()
                        + " node, not a variable" : "the graph has no variable named '" + name + "'";
                throw new UnknownNameException("Cannot restore variables: " + what
                        + Suggestions.didYouMean(name, byName.keySet()) + "; nothing was changed");
            }
            OutputSpec spec = v.output(0).spec();
            if (value.dtype() != spec.dtype() || !value.shape().equals(spec.shape())) {
                throw new FlowgraphException("Cannot restore variables: variable '" + name + "' is " + spec
                        + " but the value given is " + value.dtype() + value.shape() + "; nothing was changed");
            }
            checked.put(v, value);
        }
        checked.forEach(variables::put);
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
