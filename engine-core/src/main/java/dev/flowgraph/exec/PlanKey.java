package dev.flowgraph.exec;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import java.util.Arrays;
import java.util.List;

/** The signature a plan is compiled for: the fed outputs, the fetched outputs and the targets, in order. */
public final class PlanKey {
    private final Output[] feeds;
    private final Output[] fetches;
    private final Node[] targets;
    private final int hash;

    /**
     * Makes the key of one run's request.
     *
     * @param feeds the fed outputs, in feed order
     * @param fetches the fetched outputs, in fetch order
     * @param targets the target nodes, in order
     */
    public PlanKey(List<Output> feeds, List<Output> fetches, List<Node> targets) {
        this.feeds = feeds.toArray(new Output[0]);
        this.fetches = fetches.toArray(new Output[0]);
        this.targets = targets.toArray(new Node[0]);
        this.hash = 31 * (31 * Arrays.hashCode(this.feeds) + Arrays.hashCode(this.fetches)) + Arrays.hashCode(this.targets);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PlanKey)) {
            return false;
        }
        PlanKey k = (PlanKey) o;
        return hash == k.hash && Arrays.equals(feeds, k.feeds) && Arrays.equals(fetches, k.fetches)
                && Arrays.equals(targets, k.targets);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
