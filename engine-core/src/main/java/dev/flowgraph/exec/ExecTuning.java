package dev.flowgraph.exec;

/** The executor's thresholds, in one place. */
public final class ExecTuning {
    /**
     * Nodes whose {@link dev.flowgraph.spi.OpDef#cost} is at most this many element operations
     * run on the thread that made them ready: a hop to the pool costs more than they do.
     */
    public static final long INLINE_COST_LIMIT = 16_384;

    /**
     * How many compiled plans a session keeps; beyond it the least recently used are dropped and
     * compiled again if asked for, so a session that sees ever new signatures stays bounded.
     */
    public static final int PLAN_CACHE_SIZE = 1024;

    /**
     * How many plans a session keeps in its table of recent plans, looked up by the request's
     * hash before the plan cache without allocating or locking; a power of two. Bounded, so the
     * plans it holds beyond the cache's stay few.
     */
    public static final int RECENT_PLANS = 64;

    /**
     * How long a pool thread that has run out of tasks spins, waiting for the next one, before it
     * parks (see {@link SessionPool}): one millisecond, longer than the gaps between the parallel
     * kernels of a training step, so that the pool's threads stay awake from one step to the
     * next, and short enough that an idle session stops using the processors at once.
     */
    public static final long POOL_SPIN_NANOS = 1_000_000;

    /**
     * How long a pool thread stays parked without a task before it ends (see {@link
     * SessionPool}): a minute, as for the threads of a {@link java.util.concurrent.ForkJoinPool}.
     */
    public static final long POOL_KEEP_ALIVE_NANOS = 60_000_000_000L;

    /**
     * How long a run's caller spins, yielding, waiting for the run's last node before it parks,
     * when the pool has a thread for every processor (with a processor free it spins for {@link
     * #POOL_SPIN_NANOS}): 0.2 ms, which lets a short run end without the caller being woken (a
     * 256 × 256 matrix-vector product at pool 2 on 2 cores: about 115 to 47 µs) while taking
     * little processor time from the pool's threads during a long one.
     */
    public static final long CALLER_SPIN_NANOS = 200_000;

    private ExecTuning() {}
}
