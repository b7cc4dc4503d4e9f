package dev.flowgraph;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cancels runs from another thread. Hand a token to {@link Runner#cancelWith}; {@link #cancel()}
 * then stops every run that carries it, now or later: no further node starts, and each run's
 * caller gets a {@link RunCancelledException} promptly. The session stays usable.
 *
 * <p>A token is one-shot: once cancelled it stays cancelled, and a run given a cancelled token
 * fails before any node starts. One token may carry many runs, on any sessions (for example every
 * step of a training loop). Thread-safe.
 *
 * <pre>{@code
 * CancellationToken token = new CancellationToken();
 * Future<Result> f = executor.submit(() -> s.runner().fetch("J").cancelWith(token).run());
 * ...
 * token.cancel();   // f fails with ExecutionException caused by RunCancelledException
 * }</pre>
 *
 * <p>The standard {@code future.cancel(true)} works as well: it interrupts the thread that waits
 * for the run, and an interrupted caller cancels its run.
 */
public final class CancellationToken {
    private final Set<Runnable> runs = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    /** Creates a token that is not cancelled. */
    public CancellationToken() {}

    /**
     * Cancels every run that carries this token, and every run given it later. Idempotent; returns
     * at once, without waiting for the runs' callers.
     */
    public void cancel() {
        cancelled = true;
        for (Runnable run : runs) {
            run.run();
        }
    }

    /**
     * Tells whether {@link #cancel()} has been called.
     *
     * @return true once cancelled
     */
    public boolean isCancelled() {
        return cancelled;
    }

    /** Attaches a run's cancel action; runs it at once if the token is already cancelled. */
    void register(Runnable cancelRun) {
        runs.add(cancelRun);
        // Read after the add: a concurrent cancel() either sees the action in the set or is seen here.
        if (cancelled) {
            cancelRun.run();
        }
    }

    /** Detaches a run that has ended. */
    void unregister(Runnable cancelRun) {
        runs.remove(cancelRun);
    }

    /** The number of runs now carrying this token (for tests: ended runs must detach). */
    int runsAttached() {
        return runs.size();
    }
}
