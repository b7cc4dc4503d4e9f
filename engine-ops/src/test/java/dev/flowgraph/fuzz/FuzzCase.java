package dev.flowgraph.fuzz;

import dev.flowgraph.Graph;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.spi.OutputSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One differential test case: the steps a seed generated ({@link RandomGraphs}), which step
 * outputs are fetched, which intermediates are fed, and which steps shrinking has cut (replaced by
 * a placeholder of the same dtype and shape, fed a value).
 *
 * <p>A case is rebuilt from scratch into a fresh graph by {@link #build()}; only the steps the
 * fetches reach are added, so cutting a step drops everything above it. Fed values are a pure
 * function of (seed, step), so a case rebuilt from its {@link #describe() description} runs the
 * same values.
 *
 * @param seed the generator's seed
 * @param steps the generated steps, in topological order
 * @param fetches the fetched steps
 * @param fed the fed intermediate steps
 * @param cuts the steps replaced by placeholders
 */
record FuzzCase(long seed, List<Step> steps, List<Integer> fetches, TreeSet<Integer> fed, TreeSet<Integer> cuts) {

    /** Builds one step's output from its inputs' outputs in the graph being built. */
    @FunctionalInterface
    interface Builder {
        /**
         * Adds the step.
         *
         * @param tf the facade, already naming the step's node {@code s<index>}
         * @param inputs the outputs of the step's inputs, in the graph being built
         * @return the step's output
         */
        Output build(Ops tf, Output[] inputs);
    }

    /**
     * One generated node (or a small compound, such as {@code where(greater(x, y), x, y)}).
     *
     * @param label what the step computes, for failure reports
     * @param inputs the steps it reads
     * @param spec its output's dtype and static shape, as the generator's graph inferred
     * @param source whether it is a placeholder that every run must feed
     * @param builder adds the step's node(s)
     */
    record Step(String label, int[] inputs, OutputSpec spec, boolean source, Builder builder) {}

    /**
     * A built case: a graph and what to feed and fetch.
     *
     * @param graph the graph
     * @param feeds values by output, in step order
     * @param fetches the fetched outputs
     * @param listing the built nodes, one line each
     */
    record Built(Graph graph, Map<Output, Tensor> feeds, List<Output> fetches, String listing) {}

    /**
     * Returns this case with other fetches, fed steps and cuts.
     *
     * @param newFetches the fetched steps
     * @param newFed the fed intermediate steps
     * @param newCuts the steps replaced by placeholders
     * @return the new case, sharing the steps
     */
    FuzzCase with(List<Integer> newFetches, TreeSet<Integer> newFed, TreeSet<Integer> newCuts) {
        return new FuzzCase(seed, steps, List.copyOf(newFetches), new TreeSet<>(newFed), new TreeSet<>(newCuts));
    }

    /**
     * Builds the graph of the steps the fetches reach and the values to feed.
     *
     * @return the built case; the caller closes its graph
     */
    Built build() {
        int n = steps.size();
        BitSet inGraph = new BitSet(n);
        ArrayDeque<Integer> work = new ArrayDeque<>(fetches);
        while (!work.isEmpty()) {
            int i = work.pop();
            if (inGraph.get(i)) {
                continue;
            }
            inGraph.set(i);
            if (!cuts.contains(i)) {
                for (int in : steps.get(i).inputs()) {
                    work.push(in);
                }
            }
        }
        // What a run computes: fed intermediates stop the walk, their ancestors stay in the graph.
        BitSet runs = new BitSet(n);
        work.addAll(fetches);
        while (!work.isEmpty()) {
            int i = work.pop();
            if (runs.get(i)) {
                continue;
            }
            runs.set(i);
            if (!cuts.contains(i) && !fed.contains(i)) {
                for (int in : steps.get(i).inputs()) {
                    work.push(in);
                }
            }
        }
        Graph g = new Graph();
        Ops tf = Ops.on(g);
        Output[] outs = new Output[n];
        Map<Output, Tensor> feeds = new LinkedHashMap<>();
        StringBuilder listing = new StringBuilder();
        for (int i = inGraph.nextSetBit(0); i >= 0; i = inGraph.nextSetBit(i + 1)) {
            Step s = steps.get(i);
            boolean placeholder = s.source() || cuts.contains(i);
            if (placeholder) {
                outs[i] = tf.placeholder("s" + i, s.spec().dtype(), s.spec().shape());
                listing.append(String.format("  s%d = placeholder %s%s%n", i, s.spec(), s.source() ? "" : " (cut: " + s.label() + ")"));
            } else {
                Output[] ins = new Output[s.inputs().length];
                for (int k = 0; k < ins.length; k++) {
                    ins[k] = outs[s.inputs()[k]];
                }
                outs[i] = s.builder().build(tf.withName("s" + i), ins);
                listing.append(String.format("  s%d = %s(%s) -> %s%s%n", i, s.label(), Arrays.stream(s.inputs())
                        .mapToObj(k -> "s" + k).collect(Collectors.joining(", ")), s.spec(), fed.contains(i) ? "  [fed]" : ""));
            }
            if (runs.get(i) && (placeholder || fed.contains(i))) {
                feeds.put(outs[i], value(s.spec(), new SplittableRandom(seed * 1_000_003L + i)));
            }
        }
        List<Output> fetched = new ArrayList<>();
        for (int f : fetches) {
            fetched.add(outs[f]);
        }
        return new Built(g, feeds, fetched, listing.toString());
    }

    /**
     * Returns the case as its regression-list entry, e.g. {@code "seed=42 fetch=3,7 fed=5 cut=2"}.
     *
     * @return the entry that {@link #parse} reads back
     */
    String describe() {
        return "seed=" + seed + " fetch=" + join(fetches) + " fed=" + join(fed) + " cut=" + join(cuts);
    }

    /**
     * Reads a {@link #describe()} entry back, regenerating the steps from the seed; a left-out
     * {@code fetch} or {@code fed} keeps the seed's own, a left-out {@code cut} means none.
     *
     * @param entry the entry
     * @return the case
     */
    static FuzzCase parse(String entry) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String p : entry.trim().split("\\s+")) {
            String[] kv = p.split("=", -1);
            parts.put(kv[0], kv[1]);
        }
        FuzzCase generated = RandomGraphs.generate(Long.parseLong(parts.get("seed")));
        // A key left out keeps what the seed generated.
        return generated.with(parts.containsKey("fetch") ? ints(parts.get("fetch")) : generated.fetches(),
                parts.containsKey("fed") ? new TreeSet<>(ints(parts.get("fed"))) : generated.fed(),
                new TreeSet<>(ints(parts.get("cut"))));
    }

    private static String join(java.util.Collection<Integer> xs) {
        return xs.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Integer> ints(String s) {
        List<Integer> out = new ArrayList<>();
        if (s != null && !s.isEmpty()) {
            for (String x : s.split(",")) {
                out.add(Integer.parseInt(x));
            }
        }
        return out;
    }

    /**
     * A random value of a fully defined spec: mostly moderate numbers, with a few zeros, negative
     * zeros, NaNs and infinities among the floats.
     *
     * @param spec a FLOAT64, FLOAT32 or INT32 spec of a fully defined shape
     * @param rng the source of randomness
     * @return the value
     */
    static Tensor value(OutputSpec spec, SplittableRandom rng) {
        Shape shape = spec.shape();
        int size = (int) shape.size();
        switch (spec.dtype()) {
            case FLOAT64: {
                double[] d = new double[size];
                for (int i = 0; i < size; i++) {
                    d[i] = special(rng, rng.nextDouble(-4, 4));
                }
                return Tensor.of(d, shape);
            }
            case FLOAT32: {
                float[] f = new float[size];
                for (int i = 0; i < size; i++) {
                    f[i] = (float) special(rng, rng.nextDouble(-4, 4));
                }
                return Tensor.of(f, shape);
            }
            case INT32: {
                int[] v = new int[size];
                for (int i = 0; i < size; i++) {
                    v[i] = rng.nextInt(-6, 7);
                }
                return Tensor.of(v, shape);
            }
            default:
                throw new IllegalArgumentException("no random values of " + spec.dtype());
        }
    }

    private static double special(SplittableRandom rng, double usual) {
        if (rng.nextInt(200) != 0) {
            return usual;
        }
        double[] specials = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.0};
        return specials[rng.nextInt(specials.length)];
    }
}
