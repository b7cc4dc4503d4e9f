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
        this.hash = hash(this.feeds, this.feeds.length, this.fetches, this.fetches.length, this.targets,
                this.targets.length);
    }

    /**
     * Returns the hash of a request given as the used prefixes of arrays, the same as the hash of
     * the {@code PlanKey} made of those elements, computed without allocating.
     *
     * @param feeds the fed outputs
     * @param feedCount how many of {@code feeds} are used
     * @param fetches the fetched outputs
     * @param fetchCount how many of {@code fetches} are used
     * @param targets the target nodes
     * @param targetCount how many of {@code targets} are used
     * @return the hash
     */
    public static int hash(Output[] feeds, int feedCount, Output[] fetches, int fetchCount, Node[] targets,
            int targetCount) {
        return 31 * (31 * hash(feeds, feedCount) + hash(fetches, fetchCount)) + hash(targets, targetCount);
    }

    private static int hash(Object[] items, int count) {
        int h = 1;
        for (int i = 0; i < count; i++) {
            h = 31 * h + items[i].hashCode();
        }
        return h;
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
