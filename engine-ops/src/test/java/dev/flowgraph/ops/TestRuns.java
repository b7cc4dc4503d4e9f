package dev.flowgraph.ops;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Runner;
import dev.flowgraph.Session;
import dev.flowgraph.Tensor;
import java.util.List;
import java.util.Map;

/** Runs one output of a graph in a fresh session, for tests. */
public final class TestRuns {
    private TestRuns() {}

    /**
     * Computes an output that needs no feeds, on one thread.
     *
     * @param output the output to fetch
     * @return its value
     */
    public static Tensor eval(Output output) {
        return eval(output, 1, Map.of());
    }

    /**
     * Computes an output in a new session of the given pool size.
     *
     * @param output the output to fetch
     * @param threads the session's pool size
     * @param feeds values by output address
     * @return its value
     */
    public static Tensor eval(Output output, int threads, Map<String, Tensor> feeds) {
        return eval(output, threads, feeds, List.of());
    }

    /**
     * Runs targets, each in its own run, then computes an output in the same session.
     *
     * @param output the output to fetch
     * @param threads the session's pool size
     * @param feeds values by output address, for the fetching run
     * @param setup the targets to run first, in order (variable initialisers, say)
     * @return the output's value
     */
    public static Tensor eval(Output output, int threads, Map<String, Tensor> feeds, List<Node> setup) {
        try (Session s = new Session(output.node().graph(), threads)) {
            for (Node target : setup) {
                s.runner().addTarget(target).run();
            }
            Runner r = s.runner();
            feeds.forEach(r::feed);
            return r.fetch(output).run().get(0);
        }
    }
}
