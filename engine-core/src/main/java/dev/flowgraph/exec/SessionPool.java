package dev.flowgraph.exec;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A session's threads: a fixed number of daemon threads that take tasks (nodes, and the helpers
 * of a {@code parallelFor}) from one shared queue, and that spin for {@link
 * ExecTuning#POOL_SPIN_NANOS} after their last task before they park.
 *
 * <p><b>Why not a {@link java.util.concurrent.ForkJoinPool}.</b> The pool's size is the number
 * of threads that do a session's heavy work, and they only share a kernel's blocks if they are
 * awake when the blocks are handed out. A parked thread that is woken up can take long to start
 * on a virtual machine, whose idle processor sleeps in the hypervisor: measured on this
 * project's 2-core KVM machine, a pool of 2 running one 128 × 784 × 128 product after another
 * (two tiles of about 0.3 ms), only one helper in nine started within 20 µs of being handed out
 * on a fork/join pool, against six in ten on this pool, and on the fork/join pool the owner ran
 * the second tile itself in most products. A fork/join pool parks a worker as soon as it finds no
 * task, and a worker that
 * spins inside a task of its own cannot take the pool's next task without returning to the pool,
 * which then parks it if another thread took the task first. Here the spinning is the worker's
 * own idle loop, so the next task starts within a microsecond on a thread that is still awake.
 * OpenMP runtimes and OpenBLAS's threads spin before they sleep for the same reason.
 *
 * <p><b>Waking.</b> A thread that gives up spinning registers as parked and looks at the queue once
 * more before it parks; {@link #execute} queues the task first and then wakes a registered thread
 * unless enough threads are spinning to take every queued task. Either the registration or the
 * queued task is seen by the other side, so no task waits for a thread that sleeps; a wrong
 * guess about the spinning threads only delays a task until one of them has finished spinning.
 *
 * <p><b>Threads.</b> They are started as tasks need them, never more than the parallelism, and a
 * thread that has been parked for {@link ExecTuning#POOL_KEEP_ALIVE_NANOS} ends, as a fork/join
 * pool's does, so that a session that was dropped without being closed does not keep its
 * threads, nor they the session, forever. {@link #shutdown} refuses new tasks; the threads finish
 * the tasks already queued and then end.
 *
 * <pre>{@code
 * SessionPool pool = new SessionPool(2, "example-worker-");
 * pool.execute(() -> System.out.println("on " + Thread.currentThread().getName()));
 * pool.shutdown();
 * }</pre>
 */
public final class SessionPool implements Executor {
    private final int parallelism;
    private final String namePrefix;
    private final long spinNanos;
    private final long keepAliveNanos;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** Tasks queued and not yet taken: kept apart because the queue's own size is a walk. */
    private final AtomicInteger queued = new AtomicInteger();
    /** Threads in their idle loop's spin. */
    private final AtomicInteger spinning = new AtomicInteger();
    /** Threads that gave up spinning and park, or are about to. */
    private final ConcurrentLinkedQueue<Thread> parked = new ConcurrentLinkedQueue<>();
    /** Threads started and not yet ended. */
    private final AtomicInteger alive = new AtomicInteger();
    /** Threads ever started, for their names. */
    private final AtomicInteger named = new AtomicInteger();
    private volatile boolean shutdown;

    /**
     * Makes a pool; its threads start as tasks need them.
     *
     * @param parallelism the most threads, at least 1
     * @param namePrefix the threads' names, followed by 1, 2, ... in the order they start
     */
    public SessionPool(int parallelism, String namePrefix) {
        this(parallelism, namePrefix, ExecTuning.POOL_SPIN_NANOS, ExecTuning.POOL_KEEP_ALIVE_NANOS);
    }

    /** A pool with other spin and keep-alive times, for tests that cannot wait a minute. */
    SessionPool(int parallelism, String namePrefix, long spinNanos, long keepAliveNanos) {
        checkArgument(parallelism >= 1, "a pool needs at least 1 thread, not %s", parallelism);
        this.parallelism = parallelism;
        this.namePrefix = namePrefix;
        this.spinNanos = spinNanos;
        this.keepAliveNanos = keepAliveNanos;
    }

    /**
     * Returns the most threads the pool runs.
     *
     * @return the parallelism given to the constructor
     */
    public int getParallelism() {
        return parallelism;
    }

    /**
     * Returns how many of the pool's threads are alive now.
     *
     * @return between 0 and the parallelism
     */
    public int threadCount() {
        return alive.get();
    }

    /**
     * Queues a task for the pool's threads.
     *
     * @param task the task; an exception it throws goes to its thread's uncaught-exception handler,
     *     and the thread goes on with the next task
     * @throws RejectedExecutionException if the pool is shut down
     */
    @Override
    public void execute(Runnable task) {
        if (shutdown) {
            throw new RejectedExecutionException("the pool is shut down");
        }
        int waiting = queued.incrementAndGet();
        tasks.offer(task);
        if (waiting > spinning.get()) {
            Thread t = parked.poll();
            if (t != null) {
                LockSupport.unpark(t);
            } else {
                startThread();
            }
        }
    }

    /**
     * Tells whether the calling thread is one of this pool's.
     *
     * @return true on a thread of this pool
     */
    public boolean isPoolThread() {
        return Thread.currentThread() instanceof Worker w && w.pool == this;
    }

    /** Refuses new tasks; the threads end once the tasks already queued have run. */
    public void shutdown() {
        shutdown = true;
        for (Thread t : parked) {
            LockSupport.unpark(t);
        }
    }

    /**
     * Tells whether {@link #shutdown} was called.
     *
     * @return true once shut down
     */
    public boolean isShutdown() {
        return shutdown;
    }

    /** Starts a thread unless the pool already has as many as its parallelism. */
    private void startThread() {
        for (int n = alive.get(); n < parallelism; n = alive.get()) {
            if (alive.compareAndSet(n, n + 1)) {
                new Worker(this, namePrefix + named.incrementAndGet()).start();
                return;
            }
        }
    }

    /** Takes the next task, or returns null if none is queued. */
    private Runnable poll() {
        Runnable task = tasks.poll();
        if (task != null) {
            queued.decrementAndGet();
        }
        return task;
    }

    /**
     * A thread's loop: run tasks while there are any, spin a while, park, until the pool is shut
     * down and its queue empty, or the thread has been parked for the keep-alive time.
     */
    private void work() {
        while (true) {
            Runnable task = poll();
            if (task == null) {
                task = spinForTask();
            }
            if (task != null) {
                runTask(task);
            } else if (parkOrEnd()) {
                alive.decrementAndGet();
                // A task queued while this thread was deciding to end must not wait for a wake-up
                // that nobody will send: it gets a thread of its own.
                if (!tasks.isEmpty() && !shutdown) {
                    startThread();
                }
                return;
            }
        }
    }

    /** Spins until a task is queued, the pool shuts down or the spin time is over. */
    private Runnable spinForTask() {
        spinning.incrementAndGet();
        try {
            long start = System.nanoTime();
            while (!shutdown && System.nanoTime() - start < spinNanos) {
                if (!tasks.isEmpty()) {
                    Runnable task = poll();
                    if (task != null) {
                        return task;
                    }
                }
                // Yielding, not only spinning: on a machine with as many processors as the pool has
                // threads, the run's caller (woken to take its results) or another session's
                // thread must get a processor at once, not when the scheduler preempts a spinner.
                Thread.yield();
            }
            return null;
        } finally {
            spinning.decrementAndGet();
        }
    }

    /**
     * Parks the calling thread until a task is queued; returns true if the thread should end
     * instead: the pool is shut down with nothing queued, or the thread was parked for the
     * keep-alive time without being woken for a task.
     */
    private boolean parkOrEnd() {
        if (shutdown) {
            return tasks.isEmpty();
        }
        Thread me = Thread.currentThread();
        parked.add(me);
        long start = System.nanoTime();
        // Looked at after registering: a task queued before it is seen here, one queued after
        // finds this thread registered and wakes it.
        if (tasks.isEmpty() && !shutdown) {
            LockSupport.parkNanos(this, keepAliveNanos);
        }
        // Still registered means nobody woke this thread for a task.
        boolean unclaimed = parked.remove(me);
        return unclaimed && tasks.isEmpty()
                && (shutdown || System.nanoTime() - start >= keepAliveNanos);
    }

    private static void runTask(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            Thread t = Thread.currentThread();
            t.getUncaughtExceptionHandler().uncaughtException(t, e);
        }
    }

    /** One of the pool's threads. */
    private static final class Worker extends Thread {
        final SessionPool pool;

        Worker(SessionPool pool, String name) {
            super(name);
            this.pool = pool;
            setDaemon(true);
        }

        @Override
        public void run() {
            pool.work();
        }
    }
}
