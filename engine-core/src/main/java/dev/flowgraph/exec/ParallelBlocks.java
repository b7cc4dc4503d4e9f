package dev.flowgraph.exec;

import dev.flowgraph.spi.RangeBody;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.LockSupport;

/**
 * The blocks of one {@code parallelFor}, shared by the threads that run them through one counter:
 * each thread claims the next block that nobody has claimed, runs it and claims again until none
 * is left; block {@code b} covers items {@code [b*grain, min((b+1)*grain, count))}. Before each
 * block a thread checks that its run has not been stopped (failed, cancelled, interrupted or past
 * its deadline), so a long kernel stops between blocks.
 *
 * <p>Why a counter and not fork/join's split-and-join: a pool thread that joins a task another
 * thread stole either runs other queued tasks while it waits (whole nodes included, so its own
 * node ends only after theirs) or, finding none, has the pool start a compensation thread, and
 * the pool then runs more threads than its size on as many cores. Here nobody joins: helpers are
 * plain tasks that claim blocks like the owner does, a helper that starts after the last block
 * was claimed returns at once, and the thread that called {@code parallelFor} waits only for
 * blocks that other threads are running at that moment, at most one block each.
 *
 * <p>Which thread runs which block changes from run to run, but the blocks themselves do not:
 * each is run exactly once, on the items fixed by {@code grain}, so a kernel whose blocks write
 * disjoint items computes the same bits at any pool size.
 */
final class ParallelBlocks implements Runnable {
    /** How many times the waiting thread checks the count before it parks. */
    private static final int SPINS = 1 << 10;

    /**
     * Thrown out of a block once the run is stopped; the executor drops it, since the run already
     * has its outcome. Shared and without a stack trace: it carries no information.
     */
    static final class RunStopped extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final RunStopped INSTANCE = new RunStopped();

        private RunStopped() {
            super("the run was stopped", null, false, false);
        }
    }

    private static final VarHandle NEXT;
    private static final VarHandle UNFINISHED;
    private static final VarHandle FAILURE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            NEXT = lookup.findVarHandle(ParallelBlocks.class, "next", int.class);
            UNFINISHED = lookup.findVarHandle(ParallelBlocks.class, "unfinished", int.class);
            FAILURE = lookup.findVarHandle(ParallelBlocks.class, "failure", Throwable.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Execution run;
    private final int blocks;
    private final int count;
    private final int grain;
    private final RangeBody body;
    /** The thread that called {@code parallelFor}, woken when the last block ends. */
    private final Thread waiter;
    /** The next block to claim; claims past the last block are harmless. */
    private volatile int next;
    /** Blocks not yet run or skipped; the thread that brings it to zero wakes {@link #waiter}. */
    private volatile int unfinished;
    /** The first exception a block threw (a {@link RunStopped} included), or null. */
    private volatile Throwable failure;

    ParallelBlocks(Execution run, int blocks, int count, int grain, RangeBody body) {
        this.run = run;
        this.blocks = blocks;
        this.count = count;
        this.grain = grain;
        this.body = body;
        this.waiter = Thread.currentThread();
        this.unfinished = blocks;
    }

    /** Throws {@link RunStopped} if the run has been stopped. */
    static void checkNotStopped(Execution run) {
        if (run.stopRequested()) {
            throw RunStopped.INSTANCE;
        }
    }

    /**
     * Runs blocks on the calling pool thread and on up to {@code helpers} more pool threads,
     * returning once every block has run.
     *
     * @param pool the pool the calling thread belongs to
     * @param helpers how many helper tasks to give the pool
     * @throws RunStopped if the run was stopped before a block
     */
    void runWithin(SessionPool pool, int helpers) {
        submit(pool, helpers);
        claimAndRun();
        int spins = SPINS;
        while (unfinished != 0) {
            if (spins > 0) {
                spins--;
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        rethrow();
    }

    /**
     * Runs every block on {@code helpers} pool threads while the calling thread, which is not
     * one of the pool's, waits.
     *
     * @param pool the pool
     * @param helpers how many helper tasks to give the pool, at least 1
     * @return true once every block has run; false if the calling thread was interrupted first,
     *     in which case the blocks not yet started are skipped and the caller does not wait
     * @throws RunStopped if the run was stopped before a block
     */
    boolean runOutside(SessionPool pool, int helpers) {
        submit(pool, helpers);
        while (unfinished != 0) {
            if (waiter.isInterrupted()) {
                return false;
            }
            LockSupport.park(this);
        }
        rethrow();
        return true;
    }

    /**
     * Gives the pool {@code helpers} tasks; a pool shut down after the first was accepted only
     * leaves the blocks to fewer threads.
     *
     * @throws RejectedExecutionException if the pool refuses the first
     */
    private void submit(SessionPool pool, int helpers) {
        for (int h = 0; h < helpers; h++) {
            try {
                pool.execute(this);
            } catch (RejectedExecutionException e) {
                if (h == 0) {
                    throw e;
                }
                return;
            }
        }
    }

    /** A helper's work: claims and runs blocks until none is left. Never throws. */
    @Override
    public void run() {
        claimAndRun();
    }

    private void claimAndRun() {
        for (int b = (int) NEXT.getAndAdd(this, 1); b < blocks; b = (int) NEXT.getAndAdd(this, 1)) {
            if (failure == null) {
                try {
                    checkNotStopped(run);
                    int start = b * grain;
                    body.run(start, (int) Math.min((long) start + grain, count));
                } catch (Throwable t) {
                    // The blocks claimed after this one are skipped; the first failure is thrown.
                    FAILURE.compareAndSet(this, null, t);
                }
            }
            if ((int) UNFINISHED.getAndAdd(this, -1) == 1 && Thread.currentThread() != waiter) {
                LockSupport.unpark(waiter);
            }
        }
    }

    private void rethrow() {
        Throwable t = failure;
        if (t instanceof RuntimeException) {
            throw (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        if (t != null) {
            // A block cannot throw a checked exception except through sneaky throws.
            throw new IllegalStateException(t);
        }
    }
}
