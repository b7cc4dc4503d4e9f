package dev.flowgraph;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The values a run fetched, readable by position (fetch order) and by the name they were fetched
 * by ({@code "J"} and {@code "J:0"} are the same).
 *
 * <pre>{@code
 * Result r = session.runner().fetch("loss").fetch("logits").run();
 * double loss = r.get("loss").getDouble();
 * Tensor logits = r.get(1);
 * }</pre>
 */
public final class Result implements Iterable<Tensor> {
    private final List<Output> fetches;
    /**
     * The value itself when the run fetched one, else a {@code Tensor[]} in fetch order: the
     * common run of one fetch then allocates no array for it (docs/benchmarks.md counts a small
     * run's bytes).
     */
    private final Object values;
    private final RunTrace trace;

    /**
     * Holds a run's fetched values.
     *
     * @param fetches the fetched outputs, in fetch order
     * @param values the one value if {@code fetches} has one element, else a {@code Tensor[]} of
     *     one value per fetch
     * @param trace the run's timeline, or null if it was not traced
     */
    Result(List<Output> fetches, Object values, RunTrace trace) {
        this.fetches = fetches;
        this.values = values;
        this.trace = trace;
    }

    private Tensor value(int i) {
        return values instanceof Tensor ? (Tensor) values : ((Tensor[]) values)[i];
    }

    /**
     * Returns the run's timeline, recorded when its runner asked for it with {@link Runner#trace()}.
     *
     * @return the trace: one span per node that ran
     * @throws IllegalStateException if the run was not traced; the message says how to turn it on
     */
    public RunTrace trace() {
        if (trace == null) {
            throw new IllegalStateException("This run was not traced: call trace() on its Runner before run(), "
                    + "as in session.runner().fetch(\"y\").trace().run()");
        }
        return trace;
    }

    /**
     * Tells whether the run was traced, so that {@link #trace()} returns its timeline.
     *
     * @return true if its runner asked for {@link Runner#trace()}
     */
    public boolean hasTrace() {
        return trace != null;
    }

    /**
     * Returns the number of fetched values.
     *
     * @return the count, one per {@code fetch} call
     */
    public int size() {
        return values instanceof Tensor ? 1 : ((Tensor[]) values).length;
    }

    /**
     * Returns a value by position.
     *
     * @param i the position, in fetch order
     * @return the value
     * @throws IndexOutOfBoundsException if there is no such position
     */
    public Tensor get(int i) {
        int size = size();
        if (i < 0 || i >= size) {
            // The bare array index error would not say what this run fetched.
            throw new IndexOutOfBoundsException("fetch position " + i + " is out of range: this run fetched "
                    + size + (size == 1 ? " value " : " values ") + fetchedNames());
        }
        return value(i);
    }

    /**
     * Returns the value of a fetched output by address.
     *
     * @param name {@code "node"} or {@code "node:index"}
     * @return the value
     * @throws UnknownNameException if no fetch has this address
     */
    public Tensor get(String name) {
        boolean bare = name.indexOf(':') < 0;
        for (int i = 0; i < fetches.size(); i++) {
            Output f = fetches.get(i);
            // A bare name means output 0; comparing the parts spares building "name:0" per call.
            if (bare ? f.index() == 0 && f.node().name().equals(name) : f.name().equals(name)) {
                return value(i);
            }
        }
        throw notFetched(name);
    }

    private UnknownNameException notFetched(String name) {
        return new UnknownNameException("'" + name + "' was not fetched by this run; fetched: " + fetchedNames());
    }

    private String fetchedNames() {
        return fetches.stream().map(Output::name).collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * Returns the value of a fetched output.
     *
     * @param output the output
     * @return the value
     * @throws UnknownNameException if it was not fetched (an output of another graph never was)
     */
    public Tensor get(Output output) {
        int i = fetches.indexOf(output);
        if (i < 0 && !fetches.isEmpty() && fetches.get(0).node().graph() != output.node().graph()) {
            // Same-named outputs of two graphs would otherwise read as "'y:0' not fetched; fetched: [y:0]".
            throw new UnknownNameException("'" + output.name() + "' belongs to another graph than this run's, so "
                    + "this run did not fetch it; fetched: " + fetchedNames());
        }
        if (i < 0) {
            throw notFetched(output.name());
        }
        return value(i);
    }

    /**
     * Iterates over the values in fetch order.
     *
     * @return an iterator
     */
    @Override
    public Iterator<Tensor> iterator() {
        return values instanceof Tensor ? List.of((Tensor) values).iterator() : List.of((Tensor[]) values).iterator();
    }
}
