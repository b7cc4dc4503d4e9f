package dev.flowgraph.exec;

import dev.flowgraph.KernelException;
import dev.flowgraph.Node;
import dev.flowgraph.RunCancelledException;
import dev.flowgraph.RunTimeoutException;
import dev.flowgraph.RunTrace;
import dev.flowgraph.SessionClosedException;
import dev.flowgraph.Tensor;
import dev.flowgraph.UninitializedVariableException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One run of a {@link Plan}: the per-run state and the dataflow scheduling loop.
 *
 * <p>Every node starts with its plan's pending-input count; a finishing node decrements its
 * consumers' counts, and a consumer whose count reaches zero is dispatched at once. Cheap
 * (inline) nodes run on the thread that made them ready. An expensive node made ready on a pool
 * thread continues on that thread if it holds no other expensive work; every other expensive
 * node goes to the pool, so the caller's thread runs only cheap nodes and the pool's size is the
 * number of threads doing heavy work. The caller waits, parked, until no node is in flight.
 *
 * <p>Stopping: the first failing node, {@link #cancel()}, an interrupt of the caller or the
 * deadline sets the run's outcome, and every thread checks it before it starts a node and before
 * each {@code parallelFor} block. After a failure the caller waits for the nodes in flight; after
 * a cancellation, an interrupt or the deadline it returns at once, and the nodes still running
 * finish in the background into this execution's own slots, which nobody reads any more.
 *
 * <p>Visibility: a slot is written before its producer decrements the consumers' atomic counts,
 * and read after the consumer saw its count reach zero, so the atomic counts order every slot
 * write before its reads.
 *
 * <p>Tracing: when asked for, each node's start, end, thread and outputs are written into a
 * per-node array by the thread that ran the node, before it counts the node finished, and read
 * by the caller after the in-flight count reached zero, the same ordering as for slots. When not
 * asked for, the arrays are not allocated and a node costs one null check.
 */
public final class Execution {
    /** Why a run was stopped from outside its nodes. */
    private enum Stop { CANCELLED, INTERRUPTED, TIMED_OUT }

    private static final int NOT_STARTED = 0;
    private static final int RUNNING = 1;
    private static final int DONE = 2;
    /** Ended by an exception after the run had stopped: a kernel cut short between its blocks. */
    private static final int CUT_SHORT = 3;
    /** How many still-running nodes a cancellation message names. */
    private static final int NAMED_RUNNING = 5;
    /** The processors the JVM may use, read once: whether a waiting caller may spin on one. */
    private static final int PROCESSORS = Runtime.getRuntime().availableProcessors();

    private final Plan plan;
    private final SessionPool pool;
    private final VariableStore variables;
    /** The run's caller; null while the execution waits, recycled, for its next run. */
    private Thread caller;
    private final Tensor[] slots;
    /**
     * The run's counters, laid out as {@link Plan#counters}: per node its pending-input count
     * (from {@code 0}), per slot its reader count (from {@link #readersAt}), per node its state,
     * NOT_STARTED, RUNNING, DONE or CUT_SHORT, read only to describe a stopped run (from
     * {@link #stateAt}). One array updated through {@link #COUNTERS} rather than atomic objects,
     * so a run allocates little.
     */
    private final int[] counters;
    private final int readersAt;
    private final int stateAt;
    /** Nodes dispatched and not yet finished; updated through {@link #IN_FLIGHT}. */
    private volatile int inFlight;
    /**
     * Null while the run goes on; then the first failure (a RuntimeException) or a {@link Stop}.
     * Set through {@link #OUTCOME}.
     */
    private volatile Object outcome;
    /** The node that finished last, or -1; written in order, read only to describe a stopped run. */
    private volatile int lastDone = -1;
    private long startNanos;
    private Duration timeout;
    private boolean hasDeadline;
    private long deadline;
    /** Set when the caller must stop waiting for the nodes in flight. */
    private volatile boolean released;
    /**
     * Per node, what tracing recorded, and in one last slot when {@link #complete()} finished the
     * fetched values (the run's wall time); null when the run is not traced. Keeping the end time
     * in this array rather than in fields of its own leaves an untraced run with one null field
     * and no clock read, which is what makes tracing free when it is off.
     */
    private NodeRecord[] records;
    /**
     * The caller's ready stack and kernel context, made by the first run that has nodes to run and
     * kept for the next runs of a recycled execution.
     */
    private ReadyStack callerStack;
    private NodeContext callerContext;

    /**
     * What a traced run recorded of one node: descriptions rather than the tensors, so that
     * tracing does not keep values alive that the run would have dropped.
     */
    private record NodeRecord(long start, long end, String thread, List<String> outputs, long bytes) { }

    private static final VarHandle COUNTERS = MethodHandles.arrayElementVarHandle(int[].class);
    private static final VarHandle IN_FLIGHT;
    private static final VarHandle OUTCOME;
    private static final VarHandle LAST_DONE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            IN_FLIGHT = lookup.findVarHandle(Execution.class, "inFlight", int.class);
            OUTCOME = lookup.findVarHandle(Execution.class, "outcome", Object.class);
            LAST_DONE = lookup.findVarHandle(Execution.class, "lastDone", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Execution(Plan plan, SessionPool pool, VariableStore variables) {
        this.plan = plan;
        this.pool = pool;
        this.variables = variables;
        this.slots = new Tensor[plan.slotCount];
        this.counters = plan.counters.clone();
        this.readersAt = plan.nodes.length;
        this.stateAt = plan.nodes.length + plan.slotCount;
    }

    /** Sets what is particular to one run, on a new or a recycled execution. */
    private Execution start(Tensor[] feeds, long startNanos, Duration timeout, boolean trace) {
        this.caller = Thread.currentThread();
        System.arraycopy(feeds, 0, slots, 0, plan.feedCount);
        this.startNanos = startNanos;
        this.timeout = timeout;
        this.hasDeadline = timeout != null;
        // Capped so that start + timeout cannot overflow; 2^62 ns is about 146 years.
        this.deadline = hasDeadline ? startNanos + Math.min(saturatedNanos(timeout), 1L << 62) : 0;
        this.records = trace ? new NodeRecord[plan.nodes.length + 1] : null;
        return this;
    }

    /**
     * Runs a plan on the calling thread and the pool, and returns the fetched values. The run has
     * a variable store of its own, initially empty.
     *
     * @param plan the compiled plan
     * @param pool the session's pool
     * @param feeds the fed values, in the plan's feed order, already checked
     * @return the fetched values, in fetch order
     * @throws KernelException if a node fails; no node is started after the failure
     * @throws SessionClosedException if the pool was shut down while the run needed it
     * @throws RunCancelledException if the calling thread is interrupted
     */
    public static Tensor[] run(Plan plan, SessionPool pool, Tensor[] feeds) {
        return new Execution(plan, pool, new VariableStore()).start(feeds, System.nanoTime(), null, false).execute();
    }

    /**
     * Prepares a run whose caller is the current thread, which must then call {@link #execute()}
     * or {@link #complete()}. {@link #cancel()} may be called from any thread, before or during
     * {@code execute}. The run has a variable store of its own, initially empty.
     *
     * @param plan the compiled plan
     * @param pool the session's pool
     * @param feeds the fed values, in the plan's feed order, already checked
     * @param startNanos when the run was asked for, by {@link System#nanoTime()}
     * @param timeout how long after {@code startNanos} the run may last, or null for no limit
     * @return the prepared run
     */
    public static Execution prepare(Plan plan, SessionPool pool, Tensor[] feeds, long startNanos, Duration timeout) {
        return new Execution(plan, pool, new VariableStore()).start(feeds, startNanos, timeout, false);
    }

    /**
     * Prepares a run as {@link #prepare(Plan, SessionPool, Tensor[], long, Duration)} does, over
     * the session's variable values, and records its timeline if {@code trace} is true;
     * {@link #trace()} returns it after {@link #complete()} returned. The run reuses the state of
     * an earlier completed run of the plan that was {@link #recycle() recycled}, if one is free.
     *
     * @param plan the compiled plan
     * @param pool the session's pool
     * @param variables the session's variable values, which the run reads and assigns
     * @param feeds the fed values, in the plan's feed order, already checked
     * @param startNanos when the run was asked for, by {@link System#nanoTime()}
     * @param timeout how long after {@code startNanos} the run may last, or null for no limit
     * @param trace whether to record every node's start, end, thread and outputs
     * @return the prepared run
     */
    public static Execution prepare(Plan plan, SessionPool pool, VariableStore variables, Tensor[] feeds,
            long startNanos, Duration timeout, boolean trace) {
        Execution spare = plan.takeSpare();
        Execution run = spare != null && spare.pool == pool && spare.variables == variables ? spare
                : new Execution(plan, pool, variables);
        return run.start(feeds, startNanos, timeout, trace);
    }

    /**
     * Hands this execution back to its plan for the plan's next run, once its caller has read
     * the fetched values and the trace: a run of small tensors is mostly bookkeeping, and this
     * spares it allocating its slots, counters, ready stack and kernel context again. Only a run
     * that {@link #complete()} completed is recycled: after a failure or a stop, nodes may still
     * run in the background and write into its slots. The slots are cleared, so the plan keeps
     * no value alive. The caller must not use the execution afterwards, {@link #cancel()}
     * included (so a run that a {@link dev.flowgraph.CancellationToken} can still reach must not
     * be recycled); a second call does nothing.
     */
    public void recycle() {
        if (caller == null || outcome != null || inFlight != 0) {
            return;
        }
        caller = null;
        Arrays.fill(slots, null);
        System.arraycopy(plan.counters, 0, counters, 0, counters.length);
        lastDone = -1;
        released = false;
        timeout = null;
        records = null;
        if (callerContext != null) {
            callerContext.clear();
        }
        plan.offerSpare(this);
    }

    /**
     * Returns the timeline of a traced run that {@link #complete()} completed.
     *
     * @return one span per node of the plan, times counted from the run's start
     * @throws IllegalStateException if the run was not prepared with tracing, or has not completed
     */
    public RunTrace trace() {
        if (records == null) {
            throw new IllegalStateException("This run was not traced: prepare it with trace = true");
        }
        if (records[plan.nodes.length] == null) {
            throw new IllegalStateException("The run has not completed, so it has no trace");
        }
        // What each node waited for, from the plan's consumer lists (fed values are not waited for).
        List<List<String>> waitedFor = new ArrayList<>(plan.nodes.length);
        for (int j = 0; j < plan.nodes.length; j++) {
            waitedFor.add(new ArrayList<>());
        }
        for (int j = 0; j < plan.nodes.length; j++) {
            for (int c : plan.consumers[j]) {
                List<String> in = waitedFor.get(c);
                if (!in.contains(plan.nodes[j].name())) {
                    in.add(plan.nodes[j].name());
                }
            }
        }
        List<RunTrace.Span> spans = new ArrayList<>(plan.nodes.length);
        for (int j = 0; j < plan.nodes.length; j++) {
            NodeRecord r = records[j];
            if (r == null) {
                // A completed run ran every node of its plan; this only guards the trace's shape.
                continue;
            }
            Node node = plan.nodes[j];
            spans.add(new RunTrace.Span(node.name(), node.opType(), r.start() - startNanos, r.end() - startNanos,
                    r.thread(), r.outputs(), r.bytes(), waitedFor.get(j)));
        }
        return RunTrace.of(spans, records[plan.nodes.length].end() - startNanos);
    }

    /**
     * Cancels the run: no node starts any more, and the caller's {@link #complete()} throws
     * {@link RunCancelledException} at once. Does nothing if the run already failed or stopped.
     */
    public void cancel() {
        stop(Stop.CANCELLED);
    }

    /**
     * Runs the prepared plan on the calling thread, which must be the one that prepared it, and
     * the pool.
     *
     * @return the fetched values, in fetch order
     * @throws KernelException if a node fails; no node is started after the failure
     * @throws SessionClosedException if the pool was shut down while the run needed it
     * @throws RunTimeoutException if the run passed its timeout
     * @throws RunCancelledException if the run was cancelled or the calling thread interrupted;
     *     the interrupt flag stays set
     */
    public Tensor[] execute() {
        complete();
        Tensor[] out = new Tensor[plan.fetchSlots.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = fetched(i);
        }
        return out;
    }

    /**
     * Runs the prepared plan as {@link #execute()} does, without gathering the fetched values
     * into an array: read them with {@link #fetched(int)}.
     *
     * @throws KernelException if a node fails; no node is started after the failure
     * @throws SessionClosedException if the pool was shut down while the run needed it
     * @throws RunTimeoutException if the run passed its timeout
     * @throws RunCancelledException if the run was cancelled or the calling thread interrupted;
     *     the interrupt flag stays set
     */
    public void complete() {
        if (caller.isInterrupted()) {
            stop(Stop.INTERRUPTED);
        }
        int[] roots = plan.roots;
        if (roots.length > 0 && outcome == null) {
            inFlight = roots.length;
            if (callerStack == null) {
                callerStack = new ReadyStack(plan.inline);
            }
            for (int r : roots) {
                dispatch(r, callerStack, true);
            }
            drain(callerStack, true);
            awaitNodes();
        }
        Object o = outcome;
        if (o instanceof RuntimeException) {
            throw (RuntimeException) o;
        }
        if (o != null) {
            throw stopped((Stop) o);
        }
        if (records != null) {
            long end = System.nanoTime();
            records[plan.nodes.length] = new NodeRecord(end, end, "", List.of(), 0);
        }
    }

    /**
     * Returns a fetched value of a run that {@link #complete()} completed, until {@link #recycle()}.
     *
     * @param i the fetch's position, in fetch order
     * @return the value
     */
    public Tensor fetched(int i) {
        return slots[plan.fetchSlots[i]];
    }

    /**
     * Parks the caller until no node is in flight, or until the run is cancelled, the caller
     * interrupted or the deadline passed. The interrupt flag is never cleared: park returns at
     * once while it is set, and the run then stops, so the wait cannot spin.
     *
     * <p>The caller first spins, yielding at each turn: a parked caller takes tens of
     * microseconds to be woken on a virtual machine, as much as a whole node of a million
     * elements saves by running on the pool, while a spinning one sees its last node end at once.
     * Where the pool leaves a processor free (fewer pool threads than processors), it spins for
     * up to {@link ExecTuning#POOL_SPIN_NANOS}; where the pool has a thread per processor, the
     * spin takes processor time from the pool, so it lasts only {@link
     * ExecTuning#CALLER_SPIN_NANOS}, enough for a short run to end.
     */
    private void awaitNodes() {
        long spin = pool.getParallelism() < PROCESSORS ? ExecTuning.POOL_SPIN_NANOS : ExecTuning.CALLER_SPIN_NANOS;
        long start = System.nanoTime();
        while (inFlight != 0 && !released && !caller.isInterrupted() && System.nanoTime() - start < spin
                && (!hasDeadline || System.nanoTime() - deadline < 0)) {
            Thread.yield();
        }
        while (inFlight != 0 && !released) {
            if (caller.isInterrupted()) {
                stop(Stop.INTERRUPTED);
            } else if (!hasDeadline) {
                LockSupport.park(this);
            } else {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    stop(Stop.TIMED_OUT);
                } else {
                    LockSupport.parkNanos(this, left);
                }
            }
        }
    }

    /**
     * Tells whether nodes must no longer start, first noticing an interrupt of the caller or a
     * passed deadline. Called before every node and every {@code parallelFor} block, on any
     * thread: a pool thread notices the caller's interrupt too, even while the caller itself is
     * busy in a kernel.
     */
    boolean stopRequested() {
        if (outcome != null) {
            return true;
        }
        if (caller.isInterrupted()) {
            stop(Stop.INTERRUPTED);
            return true;
        }
        if (hasDeadline && System.nanoTime() - deadline >= 0) {
            stop(Stop.TIMED_OUT);
            return true;
        }
        return false;
    }

    private void stop(Stop why) {
        OUTCOME.compareAndSet(this, null, why);
        // Even after a node's failure: a cancel, interrupt or deadline means the caller waits no more.
        released = true;
        if (Thread.currentThread() != caller) {
            LockSupport.unpark(caller);
        }
    }

    private void dispatch(int node, ReadyStack local, boolean onCaller) {
        if (plan.inline[node] || (!onCaller && !local.holdsExpensive())) {
            local.push(node);
            return;
        }
        if (outcome != null) {
            // Stopped: a task would only skip the node, so the pool is not given one.
            finishOne();
            return;
        }
        try {
            pool.execute(() -> {
                ReadyStack mine = new ReadyStack(plan.inline);
                mine.push(node);
                drain(mine, false);
            });
        } catch (RejectedExecutionException e) {
            OUTCOME.compareAndSet(this, null, new SessionClosedException(
                    "The session was closed while a run needed its pool; node '" + plan.nodes[node].name()
                            + "' did not run"));
            finishOne();
        }
    }

    private void drain(ReadyStack local, boolean onCaller) {
        // One context per draining thread, bound to each node in turn: kernels do not keep it.
        NodeContext context = onCaller ? callerContext() : new NodeContext(pool, this, variables, slots, plan);
        while (!local.isEmpty()) {
            int node = local.pop();
            try {
                // Marked running before the check (a volatile write, then reads), so that a node
                // that starts after a stop was requested is seen as running by whoever describes it.
                COUNTERS.setVolatile(counters, stateAt + node, RUNNING);
                if (stopRequested()) {
                    COUNTERS.setRelease(counters, stateAt + node, NOT_STARTED);
                } else {
                    if (records == null) {
                        compute(node, context);
                    } else {
                        computeTraced(node, context);
                    }
                    release(node);
                    // Ordered writes suffice: only a message reads these, after the run stopped.
                    COUNTERS.setRelease(counters, stateAt + node, DONE);
                    LAST_DONE.setRelease(this, node);
                    for (int c : plan.consumers[node]) {
                        if ((int) COUNTERS.getAndAdd(counters, c, -1) == 1) {
                            // Counted before dispatch so that inFlight cannot reach zero while work remains.
                            IN_FLIGHT.getAndAdd(this, 1);
                            dispatch(c, local, onCaller);
                        }
                    }
                }
            } catch (Throwable t) {
                COUNTERS.setRelease(counters, stateAt + node, stopRequested() ? CUT_SHORT : DONE);
                if (onCaller && caller.isInterrupted()) {
                    // A kernel on the caller's thread that fails while it is interrupted (a sleep or
                    // a wait that threw) failed because of the interrupt: the run is cancelled.
                    stop(Stop.INTERRUPTED);
                }
                fail(node, t);
            } finally {
                finishOne();
            }
        }
    }

    private NodeContext callerContext() {
        if (callerContext == null) {
            callerContext = new NodeContext(pool, this, variables, slots, plan);
        }
        return callerContext;
    }

    /** Computes a node and records its timeline entry, before the node is counted finished. */
    private void computeTraced(int j, NodeContext context) {
        long start = System.nanoTime();
        Tensor[] outputs = compute(j, context);
        long end = System.nanoTime();
        int count = plan.nodes[j].outputCount();
        List<String> described = new ArrayList<>(count);
        long bytes = 0;
        for (int o = 0; o < count; o++) {
            Tensor t = outputs[o];
            described.add(t.dtype() + "" + t.shape());
            bytes += (long) t.dtype().byteSize() * t.size();
        }
        records[j] = new NodeRecord(start, end, Thread.currentThread().getName(), described, bytes);
    }

    /**
     * Runs node {@code j}'s kernel and stores its outputs in their slots; returns the context's
     * outputs array, whose first {@code outputCount} entries are this node's until the context is
     * bound to the next node.
     */
    private Tensor[] compute(int j, NodeContext context) {
        context.bind(j);
        plan.nodes[j].op().compute(context);
        Tensor[] outputs = context.checkedOutputs();
        int[] out = plan.outputSlots[j];
        for (int o = 0; o < out.length; o++) {
            if (out[o] >= 0) {
                slots[out[o]] = outputs[o];
            }
        }
        return outputs;
    }

    /** Drops each input whose last reader this node was, unless it is fetched or fed. */
    private void release(int j) {
        for (int s : plan.inputSlots[j]) {
            if ((int) COUNTERS.getAndAdd(counters, readersAt + s, -1) == 1 && !plan.fetched[s] && s >= plan.feedCount) {
                slots[s] = null;
            }
        }
    }

    private void fail(int j, Throwable t) {
        if (outcome != null) {
            // The first failure or stop is the run's outcome; later ones (including a kernel that
            // a stop cut short between its blocks) are consequences.
            return;
        }
        if (t instanceof SessionClosedException) {
            OUTCOME.compareAndSet(this, null, t);
            return;
        }
        Node node = plan.nodes[j];
        StringBuilder sb = new StringBuilder("Node '").append(node.name()).append("' (op ").append(node.opType());
        int[] in = plan.inputSlots[j];
        sb.append(in.length == 0 ? "; no inputs" : "; inputs ");
        for (int i = 0; i < in.length; i++) {
            Tensor v = slots[in[i]];
            sb.append(i == 0 ? "" : ", ").append(v != null ? v.dtype() + "" + v.shape() : node.input(i).spec());
        }
        String reason = t.getMessage() != null ? t.getMessage() : t.toString();
        sb.append(") failed: ").append(reason);
        if (t instanceof UninitializedVariableException u) {
            OUTCOME.compareAndSet(this, null, new UninitializedVariableException(node.name(), node.opType(),
                    sb.toString(), u.variableName()));
            return;
        }
        OUTCOME.compareAndSet(this, null, new KernelException(node.name(), node.opType(), sb.toString(), t));
    }

    private void finishOne() {
        // Read before the count: once it is zero the caller may return and recycle this execution
        // for another thread's run, whose caller must not get this run's wake-up.
        Thread waiting = caller;
        // Once released, the caller no longer waits for this count, so it is not woken for it.
        if ((int) IN_FLIGHT.getAndAdd(this, -1) == 1 && !released) {
            LockSupport.unpark(waiting);
        }
    }

    /** Builds the caller's exception for a stopped run, describing how far it got. */
    private RunCancelledException stopped(Stop why) {
        String elapsed = millis(System.nanoTime() - startNanos);
        String progress = progress();
        switch (why) {
            case TIMED_OUT:
                return new RunTimeoutException("The run did not finish within its timeout of "
                        + millis(saturatedNanos(timeout)) + " and was stopped after " + elapsed + ": " + progress, timeout);
            case INTERRUPTED:
                return new RunCancelledException("The run was cancelled because the calling thread was interrupted"
                        + " (its interrupt flag stays set), after " + elapsed + ": " + progress);
            default:
                return new RunCancelledException("The run was cancelled through its CancellationToken after "
                        + elapsed + ": " + progress);
        }
    }

    /**
     * Says how many nodes completed, which completed last and which are still running. Racy by
     * nature (running nodes go on), which is fine for a message.
     */
    private String progress() {
        int done = 0;
        List<Integer> running = new ArrayList<>();
        List<Integer> cutShort = new ArrayList<>();
        for (int j = 0; j < plan.nodes.length; j++) {
            int s = (int) COUNTERS.getVolatile(counters, stateAt + j);
            if (s == DONE) {
                done++;
            } else if (s == RUNNING) {
                running.add(j);
            } else if (s == CUT_SHORT) {
                cutShort.add(j);
            }
        }
        StringBuilder sb = new StringBuilder().append(done).append(" of ").append(plan.nodes.length)
                .append(" nodes completed");
        int last = lastDone;
        if (last >= 0) {
            sb.append(", the last ").append(describe(last));
        }
        if (!cutShort.isEmpty()) {
            // A kernel that noticed the stop between its blocks may end before this message is built.
            sb.append("; cut short by the stop: ");
            name(sb, cutShort);
        }
        if (running.isEmpty()) {
            return sb.append("; no node was still running").toString();
        }
        sb.append("; still running (finishing in the background, results dropped): ");
        name(sb, running);
        return sb.toString();
    }

    private void name(StringBuilder sb, List<Integer> nodes) {
        for (int i = 0; i < Math.min(nodes.size(), NAMED_RUNNING); i++) {
            sb.append(i == 0 ? "" : ", ").append(describe(nodes.get(i)));
        }
        if (nodes.size() > NAMED_RUNNING) {
            sb.append(" and ").append(nodes.size() - NAMED_RUNNING).append(" more");
        }
    }

    private String describe(int j) {
        return "'" + plan.nodes[j].name() + "' (op " + plan.nodes[j].opType() + ")";
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Nanoseconds as whole milliseconds, or with decimals below 10 ms when not whole. */
    private static String millis(long nanos) {
        if (nanos >= TimeUnit.MILLISECONDS.toNanos(10) || nanos % TimeUnit.MILLISECONDS.toNanos(1) == 0) {
            return TimeUnit.NANOSECONDS.toMillis(nanos) + " ms";
        }
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }
}
