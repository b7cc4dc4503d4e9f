package dev.flowgraph.exec;

import dev.flowgraph.Graph;
import dev.flowgraph.InvalidRunException;
import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.builtin.Placeholder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * What one run signature needs, compiled once into flat arrays: the nodes to run in topological
 * order, how many inputs each waits for, who consumes each, and where every value lives.
 *
 * <p>Values live in numbered slots: slots {@code 0..feeds-1} hold the feeds in feed order; the
 * others hold the outputs that some node of the plan reads or that are fetched. An output that
 * nobody reads gets no slot and is dropped as soon as its node finishes. Immutable, so one plan
 * serves concurrent runs, except for the one spare per-run state it keeps for its next run, which
 * a run takes or hands back atomically.
 */
public final class Plan {
    final Node[] nodes;
    /** Per node: data inputs from nodes of the plan (fed ones excluded) plus control inputs. */
    final int[] pending;
    /** Per node: the nodes to notify when it finishes, once per edge. */
    final int[][] consumers;
    /** Per node, per input: the slot to read. */
    final int[][] inputSlots;
    /** Per node, per output: the slot to write, or -1 if the value is fed or unread. */
    final int[][] outputSlots;
    /** Per slot: how many node inputs read it. */
    final int[] readers;
    /** Per slot: true if it is fetched, so it survives its last reader. */
    final boolean[] fetched;
    /** Per node, per output: true if the run reads it (fetched, or read by a consumer's kernel). */
    final boolean[][] outputRead;
    /** Per node: true if it is cheap enough to run on the thread that made it ready. */
    final boolean[] inline;
    /** The nodes with nothing to wait for. */
    final int[] roots;
    /** Per fetch: its slot. */
    final int[] fetchSlots;
    final int slotCount;
    final int feedCount;
    final int structureVersion;
    /**
     * A run's starting counters in one array, copied once per run: per node its pending count,
     * then per slot its reader count, then per node its state (all zero, not started).
     */
    final int[] counters;
    /** The most outputs any node of the plan has. */
    final int maxOutputs;
    /** The signature compiled for, so that a lookup can compare a request without a {@link PlanKey}. */
    private final Output[] feedSignature;
    private final Output[] fetchSignature;
    private final Node[] targetSignature;
    private final List<Output> fetchList;
    private final int signatureHash;
    /**
     * A completed run's state, cleared and kept for the plan's next run; at most one, so that
     * concurrent runs of the plan each get their own (see {@link Execution#recycle()}).
     */
    private final AtomicReference<Execution> spare = new AtomicReference<>();

    private Plan(List<Node> order, List<Output> feeds, List<Output> fetches, List<Node> targets,
            int structureVersion) {
        int n = order.size();
        this.nodes = order.toArray(new Node[0]);
        this.structureVersion = structureVersion;
        this.feedCount = feeds.size();
        this.feedSignature = feeds.toArray(new Output[0]);
        this.fetchSignature = fetches.toArray(new Output[0]);
        this.targetSignature = targets.toArray(new Node[0]);
        this.fetchList = List.of(fetchSignature);
        this.signatureHash = PlanKey.hash(feedSignature, feedSignature.length, fetchSignature, fetchSignature.length,
                targetSignature, targetSignature.length);
        Map<Node, Integer> index = new HashMap<>();
        for (int j = 0; j < n; j++) {
            index.put(nodes[j], j);
        }
        Map<Output, Integer> slotOf = new HashMap<>();
        for (int i = 0; i < feeds.size(); i++) {
            slotOf.put(feeds.get(i), i);
        }
        Set<Output> fed = new HashSet<>(feeds);
        List<List<Integer>> consumerLists = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            consumerLists.add(new ArrayList<>());
        }
        pending = new int[n];
        inputSlots = new int[n][];
        inline = new boolean[n];
        List<Integer> readerCounts = new ArrayList<>();
        for (int i = 0; i < feeds.size(); i++) {
            readerCounts.add(0);
        }
        for (int j = 0; j < n; j++) {
            Node node = nodes[j];
            inline[j] = node.cost() <= ExecTuning.INLINE_COST_LIMIT;
            inputSlots[j] = new int[node.inputCount()];
            for (int i = 0; i < node.inputCount(); i++) {
                Output in = node.input(i);
                int slot = slotOf.computeIfAbsent(in, o -> {
                    readerCounts.add(0);
                    return readerCounts.size() - 1;
                });
                inputSlots[j][i] = slot;
                readerCounts.set(slot, readerCounts.get(slot) + 1);
                if (!fed.contains(in)) {
                    pending[j]++;
                    consumerLists.get(index.get(in.node())).add(j);
                }
            }
            for (Node dep : node.controlInputs()) {
                Integer producer = index.get(dep);
                // Only a fed placeholder leaves the plan while something depends on it.
                if (producer != null) {
                    pending[j]++;
                    consumerLists.get(producer).add(j);
                }
            }
        }
        fetchSlots = new int[fetches.size()];
        for (int f = 0; f < fetches.size(); f++) {
            fetchSlots[f] = slotOf.computeIfAbsent(fetches.get(f), o -> {
                readerCounts.add(0);
                return readerCounts.size() - 1;
            });
        }
        slotCount = readerCounts.size();
        readers = readerCounts.stream().mapToInt(Integer::intValue).toArray();
        fetched = new boolean[slotCount];
        for (int s : fetchSlots) {
            fetched[s] = true;
        }
        outputSlots = new int[n][];
        outputRead = new boolean[n][];
        for (int j = 0; j < n; j++) {
            outputRead[j] = new boolean[nodes[j].outputCount()];
        }
        Set<Output> fetchedOutputs = new HashSet<>(fetches);
        for (int j = 0; j < n; j++) {
            Node node = nodes[j];
            for (int i = 0; i < node.inputCount(); i++) {
                Output in = node.input(i);
                Integer producer = index.get(in.node());
                if (producer != null && node.op().readsInput(i)) {
                    outputRead[producer][in.index()] = true;
                }
            }
            for (int o = 0; o < node.outputCount(); o++) {
                outputRead[j][o] |= fetchedOutputs.contains(node.output(o));
            }
        }
        consumers = new int[n][];
        List<Integer> rootList = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            Node node = nodes[j];
            outputSlots[j] = new int[node.outputCount()];
            for (int o = 0; o < node.outputCount(); o++) {
                Output out = node.output(o);
                outputSlots[j][o] = fed.contains(out) ? -1 : slotOf.getOrDefault(out, -1);
            }
            consumers[j] = consumerLists.get(j).stream().mapToInt(Integer::intValue).toArray();
            if (pending[j] == 0) {
                rootList.add(j);
            }
        }
        roots = rootList.stream().mapToInt(Integer::intValue).toArray();
        counters = new int[2 * n + slotCount];
        System.arraycopy(pending, 0, counters, 0, n);
        System.arraycopy(readers, 0, counters, n, slotCount);
        int most = 0;
        for (Node node : nodes) {
            most = Math.max(most, node.outputCount());
        }
        maxOutputs = most;
    }

    /**
     * Compiles the plan for one run signature.
     *
     * @param graph the graph
     * @param feeds the fed outputs, distinct, in feed order
     * @param fetches the fetched outputs, in fetch order
     * @param targets the nodes to run for their effects
     * @return the plan
     * @throws InvalidRunException if the run needs a placeholder that is not fed
     */
    public static Plan compile(Graph graph, List<Output> feeds, List<Output> fetches, List<Node> targets) {
        int version = graph.structureVersion();
        Set<Output> fed = new HashSet<>(feeds);
        List<Node> order = graph.runOrder(feeds, fetches, targets);
        for (Node n : order) {
            if (n.opType().equals(Placeholder.TYPE)) {
                throw unfedPlaceholder(graph, n, fetches, targets, fed);
            }
        }
        return new Plan(order, feeds, fetches, targets, version);
    }

    private static InvalidRunException unfedPlaceholder(Graph graph, Node placeholder, List<Output> fetches,
            List<Node> targets, Set<Output> fed) {
        List<String> needers = new ArrayList<>();
        for (Output f : fetches) {
            if (!fed.contains(f) && graph.executionOrder(List.of(f.node()), fed).contains(placeholder)) {
                needers.add("fetch " + f.name());
            }
        }
        for (Node t : targets) {
            if (graph.executionOrder(List.of(t), fed).contains(placeholder)) {
                needers.add("target " + t.name());
            }
        }
        return new InvalidRunException("Placeholder '" + placeholder.name() + "' (" + placeholder.output(0).spec()
                + ") must be fed: " + needers.stream().distinct().collect(Collectors.joining(", "))
                + (needers.size() == 1 ? " needs" : " need") + " it. Feed it with runner.feed(\""
                + placeholder.name() + "\", tensor)");
    }

    /**
     * Tells whether this plan was compiled for exactly this request, compared element by element
     * without allocating: the first {@code feedCount} entries of {@code feeds}, and so on.
     *
     * @param hash the request's {@link PlanKey#hash}
     * @param feeds the fed outputs, in feed order
     * @param feedCount how many of {@code feeds} are used
     * @param fetches the fetched outputs, in fetch order
     * @param fetchCount how many of {@code fetches} are used
     * @param targets the target nodes, in order
     * @param targetCount how many of {@code targets} are used
     * @return true if the signatures are equal
     */
    public boolean matches(int hash, Output[] feeds, int feedCount, Output[] fetches, int fetchCount, Node[] targets,
            int targetCount) {
        return hash == signatureHash
                && Arrays.equals(feedSignature, 0, feedSignature.length, feeds, 0, feedCount)
                && Arrays.equals(fetchSignature, 0, fetchSignature.length, fetches, 0, fetchCount)
                && Arrays.equals(targetSignature, 0, targetSignature.length, targets, 0, targetCount);
    }

    /**
     * Returns the fetched outputs, in fetch order.
     *
     * @return an immutable list, the same for every run of the plan
     */
    public List<Output> fetches() {
        return fetchList;
    }

    /**
     * Returns the number of nodes a run of this plan executes.
     *
     * @return the node count
     */
    public int nodeCount() {
        return nodes.length;
    }

    /**
     * Returns the nodes a run executes, in the topological order they were compiled in.
     *
     * @return the nodes
     */
    public List<Node> nodes() {
        return List.of(nodes);
    }

    /**
     * Returns the graph's structure version this plan was compiled against.
     *
     * @return the version; a different current version means the plan is stale
     */
    public int structureVersion() {
        return structureVersion;
    }

    /** Takes the spare run state, leaving none: null if there is none (another run holds it). */
    Execution takeSpare() {
        return spare.getAndSet(null);
    }

    /** Keeps a cleared run state for the next run, replacing any other. */
    void offerSpare(Execution execution) {
        spare.set(execution);
    }
}
