package dev.flowgraph.exec;

import dev.flowgraph.spi.RangeBody;
import java.util.concurrent.RecursiveAction;

/**
 * Fork/join task that runs blocks {@code [from, to)} of a {@code parallelFor}, splitting the
 * block range in halves; block {@code b} covers items {@code [b*grain, min((b+1)*grain, count))}.
 */
final class ParallelBlocks extends RecursiveAction {
    private static final long serialVersionUID = 1L;

    private final int from;
    private final int to;
    private final int count;
    private final int grain;
    private final transient RangeBody body;

    ParallelBlocks(int from, int to, int count, int grain, RangeBody body) {
        this.from = from;
        this.to = to;
        this.count = count;
        this.grain = grain;
        this.body = body;
    }

    @Override
    protected void compute() {
        if (to - from == 1) {
            int start = from * grain;
            body.run(start, (int) Math.min((long) start + grain, count));
            return;
        }
        int mid = (from + to) >>> 1;
        invokeAll(new ParallelBlocks(from, mid, count, grain, body), new ParallelBlocks(mid, to, count, grain, body));
    }
}
