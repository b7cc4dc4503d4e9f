package dev.flowgraph.optimizers;

import dev.flowgraph.DType;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import java.util.List;

/**
 * Adam (Kingma and Ba, "Adam: A Method for Stochastic Optimization", 2015), in TensorFlow 1's
 * formulation ({@code AdamOptimizer}, epsilon outside the square root and the bias correction
 * folded into the step size). With the slots {@code m}, {@code v} (the variable's dtype and
 * shape) and {@code step} (a FLOAT64 scalar counting the steps applied), all starting at zero,
 * each step does
 * <pre>
 * t    = step + 1
 * m    = beta1 * m + (1 - beta1) * g
 * v    = beta2 * v + (1 - beta2) * g * g
 * lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t)      (in FLOAT64, then cast to the variable's dtype)
 * var -= lr_t * m / (sqrt(v) + epsilon)
 * </pre>
 * The slots are named {@code <var>/Adam/m}, {@code <var>/Adam/v} and {@code <var>/Adam/step}.
 *
 * <pre>{@code
 * Adam adam = new Adam(1e-3);
 * Node step = adam.minimize(loss);
 * Node init = tf.initAllVariables();      // after minimize, so that it covers the slots
 * }</pre>
 */
public final class Adam extends Optimizer {
    /** The default learning rate, 1e-3. */
    public static final double DEFAULT_LEARNING_RATE = 1e-3;

    private final double beta1;
    private final double beta2;
    private final double epsilon;

    /**
     * Creates the rule with the usual defaults: lr = 1e-3, beta1 = 0.9, beta2 = 0.999,
     * epsilon = 1e-8.
     */
    public Adam() {
        this(DEFAULT_LEARNING_RATE);
    }

    /**
     * Creates the rule with beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8.
     *
     * @param learningRate lr, positive
     * @throws IllegalArgumentException if lr is not positive and finite
     */
    public Adam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8);
    }

    /**
     * Creates the rule.
     *
     * @param learningRate lr, positive
     * @param beta1 the decay of the first moment, in [0, 1)
     * @param beta2 the decay of the second moment, in [0, 1)
     * @param epsilon added to {@code sqrt(v)}, positive
     * @throws IllegalArgumentException if an argument is out of range
     */
    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        super("Adam", learningRate);
        this.beta1 = checkDecay("beta1", beta1);
        this.beta2 = checkDecay("beta2", beta2);
        this.epsilon = checkPositive("epsilon", epsilon);
    }

    @Override
    List<String> slotNames() {
        return List.of("m", "v", "step");
    }

    @Override
    Output applyGraphOps(Step s) {
        var tf = s.tf;
        Output g = s.gradient;
        Output t = stepCount(s);
        Output m = s.slot("m");
        Output v = s.slot("v");
        Output newM = tf.assign(m, tf.add(tf.mul(s.constant(beta1), m), tf.mul(s.constant(1 - beta1), g)));
        Output newV = tf.assign(v, tf.add(tf.mul(s.constant(beta2), v), tf.mul(tf.mul(s.constant(1 - beta2), g), g)));
        Output delta = tf.div(tf.mul(stepSize(s, t), newM), tf.add(tf.sqrt(newV), s.constant(epsilon)));
        return tf.assignSub(s.variable, delta);
    }

    @Override
    Output applyFused(Step s) {
        Output t = stepCount(s);
        return s.tf.applyAdam(s.variable, s.slot("m"), s.slot("v"), stepSize(s, t), s.gradient, beta1, beta2, epsilon);
    }

    /** Adds the step slot and its increment; returns t, the number of the step being applied. */
    private static Output stepCount(Step s) {
        return s.tf.assignAdd(s.slot("step", DType.FLOAT64, Shape.scalar()), s.tf.constant(1.0));
    }

    /** lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t), in FLOAT64, cast to the variable's dtype. */
    private Output stepSize(Step s, Output t) {
        var tf = s.tf;
        Output one = tf.constant(1.0);
        Output lrT = tf.div(
                tf.mul(s.learningRate(DType.FLOAT64), tf.sqrt(tf.sub(one, tf.pow(tf.constant(beta2), t)))),
                tf.sub(one, tf.pow(tf.constant(beta1), t)));
        return toDType(tf, lrT, s.variable.dtype());
    }
}
