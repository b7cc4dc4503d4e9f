package dev.flowgraph.optimizers;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.GraphBuildException;
import dev.flowgraph.Node;
import dev.flowgraph.NodeBuilder;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.autodiff.Gradients;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.train.Initializers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the nodes that train variables: a training step computes the gradient of a loss with
 * respect to each variable and updates the variable by a rule ({@link GradientDescent},
 * {@link Momentum}, {@link Adam}, {@link RMSProp}). The update is more graph, returned as one
 * target node: running it in a session applies one step to the session's variables.
 *
 * <pre>{@code
 * Variable w = tf.variable("w", DType.FLOAT64, Shape.scalar(), Initializers.zeros());
 * Output loss = tf.square(tf.sub(w.output(), tf.constant(3.0)));   // (w - 3)^2
 * Node step = new Adam(0.1).minimize(loss);
 * Node init = tf.initAllVariables();            // after minimize: it also initialises Adam's slots
 * try (Session s = new Session(graph)) {
 *     s.runner().addTarget(init).run();
 *     for (int i = 0; i < 200; i++) {
 *         double lossBeforeTheStep = s.runner().fetch(loss).addTarget(step).run().get(0).getDouble();
 *     }
 * }
 * }</pre>
 *
 * <p><b>Which variables.</b> {@link #minimize(Output)} trains every float variable the loss
 * depends on (the Variable nodes among the loss's inputs, transitively); integer and boolean
 * variables are left alone, and an optimizer's slots are never among them, since the loss does not
 * read them. Unlike TensorFlow, which skips a variable without a gradient, a float variable the
 * loss depends on only through non-differentiable paths is an error, so that a mistake in the
 * model does not silently leave a weight untrained.
 *
 * <p><b>Slots.</b> The state of a rule (momentum accumulators, Adam's moments and step counter)
 * lives in slot variables named {@code <variable>/<Optimizer>/<slot>} (the optimizer part is
 * {@code Adam}, or {@code Adam_1} when a second Adam trains the same variable), initialised
 * with zeros. They are ordinary variables: checkpoints save them, and
 * {@code tf.initAllVariables()} initialises them only when called <em>after</em>
 * {@code minimize}; or run {@link #initializer()}.
 *
 * <p><b>Learning rate.</b> A constant given to the constructor, or, with
 * {@link #withLearningRate}, an output read at each run (a schedule).
 *
 * <p><b>Clipping.</b> With {@link #withClipByGlobalNorm}, the gradients are first scaled together
 * as {@code tf.clip_by_global_norm} does: {@code g_i * c / max(||g||, c)}, where {@code ||g||}
 * is the Euclidean norm of all gradients' elements at once.
 *
 * <p><b>Updates.</b> Each variable's update is one fused op ({@code ApplyGradientDescent},
 * {@code ApplyMomentum}, {@code ApplyAdam}, {@code ApplyRMSProp}: one pass over the variable,
 * its slots and its gradient), or, with {@link #withFusedUpdates withFusedUpdates(false)}, a
 * chain of elementwise graph ops and variable writes; both compute the same IEEE operations in
 * the same order, so they give bit-identical variables, at any thread count. Within one run,
 * every read of a variable (the loss, the gradients) sees its value from before the step, so
 * fetching the loss with the step gives the loss the step started from.
 *
 * <p>An optimizer object holds its settings and the slot initializers it made; it may build steps
 * for several losses of one graph. It is not thread-safe while building.
 */
public abstract class Optimizer {
    private final String name;
    private final double learningRate;
    private Output learningRateOutput;
    private double clipNorm;
    private boolean fused = true;
    private final List<Node> slotInitializers = new ArrayList<>();
    private Graph graph;

    /**
     * Creates an optimizer; subclasses live in this package.
     *
     * @param name the name of the rule, used in slot and node names
     * @param learningRate the learning rate, positive
     * @throws IllegalArgumentException if the learning rate is not positive and finite
     */
    Optimizer(String name, double learningRate) {
        this.name = name;
        this.learningRate = checkPositive("the learning rate", learningRate);
    }

    /**
     * Returns the name of the rule: {@code GradientDescent}, {@code Momentum}, {@code Adam} or
     * {@code RMSProp}.
     *
     * @return the name
     */
    public final String name() {
        return name;
    }

    /**
     * Makes every step built after this call read its learning rate from an output, instead of
     * the constant given to the constructor: a placeholder fed at each run, or a variable, for a
     * schedule. The value is read when the step runs; the constructor's learning rate is then
     * unused.
     *
     * <pre>{@code
     * Output lr = tf.placeholder("lr", DType.FLOAT64, Shape.scalar());
     * Node step = new GradientDescent(0.1).withLearningRate(lr).minimize(loss);
     * session.runner().feed(lr, Tensor.scalar(0.1 * Math.pow(0.5, epoch))).addTarget(step).run();
     * }</pre>
     *
     * @param learningRate a FLOAT32 or FLOAT64 scalar, cast to each variable's dtype (to
     *     FLOAT64 for Adam's step size)
     * @return this optimizer
     * @throws IllegalArgumentException if the output is not a float scalar
     */
    public final Optimizer withLearningRate(Output learningRate) {
        checkNotNull(learningRate, "learningRate");
        checkArgument(learningRate.dtype().isFloating() && learningRate.shape().equals(Shape.scalar()),
                "the learning rate '%s' must be a FLOAT32 or FLOAT64 scalar, not %s%s", learningRate.name(),
                learningRate.dtype(), learningRate.shape());
        this.learningRateOutput = learningRate;
        return this;
    }

    /**
     * Clips the gradients of every step built after this call by their global norm:
     * {@code g_i * clipNorm / max(||g||, clipNorm)}, with {@code ||g||} the norm of all gradients
     * together, as {@code tf.clip_by_global_norm}.
     *
     * @param clipNorm the largest global norm, positive
     * @return this optimizer
     * @throws IllegalArgumentException if clipNorm is not positive and finite
     */
    public final Optimizer withClipByGlobalNorm(double clipNorm) {
        this.clipNorm = checkPositive("the clip norm", clipNorm);
        return this;
    }

    /**
     * Chooses how every step built after this call updates each variable: with one fused op
     * (true, the default), or with a chain of elementwise graph ops and {@code assign} /
     * {@code assignSub} (false), where each intermediate is a node of its own, which a run may
     * fetch, at the cost of a pass over memory and a new tensor per op. Both give bit-identical
     * results.
     *
     * @param fusedUpdates whether to use the fused ops
     * @return this optimizer
     */
    public final Optimizer withFusedUpdates(boolean fusedUpdates) {
        this.fused = fusedUpdates;
        return this;
    }

    /**
     * Adds a training step that minimises {@code loss} over every float variable it depends on.
     *
     * @param loss a FLOAT32 or FLOAT64 scalar
     * @return the target to run ({@code runner.addTarget}) for one step
     * @throws GraphBuildException if the loss is not a float scalar, depends on no float variable,
     *     or depends on one only through non-differentiable paths
     */
    public final Node minimize(Output loss) {
        checkLoss(loss);
        List<Output> variables = new ArrayList<>();
        for (Node n : loss.node().graph().executionOrder(List.of(loss.node()), Set.of())) {
            if (n.opType().equals("Variable") && n.output(0).dtype().isFloating()) {
                variables.add(n.output(0));
            }
        }
        if (variables.isEmpty()) {
            throw new GraphBuildException(String.format(
                    "cannot minimize '%s': it depends on no FLOAT32 or FLOAT64 variable, so there is nothing to train",
                    loss.node().name()));
        }
        return minimize(loss, variables);
    }

    /**
     * Adds a training step that minimises {@code loss} over the given variables only.
     *
     * @param loss a FLOAT32 or FLOAT64 scalar
     * @param variables float variables' outputs ({@code Variable.output()}) that the loss depends on
     * @return the target to run for one step
     * @throws GraphBuildException if the loss is not a float scalar, an entry is not a float
     *     variable, the loss does not depend on it, or it only through non-differentiable paths
     */
    public final Node minimize(Output loss, List<Output> variables) {
        return applyGradients(computeGradients(loss, variables));
    }

    /**
     * Adds the gradients of {@code loss} with respect to the given variables, the first half of
     * {@link #minimize(Output, List)}; change them and pass them to {@link #applyGradients}.
     *
     * @param loss a FLOAT32 or FLOAT64 scalar
     * @param variables float variables' outputs that the loss depends on
     * @return per variable, in order, its gradient and itself
     * @throws GraphBuildException as {@link #minimize(Output, List)}
     */
    public final List<GradientAndVariable> computeGradients(Output loss, List<Output> variables) {
        checkLoss(loss);
        checkNotNull(variables, "variables");
        Set<Node> dependencies = new HashSet<>(loss.node().graph().executionOrder(List.of(loss.node()), Set.of()));
        for (Output v : variables) {
            checkVariable(v);
            if (!dependencies.contains(v.node())) {
                throw new GraphBuildException(String.format(
                        "cannot minimize '%s' over the variable '%s': the loss does not depend on it", loss.node().name(),
                        v.node().name()));
            }
        }
        List<Output> gradients = Gradients.of(loss, variables);
        List<GradientAndVariable> pairs = new ArrayList<>(variables.size());
        for (int i = 0; i < variables.size(); i++) {
            pairs.add(new GradientAndVariable(gradients.get(i), variables.get(i)));
        }
        return pairs;
    }

    /**
     * Adds a training step that applies the given gradients by this optimizer's rule (after
     * clipping them, if set), creating the slots it needs.
     *
     * @param gradientsAndVariables per variable, its gradient (of the variable's dtype and shape)
     * @return the target to run for one step, a NoOp named after the rule ({@code Adam},
     *     {@code Adam_1}, ...)
     * @throws GraphBuildException if the list is empty, an entry is not a float variable, a
     *     variable appears twice, a gradient's dtype or shape differs from its variable's, or
     *     this optimizer has built steps for another graph
     */
    public final Node applyGradients(List<GradientAndVariable> gradientsAndVariables) {
        checkNotNull(gradientsAndVariables, "gradientsAndVariables");
        if (gradientsAndVariables.isEmpty()) {
            throw new GraphBuildException(name + ".applyGradients needs at least one gradient and variable");
        }
        Set<Output> seen = new HashSet<>();
        Graph graph = gradientsAndVariables.get(0).variable().node().graph();
        for (GradientAndVariable gv : gradientsAndVariables) {
            Output v = gv.variable();
            Output g = gv.gradient();
            checkVariable(v);
            if (v.node().graph() != graph || g.node().graph() != graph) {
                throw new GraphBuildException(String.format(
                        "cannot apply the gradient '%s' to '%s': the gradients and variables are not all in one graph",
                        g.name(), v.node().name()));
            }
            if (!seen.add(v)) {
                throw new GraphBuildException(String.format(
                        "the variable '%s' appears twice in %s.applyGradients; sum its gradients first", v.node().name(), name));
            }
            if (g.dtype() != v.dtype() || !g.shape().isCompatibleWith(v.shape())) {
                throw new GraphBuildException(String.format(
                        "the gradient '%s' is %s%s but the variable '%s' is %s%s; they must have the same dtype and shape",
                        g.name(), g.dtype(), g.shape(), v.node().name(), v.dtype(), v.shape()));
            }
        }
        if (this.graph != null && this.graph != graph) {
            throw new GraphBuildException("this " + name + " optimizer has built steps for another graph; make one"
                    + " optimizer per graph");
        }
        List<Output> gradients = gradientsAndVariables.stream().map(GradientAndVariable::gradient).toList();
        if (clipNorm > 0) {
            gradients = clipByGlobalNorm(Ops.on(graph).withScope(name + "/clip"), gradients);
        }
        this.graph = graph;
        String scope = slotScope(gradientsAndVariables);
        NodeBuilder step = graph.nodeBuilder("NoOp").uniqueName(name);
        for (int i = 0; i < gradients.size(); i++) {
            Output v = gradientsAndVariables.get(i).variable();
            Step s = new Step(v, gradients.get(i), scope);
            step.controlInput((fused ? applyFused(s) : applyGraphOps(s)).node());
        }
        return step.build();
    }

    /**
     * Adds a target that initialises the slots this optimizer has created so far, with zeros; an
     * alternative to calling {@code tf.initAllVariables()} after {@code minimize}.
     *
     * @return a NoOp, named {@code <Optimizer>_init}, that runs the slots' initializer assigns
     *     (none for {@link GradientDescent})
     * @throws IllegalStateException if this optimizer has built no step yet
     */
    public final Node initializer() {
        if (graph == null) {
            throw new IllegalStateException("the " + name + " optimizer has built no step yet, so it has no slots");
        }
        NodeBuilder b = graph.nodeBuilder("NoOp").uniqueName(name + "_init");
        slotInitializers.forEach(b::controlInput);
        return b.build();
    }

    /**
     * The names of the slots this rule makes per variable.
     *
     * @return the slot names
     */
    abstract List<String> slotNames();

    /**
     * Adds the chain of elementwise ops and variable writes that updates one variable.
     *
     * @param s the variable, its gradient, and helpers for slots and constants
     * @return the output of the node that writes the variable
     */
    abstract Output applyGraphOps(Step s);

    /**
     * Adds the fused op that updates one variable, computing what {@link #applyGraphOps} does.
     *
     * @param s the variable, its gradient, and helpers for slots and constants
     * @return the output of the fused op
     */
    abstract Output applyFused(Step s);

    /** One variable's update under construction: its gradient, and where its slots and ops go. */
    final class Step {
        /** The variable's output. */
        final Output variable;
        /** Its (clipped) gradient. */
        final Output gradient;
        /** Names the update's arithmetic {@code <variable>/<scope>/update/...}. */
        final Ops tf;
        private final Ops slots;

        Step(Output variable, Output gradient, String scope) {
            this.variable = variable;
            this.gradient = gradient;
            this.slots = Ops.on(variable.node().graph()).withScope(variable.node().name() + "/" + scope);
            this.tf = slots.withScope("update");
        }

        /** Adds a slot of the variable's dtype and shape, starting at zeros. */
        Output slot(String slotName) {
            return slot(slotName, variable.dtype(), variable.shape());
        }

        /** Adds a slot of the given dtype and shape, starting at zeros. */
        Output slot(String slotName, DType dtype, Shape shape) {
            var v = slots.variable(slotName, dtype, shape, Initializers.zeros());
            slotInitializers.add(v.initializer());
            return v.output();
        }

        /** The learning rate, in the variable's dtype. */
        Output learningRate() {
            return learningRate(variable.dtype());
        }

        /** The learning rate, in the given float dtype: a constant, or the output set for it. */
        Output learningRate(DType dtype) {
            if (learningRateOutput != null) {
                return toDType(tf, learningRateOutput, dtype);
            }
            return dtype == DType.FLOAT32 ? tf.constant((float) learningRate) : tf.constant(learningRate);
        }

        /** A scalar constant of the variable's dtype. */
        Output constant(double value) {
            return variable.dtype() == DType.FLOAT32 ? tf.constant((float) value) : tf.constant(value);
        }
    }

    /** Picks {@code name}, or {@code name_1}, ..., so that no slot of these variables exists yet. */
    private String slotScope(List<GradientAndVariable> pairs) {
        Graph graph = pairs.get(0).variable().node().graph();
        for (int k = 0;; k++) {
            String candidate = k == 0 ? name : name + "_" + k;
            boolean free = true;
            for (GradientAndVariable gv : pairs) {
                String prefix = gv.variable().node().name() + "/" + candidate + "/";
                free &= slotNames().stream().noneMatch(slot -> graph.hasNode(prefix + slot));
            }
            if (free) {
                return candidate;
            }
        }
    }

    /**
     * {@code g_i * c / max(||g||, c)}: the squared norm is summed in FLOAT64 over all gradients,
     * in order, then each gradient is scaled in its own dtype, multiplying before dividing as
     * {@code tf.clip_by_global_norm} does.
     */
    private List<Output> clipByGlobalNorm(Ops tf, List<Output> gradients) {
        Output squares = null;
        for (Output g : gradients) {
            Output s = toDType(tf, tf.sum(tf.square(g)), DType.FLOAT64);
            squares = squares == null ? s : tf.add(squares, s);
        }
        Output norm = tf.sqrt(squares);
        Output divisor = tf.maximum(norm, tf.constant(clipNorm));
        List<Output> clipped = new ArrayList<>(gradients.size());
        for (Output g : gradients) {
            Output c = g.dtype() == DType.FLOAT32 ? tf.constant((float) clipNorm) : tf.constant(clipNorm);
            clipped.add(tf.div(tf.mul(g, c), toDType(tf, divisor, g.dtype())));
        }
        return clipped;
    }

    /** Checks a setting that must be positive and finite (a learning rate, an epsilon). */
    static double checkPositive(String what, double value) {
        checkArgument(value > 0 && Double.isFinite(value), "%s must be positive and finite, not %s", what, value);
        return value;
    }

    /** Checks a decay rate: in [0, 1). */
    static double checkDecay(String what, double value) {
        checkArgument(value >= 0 && value < 1, "%s must be in [0, 1), not %s", what, value);
        return value;
    }

    /** Casts x to dtype unless it has it already. */
    static Output toDType(Ops tf, Output x, DType dtype) {
        return x.dtype() == dtype ? x : tf.cast(x, dtype);
    }

    private static void checkLoss(Output loss) {
        checkNotNull(loss, "loss");
        if (!loss.dtype().isFloating() || !loss.shape().equals(Shape.scalar())) {
            throw new GraphBuildException(String.format(
                    "cannot minimize '%s' (%s%s): the loss must be a FLOAT32 or FLOAT64 scalar; reduce it with"
                            + " tf.sum or tf.mean first", loss.node().name(), loss.dtype(), loss.shape()));
        }
    }

    private static void checkVariable(Output v) {
        checkNotNull(v, "variable");
        if (!v.node().opType().equals("Variable")) {
            throw new GraphBuildException(String.format(
                    "'%s' is the output of a %s node, not a variable; optimizers update variables (Variable.output())",
                    v.node().name(), v.node().opType()));
        }
        if (!v.dtype().isFloating()) {
            throw new GraphBuildException(String.format(
                    "cannot train the variable '%s' (%s%s): optimizers update FLOAT32 and FLOAT64 variables only",
                    v.node().name(), v.dtype(), v.shape()));
        }
    }
}
