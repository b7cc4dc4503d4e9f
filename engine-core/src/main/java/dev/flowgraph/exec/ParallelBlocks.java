package dev.flowgraph.exec;

import dev.flowgraph.spi.RangeBody;
import java.util.concurrent.RecursiveAction;

/**
 * Fork/join task that runs blocks {@code [from, to)} of a {@code parallelFor}, splitting the
 * block range in halves; block {@code b} covers items {@code [b*grain, min((b+1)*grain, count))}.
 * Before each block it checks that its run has not been stopped (failed, cancelled, interrupted
 * or past its deadline), so a long kernel stops between blocks.
 */
final class ParallelBlocks extends RecursiveAction {
    private static final long serialVersionUID = 1L;

    /**
     * Thrown out of a block once the run is stopped; the executor drops it, since the run already
     * has its outcome. Shared and without a stack trace: it carries no information. Not public, so
     * fork/join rethrows this instance instead of copying it.
     */
    static final class RunStopped extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final RunStopped INSTANCE = new RunStopped();

        private RunStopped() {
            super("the run was stopped", null, false, false);
        }
    }

    private final transient Execution run;
    private final int from;
    private final int to;
    private final int count;
    private final int grain;
    private final transient RangeBody body;

    ParallelBlocks(Execution run, int from, int to, int count, int grain, RangeBody body) {
        this.run = run;
        this.from = from;
        this.to = to;
        this.count = count;
        this.grain = grain;
        this.body = body;
    }

    /** Throws {@link RunStopped} if the run has been stopped. */
    static void checkNotStopped(Execution run) {
        if (run.stopRequested()) {
            throw RunStopped.INSTANCE;
        }
    }

    @Override
    protected void compute() {
        if (to - from == 1) {
            checkNotStopped(run);
            int start = from * grain;
            body.run(start, (int) Math.min((long) start + grain, count));
            return;
        }
        int mid = (from + to) >>> 1;
        invokeAll(new ParallelBlocks(run, from, mid, count, grain, body),
                new ParallelBlocks(run, mid, to, count, grain, body));
    }
}
