package dev.flowgraph.optimizers;

import dev.flowgraph.Output;
import java.util.List;

/**
 * Plain gradient descent: {@code var -= lr * g}. No slots.
 *
 * <pre>{@code
 * Node step = new GradientDescent(0.1).minimize(loss);
 * session.runner().addTarget(step).run();
 * }</pre>
 */
public final class GradientDescent extends Optimizer {

    /**
     * Creates the rule.
     *
     * @param learningRate lr, positive
     * @throws IllegalArgumentException if lr is not positive and finite
     */
    public GradientDescent(double learningRate) {
        super("GradientDescent", learningRate);
    }

    @Override
    List<String> slotNames() {
        return List.of();
    }

    @Override
    Output applyGraphOps(Step s) {
        return s.tf.assignSub(s.variable, s.tf.mul(s.learningRate(), s.gradient));
    }

    @Override
    Output applyFused(Step s) {
        return s.tf.applyGradientDescent(s.variable, s.learningRate(), s.gradient);
    }
}
