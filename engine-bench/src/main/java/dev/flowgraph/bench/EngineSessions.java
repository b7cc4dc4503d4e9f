package dev.flowgraph.bench;

import dev.flowgraph.Graph;
import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Runner;
import dev.flowgraph.Session;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import java.util.function.Consumer;

/**
 * A benchmark's graph with two sessions on it, pools of 1 and 2 threads, and the one run each
 * benchmark repeats: feed the same tensors, fetch one output, run the targets if any. Build the
 * graph through {@link #tf}, then {@link #open} the sessions.
 */
final class EngineSessions implements AutoCloseable {
    final Graph graph = new Graph();
    final Ops tf = Ops.on(graph);
    private Session pool1;
    private Session pool2;
    private Output[] fed = new Output[0];
    private Tensor[] values = new Tensor[0];
    private Output fetched;
    private Node[] targets = new Node[0];

    /**
     * Opens the sessions once the graph is built.
     *
     * @param feeds the outputs each run feeds
     * @param feedValues their values, in the same order
     * @param fetch the output each run fetches
     */
    void open(Output[] feeds, Tensor[] feedValues, Output fetch) {
        open(feeds, feedValues, fetch, new Node[0], session -> {});
    }

    /**
     * Opens the sessions once the graph is built, prepares each (for example, initialises its
     * variables) and has every run also run {@code runTargets}.
     *
     * @param feeds the outputs each run feeds
     * @param feedValues their values, in the same order
     * @param fetch the output each run fetches
     * @param runTargets the nodes each run also runs
     * @param prepare applied to each new session before its first run
     */
    void open(Output[] feeds, Tensor[] feedValues, Output fetch, Node[] runTargets, Consumer<Session> prepare) {
        this.fed = feeds.clone();
        this.values = feedValues.clone();
        this.fetched = fetch;
        this.targets = runTargets.clone();
        pool1 = new Session(graph, 1);
        pool2 = new Session(graph, 2);
        prepare.accept(pool1);
        prepare.accept(pool2);
        // The first run compiles the plan; benchmarks measure the runs after it.
        run(1);
        run(2);
    }

    /**
     * Runs the graph once on the session with a pool of {@code threads}.
     *
     * @param threads 1 or 2
     * @return the fetched tensor
     */
    Tensor run(int threads) {
        Runner runner = (threads == 1 ? pool1 : pool2).runner();
        for (int i = 0; i < fed.length; i++) {
            runner.feed(fed[i], values[i]);
        }
        for (Node target : targets) {
            runner.addTarget(target);
        }
        return runner.fetch(fetched).run().get(0);
    }

    @Override
    public void close() {
        pool1.close();
        pool2.close();
        graph.close();
    }
}
