package dev.flowgraph.ops;

import dev.flowgraph.Output;
import dev.flowgraph.Runner;
import dev.flowgraph.Session;
import dev.flowgraph.Tensor;
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
        try (Session s = new Session(output.node().graph(), threads)) {
            Runner r = s.runner();
            feeds.forEach(r::feed);
            return r.fetch(output).run().get(0);
        }
    }
}
