package dev.flowgraph.autodiff;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.flowgraph.Graph;
import dev.flowgraph.GraphBuildException;
import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.ops.Ops;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the gradient of one output with respect to others, by reverse-mode automatic
 * differentiation: the result is more graph, whose nodes compute {@code dy/dx} when a session runs
 * them.
 *
 * <p>Starting from {@code y} with an initial gradient (ones of y's shape unless given, so a
 * non-scalar y is differentiated as the sum of its elements), it visits, in reverse topological
 * order, every node on a path from some {@code x} to {@code y}, asks the node's op
 * ({@link Differentiable}) for its inputs' gradients, and sums the contributions that reach a
 * tensor along different paths, in a fixed order. Gradients flow through float tensors only:
 * integer and boolean edges (indices, comparisons, shapes) are not paths. Nodes that do not lead
 * to {@code y} are skipped and add nothing to the graph. The gradient nodes are named under
 * {@code gradients/<forward node>/}.
 *
 * <pre>{@code
 * Output x = tf.placeholder("x", DType.FLOAT64, Shape.scalar());
 * Output y = tf.mul(x, tf.mul(x, x));                       // x^3
 * Output dy = Gradients.of(y, List.of(x)).get(0);           // 3x^2
 * Output d2y = Gradients.of(dy, List.of(x)).get(0);         // 6x
 * List<Output> g = Gradients.from(loss).withRespectTo(w, b).whenNoGradient(NoGradient.ZERO).compute();
 * }</pre>
 *
 * <p>Where a gradient does not exist (an {@code x} with no path to {@code y}, or a node on such a
 * path whose op is not differentiable), the default is a {@link GraphBuildException} naming it;
 * {@link NoGradient#ZERO} treats it as zero instead.
 */
public final class Gradients {
    private Gradients() {}

    /**
     * Returns {@code dy/dx} for each x, starting from ones of y's shape.
     *
     * @param y the float output to differentiate
     * @param xs the float outputs to differentiate with respect to
     * @return per x, an output with x's dtype and shape
     * @throws GraphBuildException if y or an x is not a float, an x has no path to y, or a node
     *     on a path has no gradient
     */
    public static List<Output> of(Output y, List<Output> xs) {
        return from(y).withRespectTo(xs).compute();
    }

    /**
     * Returns {@code dy/dx} for each x, starting from a given gradient of y (the vector of a
     * vector-Jacobian product).
     *
     * @param y the float output to differentiate
     * @param xs the float outputs to differentiate with respect to
     * @param dy the gradient flowing into y: y's dtype and shape
     * @return per x, an output with x's dtype and shape
     * @throws GraphBuildException as {@link #of(Output, List)} does, or if dy does not match y
     */
    public static List<Output> of(Output y, List<Output> xs, Output dy) {
        return from(y).withRespectTo(xs).initialGradient(dy).compute();
    }

    /**
     * Starts a gradient with options.
     *
     * @param y the float output to differentiate
     * @return a builder
     */
    public static Builder from(Output y) {
        return new Builder(checkNotNull(y, "y"));
    }

    /** The options of one gradient computation; {@link #compute} adds the nodes. */
    public static final class Builder {
        private final Output y;
        private List<Output> xs = List.of();
        private Output dy;
        private NoGradient noGradient = NoGradient.ERROR;

        private Builder(Output y) {
            this.y = y;
        }

        /**
         * Sets the outputs to differentiate with respect to.
         *
         * @param xs float outputs of y's graph
         * @return this builder
         */
        public Builder withRespectTo(List<Output> xs) {
            this.xs = List.copyOf(xs);
            return this;
        }

        /**
         * Sets the outputs to differentiate with respect to.
         *
         * @param xs float outputs of y's graph
         * @return this builder
         */
        public Builder withRespectTo(Output... xs) {
            return withRespectTo(List.of(xs));
        }

        /**
         * Sets the gradient flowing into y (ones of y's shape by default).
         *
         * @param dy y's dtype and shape
         * @return this builder
         */
        public Builder initialGradient(Output dy) {
            this.dy = checkNotNull(dy, "dy");
            return this;
        }

        /**
         * Sets what happens where no gradient exists ({@link NoGradient#ERROR} by default).
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder whenNoGradient(NoGradient policy) {
            this.noGradient = checkNotNull(policy, "policy");
            return this;
        }

        /**
         * Adds the gradient nodes to y's graph.
         *
         * @return per x, in order, an output holding {@code dy/dx} with x's dtype and shape
         * @throws GraphBuildException if y or an x is not a float or not in y's graph, dy does not
         *     match y, or (under {@link NoGradient#ERROR}) an x has no path to y or a node on a
         *     path has no gradient
         */
        public List<Output> compute() {
            return new Backward(this).run();
        }
    }

    /** One reverse pass: the state of a {@link Builder#compute} call. */
    private static final class Backward {
        private final Output y;
        private final List<Output> xs;
        private final NoGradient noGradient;
        private final Ops tf;
        private final Set<Output> targets;
        /** Nodes with a float input that is an x or comes from such a node. */
        private final Set<Node> fedByX = new HashSet<>();
        /** Outputs a gradient path from y has reached, whether or not its gradient is zero. */
        private final Set<Output> reached = new HashSet<>();
        private final Map<Output, List<Output>> contributions = new HashMap<>();
        private final Map<Output, Output> totals = new HashMap<>();
        private final Output dy;

        Backward(Builder b) {
            this.y = b.y;
            this.xs = b.xs;
            this.noGradient = b.noGradient;
            Graph graph = y.node().graph();
            this.tf = Ops.on(graph).withScope("gradients");
            requireFloat(y, "differentiate");
            for (Output x : xs) {
                checkNotNull(x, "x");
                if (x.node().graph() != graph) {
                    throw new GraphBuildException(String.format(
                            "cannot differentiate '%s' with respect to '%s': they are in different graphs", y.name(), x.name()));
                }
                requireFloat(x, "differentiate with respect to");
            }
            if (b.dy != null && (b.dy.dtype() != y.dtype() || !b.dy.shape().isCompatibleWith(y.shape()))) {
                throw new GraphBuildException(String.format(
                        "the initial gradient '%s' is %s%s but '%s' is %s%s; it must match y's dtype and shape",
                        b.dy.name(), b.dy.dtype(), b.dy.shape(), y.name(), y.dtype(), y.shape()));
            }
            this.targets = new HashSet<>(xs);
            this.dy = b.dy;
        }

        List<Output> run() {
            List<Node> order = y.node().graph().executionOrder(List.of(y.node()), Set.of());
            for (Node n : order) {
                for (Output in : n.inputs()) {
                    if (in.dtype().isFloating() && leadsFromX(in)) {
                        fedByX.add(n);
                        break;
                    }
                }
            }
            if (leadsFromX(y)) {
                reached.add(y);
                add(y, dy != null ? dy : tf.withScope(y.node().name()).onesLike(y));
            }
            for (int i = order.size() - 1; i >= 0; i--) {
                backPropagate(order.get(i));
            }
            List<Output> result = new ArrayList<>(xs.size());
            for (Output x : xs) {
                result.add(gradientOf(x));
            }
            return result;
        }

        private boolean leadsFromX(Output o) {
            return targets.contains(o) || fedByX.contains(o.node());
        }

        private void backPropagate(Node n) {
            if (!fedByX.contains(n)) {
                return;
            }
            List<Output> dOutputs = new ArrayList<>(n.outputCount());
            boolean any = false;
            for (Output o : n.outputs()) {
                Output total = total(o);
                dOutputs.add(total);
                any |= total != null;
            }
            boolean onPath = false;
            for (Output o : n.outputs()) {
                onPath |= reached.contains(o);
            }
            if (!onPath) {
                return;
            }
            if (!(n.op() instanceof Differentiable differentiable)) {
                if (noGradient == NoGradient.ERROR) {
                    throw new GraphBuildException(String.format(
                            "no gradient for node '%s' (op %s): it lies on a path from %s to '%s' and op %s is not"
                                    + " differentiable; use Gradients.from(y).whenNoGradient(NoGradient.ZERO) to treat"
                                    + " its gradient as zero",
                            n.name(), n.opType(), names(xs), y.name(), n.opType()));
                }
                return;
            }
            if (!any) {
                // Every path through this node has a zero gradient: its inputs are reached, with nothing to add.
                markInputsReached(n);
                return;
            }
            List<Output> dInputs = differentiable.gradients(tf.withScope(n.name()), n,
                    Collections.unmodifiableList(dOutputs));
            if (dInputs.size() != n.inputCount()) {
                throw new IllegalStateException(String.format(
                        "the gradient of op %s returned %d input gradients for node '%s', which has %d inputs",
                        n.opType(), dInputs.size(), n.name(), n.inputCount()));
            }
            for (int i = 0; i < n.inputCount(); i++) {
                Output in = n.input(i);
                if (!in.dtype().isFloating() || !leadsFromX(in)) {
                    continue;
                }
                reached.add(in);
                Output dIn = dInputs.get(i);
                if (dIn == null) {
                    continue;
                }
                if (dIn.dtype() != in.dtype() || !dIn.shape().isCompatibleWith(in.shape())) {
                    throw new IllegalStateException(String.format(
                            "the gradient of op %s for input %d of node '%s' is %s%s, but the input is %s%s",
                            n.opType(), i, n.name(), dIn.dtype(), dIn.shape(), in.dtype(), in.shape()));
                }
                add(in, dIn);
            }
        }

        private void markInputsReached(Node n) {
            for (Output in : n.inputs()) {
                if (in.dtype().isFloating() && leadsFromX(in)) {
                    reached.add(in);
                }
            }
        }

        private void add(Output o, Output gradient) {
            contributions.computeIfAbsent(o, k -> new ArrayList<>()).add(gradient);
        }

        /** The sum of the contributions to o, built once, in the order they arrived; null if none. */
        private Output total(Output o) {
            Output cached = totals.get(o);
            if (cached != null) {
                return cached;
            }
            List<Output> parts = contributions.get(o);
            if (parts == null) {
                return null;
            }
            Output sum = parts.get(0);
            Ops scoped = tf.withScope(o.node().name());
            for (int i = 1; i < parts.size(); i++) {
                sum = scoped.add(sum, parts.get(i));
            }
            totals.put(o, sum);
            return sum;
        }

        private Output gradientOf(Output x) {
            if (!reached.contains(x)) {
                if (noGradient == NoGradient.ERROR) {
                    throw new GraphBuildException(String.format(
                            "'%s' has no gradient path to '%s' (gradients flow through float tensors only); use"
                                    + " Gradients.from(y).whenNoGradient(NoGradient.ZERO) to get zeros for it",
                            x.name(), y.name()));
                }
                return tf.withScope(x.node().name()).zerosLike(x);
            }
            Output total = total(x);
            return total != null ? total : tf.withScope(x.node().name()).zerosLike(x);
        }

        private static void requireFloat(Output o, String verb) {
            if (!o.dtype().isFloating()) {
                throw new GraphBuildException(String.format(
                        "cannot %s '%s' (%s%s): gradients flow through float tensors only; cast it to a float first",
                        verb, o.name(), o.dtype(), o.shape()));
            }
        }

        private static String names(List<Output> outputs) {
            return outputs.stream().map(o -> "'" + o.name() + "'").collect(Collectors.joining(", ", "[", "]"));
        }
    }
}
