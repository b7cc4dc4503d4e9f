package dev.flowgraph;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.util.Arrays;

/**
 * Describes one run of a {@link Session}: what to feed, what to fetch, which nodes to run for
 * their effects. Obtained from {@link Session#runner()}; used by one thread.
 *
 * <p>Names are resolved, and feeds checked against the graph, as they are added, so a wrong name
 * or a feed of the wrong dtype or shape fails at that line, before anything runs. Any output may
 * be fed, not only a placeholder: the fed value replaces the output, and nodes that only that
 * output needed are not run.
 *
 * <pre>{@code
 * Result r = session.runner()
 *     .feed("a", Tensor.scalar(5.0))
 *     .feed("Mul", Tensor.scalar(6.0))   // an intermediate: replaces b*c
 *     .fetch("J")
 *     .run();
 * }</pre>
 *
 * <p>A run may carry a timeout and a {@link CancellationToken}; either stops it: no node starts
 * any more and the caller gets a {@link RunTimeoutException} or {@link RunCancelledException} at
 * once, while nodes already running finish in the background. Interrupting the thread that waits
 * for a run cancels it the same way (so {@code future.cancel(true)} on a submitted run works).
 *
 * <pre>{@code
 * CancellationToken token = new CancellationToken();
 * try {
 *     Result r = session.runner().feed("x", x).fetch("loss")
 *         .timeout(Duration.ofSeconds(2))    // RunTimeoutException after 2 s
 *         .cancelWith(token)                 // token.cancel() from another thread: RunCancelledException
 *         .run();
 * } catch (RunTimeoutException e) {
 *     // e.getMessage(): the timeout, the nodes completed, the last one and those still running
 * }
 * }</pre>
 */
public final class Runner {
    private static final Output[] NO_OUTPUTS = {};
    private static final Tensor[] NO_TENSORS = {};
    private static final Node[] NO_NODES = {};

    private final Session session;
    // Plain arrays that grow on demand rather than lists: a run is often a few hundred
    // nanoseconds, and its request is read by index without an iterator or a copy.
    private Output[] feeds = NO_OUTPUTS;
    private Tensor[] feedValues = NO_TENSORS;
    private int feedCount;
    private Output[] fetches = NO_OUTPUTS;
    private int fetchCount;
    /** The rarer parts of the request, made on first use; null while there are none. */
    private Extras extras;

    /**
     * Targets, timeout, token and tracing, kept apart so that a runner that only feeds and
     * fetches is a 40-byte object rather than 56: a small run's bytes are its cost
     * (docs/benchmarks.md).
     */
    private static final class Extras {
        private Node[] targets = NO_NODES;
        private int targetCount;
        private Duration timeout;
        private CancellationToken token;
        private boolean trace;
    }

    Runner(Session session) {
        this.session = session;
    }

    /**
     * Feeds a value to an output, by address ({@code "name"} or {@code "name:index"}).
     *
     * @param name the output's address
     * @param value a tensor of the output's dtype whose shape matches the output's known dimensions
     * @return this runner
     * @throws InvalidRunException if the name is unknown (with the nearest names), the output is
     *     fed twice, or the tensor's dtype or shape does not fit
     */
    public Runner feed(String name, Tensor value) {
        return feed(resolve(name, "feed"), value);
    }

    /**
     * Feeds a value to an output.
     *
     * @param output an output of the session's graph
     * @param value a tensor of the output's dtype whose shape matches the output's known dimensions
     * @return this runner
     * @throws InvalidRunException if the output is from another graph or fed twice, or the
     *     tensor's dtype or shape does not fit
     */
    public Runner feed(Output output, Tensor value) {
        checkOwn(output, "feed");
        if (value == null || indexOf(feeds, feedCount, output) >= 0 || value.dtype() != output.dtype()
                || !output.shape().isCompatibleWith(value.shape())) {
            // The messages are built apart, so that this method stays small enough to inline.
            throw badFeed(output, value);
        }
        if (feedCount == feeds.length) {
            feeds = Arrays.copyOf(feeds, Math.max(4, 2 * feedCount));
            feedValues = Arrays.copyOf(feedValues, feeds.length);
        }
        feeds[feedCount] = output;
        feedValues[feedCount++] = value;
        return this;
    }

    private RuntimeException badFeed(Output output, Tensor value) {
        if (value == null) {
            // Not checkNotNull: its message argument, the output's address, is a new string per call.
            return new NullPointerException("the value fed to '" + output.name() + "' is null");
        }
        if (indexOf(feeds, feedCount, output) >= 0) {
            return new InvalidRunException("'" + output.name() + "' is fed twice in one run");
        }
        return new InvalidRunException("Cannot feed " + value.dtype() + value.shape() + " to '" + output.name()
                + "' (op " + output.node().opType() + "), which expects " + output.spec()
                + (value.dtype() != output.dtype() ? ": dtypes differ (cast before feeding)"
                        : ": shapes differ where " + output.shape() + " is known"));
    }

    /**
     * Asks for an output's value, by address ({@code "name"} or {@code "name:index"}).
     *
     * @param name the output's address
     * @return this runner
     * @throws InvalidRunException if the name is unknown (with the nearest names)
     */
    public Runner fetch(String name) {
        return fetch(resolve(name, "fetch"));
    }

    /**
     * Asks for an output's value.
     *
     * @param output an output of the session's graph
     * @return this runner
     * @throws InvalidRunException if the output is from another graph
     */
    public Runner fetch(Output output) {
        checkOwn(output, "fetch");
        if (fetchCount == fetches.length) {
            fetches = Arrays.copyOf(fetches, Math.max(2, 2 * fetchCount));
        }
        fetches[fetchCount++] = output;
        return this;
    }

    /**
     * Asks for a node to run without fetching its outputs (for example an update step).
     *
     * @param nodeName the node's name
     * @return this runner
     * @throws InvalidRunException if the name is unknown (with the nearest names)
     */
    public Runner addTarget(String nodeName) {
        checkNotNull(nodeName, "nodeName");
        Graph g = session.graph();
        if (!g.hasNode(nodeName)) {
            throw new InvalidRunException("Cannot target '" + nodeName + "'. " + g.describeUnknown(nodeName));
        }
        return addTarget(g.node(nodeName));
    }

    /**
     * Asks for a node to run without fetching its outputs.
     *
     * @param node a node of the session's graph
     * @return this runner
     * @throws InvalidRunException if the node is from another graph
     */
    public Runner addTarget(Node node) {
        checkNotNull(node, "node");
        if (node.graph() != session.graph()) {
            throw new InvalidRunException("Cannot target " + node + ": it belongs to another graph than the session's");
        }
        Extras x = extras();
        if (x.targetCount == x.targets.length) {
            x.targets = Arrays.copyOf(x.targets, Math.max(1, 2 * x.targetCount));
        }
        x.targets[x.targetCount++] = node;
        return this;
    }

    /**
     * Limits how long the run may take, counted from the call to {@link #run()}. When the time is
     * up, no further node starts and {@code run()} throws {@link RunTimeoutException} at once;
     * nodes already running cannot be stopped from outside and finish in the background (a kernel
     * that uses {@code parallelFor} stops at its next block), their results dropped.
     *
     * @param timeout a positive duration; a later call replaces it
     * @return this runner
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public Runner timeout(Duration timeout) {
        checkNotNull(timeout, "timeout");
        checkArgument(!timeout.isNegative() && !timeout.isZero(), "a run's timeout must be positive, not %s", timeout);
        extras().timeout = timeout;
        return this;
    }

    /**
     * Lets a token cancel the run from another thread: after {@link CancellationToken#cancel()},
     * no further node starts and {@link #run()} throws {@link RunCancelledException} at once. A
     * token already cancelled fails the run before any node starts.
     *
     * @param token the token; a later call replaces it
     * @return this runner
     */
    public Runner cancelWith(CancellationToken token) {
        extras().token = checkNotNull(token, "token");
        return this;
    }

    /**
     * Records the run's timeline: for every node that runs, its start and end, its thread and its
     * outputs' shapes and bytes, read afterwards through {@link Result#trace()}. Off by default;
     * a run without it pays one null check per node and no clock read (docs/benchmarks.md
     * measures it).
     *
     * @return this runner
     */
    public Runner trace() {
        extras().trace = true;
        return this;
    }

    /**
     * Runs the graph: computes what the fetches and targets need, and nothing else.
     *
     * <p>Interrupting the calling thread while it runs the graph cancels the run: this method then
     * throws {@link RunCancelledException} and the thread's interrupt flag stays set. A thread
     * already interrupted when it calls this method gets the same exception before any node starts.
     *
     * @return the fetched values, by position and by name
     * @throws InvalidRunException if a placeholder the run needs is not fed
     * @throws KernelException if a node fails; the message names it, its op and its input shapes
     * @throws SessionClosedException if the session is closed
     * @throws RunTimeoutException if the run passed its {@link #timeout(Duration) timeout}
     * @throws RunCancelledException if the run was cancelled through its token or by an interrupt
     */
    public Result run() {
        Extras x = extras;
        if (x == null) {
            return session.run(feeds, feedValues, feedCount, fetches, fetchCount, NO_NODES, 0, null, null, false);
        }
        return session.run(feeds, feedValues, feedCount, fetches, fetchCount, x.targets, x.targetCount, x.timeout,
                x.token, x.trace);
    }

    private Extras extras() {
        if (extras == null) {
            extras = new Extras();
        }
        return extras;
    }

    private static int indexOf(Output[] outputs, int count, Output output) {
        for (int i = 0; i < count; i++) {
            if (outputs[i] == output) {
                return i;
            }
        }
        return -1;
    }

    private Output resolve(String name, String role) {
        checkNotNull(name, "name");
        try {
            return session.graph().output(name);
        } catch (UnknownNameException e) {
            throw new InvalidRunException("Cannot " + role + " '" + name + "'. " + e.getMessage());
        }
    }

    private void checkOwn(Output output, String role) {
        checkNotNull(output, "output");
        if (output.node().graph() != session.graph()) {
            throw new InvalidRunException("Cannot " + role + " '" + output.name()
                    + "': it belongs to another graph than the session's");
        }
    }
}
