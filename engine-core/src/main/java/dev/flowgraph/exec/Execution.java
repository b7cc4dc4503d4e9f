package dev.flowgraph.exec;

import dev.flowgraph.KernelException;
import dev.flowgraph.Node;
import dev.flowgraph.SessionClosedException;
import dev.flowgraph.Tensor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
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
 * <p>Visibility: a slot is written before its producer decrements the consumers' atomic counts,
 * and read after the consumer saw its count reach zero, so the atomic counts order every slot
 * write before its reads.
 */
public final class Execution {
    private final Plan plan;
    private final ForkJoinPool pool;
    private final Thread caller;
    private final Tensor[] slots;
    private final AtomicIntegerArray pending;
    private final AtomicIntegerArray readers;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    private Execution(Plan plan, ForkJoinPool pool, Tensor[] feeds) {
        this.plan = plan;
        this.pool = pool;
        this.caller = Thread.currentThread();
        this.slots = new Tensor[plan.slotCount];
        System.arraycopy(feeds, 0, slots, 0, plan.feedCount);
        this.pending = new AtomicIntegerArray(plan.pending);
        this.readers = new AtomicIntegerArray(plan.readers);
    }

    /**
     * Runs a plan on the calling thread and the pool, and returns the fetched values.
     *
     * @param plan the compiled plan
     * @param pool the session's pool
     * @param feeds the fed values, in the plan's feed order, already checked
     * @return the fetched values, in fetch order
     * @throws KernelException if a node fails; no node is started after the failure
     * @throws SessionClosedException if the pool was shut down while the run needed it
     */
    public static Tensor[] run(Plan plan, ForkJoinPool pool, Tensor[] feeds) {
        return new Execution(plan, pool, feeds).execute();
    }

    private Tensor[] execute() {
        int[] roots = plan.roots;
        if (roots.length > 0) {
            inFlight.set(roots.length);
            ReadyStack local = new ReadyStack(plan.inline);
            for (int r : roots) {
                dispatch(r, local, true);
            }
            drain(local, true);
            boolean interrupted = false;
            while (inFlight.get() != 0) {
                LockSupport.park(this);
                // park returns at once while the interrupt flag is set: clear it so the wait does
                // not spin, and restore it for the caller once the run is over.
                interrupted |= Thread.interrupted();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        RuntimeException f = failure.get();
        if (f != null) {
            throw f;
        }
        Tensor[] out = new Tensor[plan.fetchSlots.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = slots[plan.fetchSlots[i]];
        }
        return out;
    }

    private void dispatch(int node, ReadyStack local, boolean onCaller) {
        if (plan.inline[node] || (!onCaller && !local.holdsExpensive())) {
            local.push(node);
            return;
        }
        try {
            pool.execute(() -> {
                ReadyStack mine = new ReadyStack(plan.inline);
                mine.push(node);
                drain(mine, false);
            });
        } catch (RejectedExecutionException e) {
            failure.compareAndSet(null, new SessionClosedException(
                    "The session was closed while a run needed its pool; node '" + plan.nodes[node].name()
                            + "' did not run"));
            finishOne();
        }
    }

    private void drain(ReadyStack local, boolean onCaller) {
        while (!local.isEmpty()) {
            int node = local.pop();
            try {
                if (failure.get() == null) {
                    compute(node);
                    release(node);
                    for (int c : plan.consumers[node]) {
                        if (pending.decrementAndGet(c) == 0) {
                            // Counted before dispatch so that inFlight cannot reach zero while work remains.
                            inFlight.incrementAndGet();
                            dispatch(c, local, onCaller);
                        }
                    }
                }
            } catch (Throwable t) {
                fail(node, t);
            } finally {
                finishOne();
            }
        }
    }

    private void compute(int j) {
        Node node = plan.nodes[j];
        int[] in = plan.inputSlots[j];
        Tensor[] inputs = new Tensor[in.length];
        for (int i = 0; i < in.length; i++) {
            inputs[i] = slots[in[i]];
        }
        NodeContext context = new NodeContext(node, inputs, pool);
        node.op().compute(context);
        Tensor[] outputs = context.checkedOutputs();
        int[] out = plan.outputSlots[j];
        for (int o = 0; o < out.length; o++) {
            if (out[o] >= 0) {
                slots[out[o]] = outputs[o];
            }
        }
    }

    /** Drops each input whose last reader this node was, unless it is fetched or fed. */
    private void release(int j) {
        for (int s : plan.inputSlots[j]) {
            if (readers.decrementAndGet(s) == 0 && !plan.fetched[s] && s >= plan.feedCount) {
                slots[s] = null;
            }
        }
    }

    private void fail(int j, Throwable t) {
        if (t instanceof SessionClosedException) {
            failure.compareAndSet(null, (SessionClosedException) t);
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
        failure.compareAndSet(null, new KernelException(node.name(), node.opType(), sb.toString(), t));
    }

    private void finishOne() {
        if (inFlight.decrementAndGet() == 0) {
            LockSupport.unpark(caller);
        }
    }
}
