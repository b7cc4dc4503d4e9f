package dev.flowgraph.optimizers;

import dev.flowgraph.Output;
import java.util.List;

/**
 * Gradient descent with momentum, as TensorFlow 1's {@code MomentumOptimizer}: with the
 * accumulator {@code a} (slot {@code <var>/Momentum/accumulator}, starting at zeros),
 * <pre>
 * a    = momentum * a + g
 * var -= lr * a                          (plain)
 * var -= lr * (g + momentum * a)         (Nesterov, with the new a)
 * </pre>
 *
 * <pre>{@code
 * Node step = new Momentum(0.01, 0.9, true).minimize(loss);
 * }</pre>
 */
public final class Momentum extends Optimizer {
    private final double momentum;
    private final boolean nesterov;

    /**
     * Creates the rule.
     *
     * @param learningRate lr, positive
     * @param momentum the decay of the accumulator, in [0, 1)
     * @param nesterov whether to use Nesterov's look-ahead form
     * @throws IllegalArgumentException if an argument is out of range
     */
    public Momentum(double learningRate, double momentum, boolean nesterov) {
        super("Momentum", learningRate);
        this.momentum = checkDecay("the momentum", momentum);
        this.nesterov = nesterov;
    }

    @Override
    List<String> slotNames() {
        return List.of("accumulator");
    }

    @Override
    Output applyFused(Step s) {
        return s.tf.applyMomentum(s.variable, s.slot("accumulator"), s.learningRate(), s.gradient, momentum, nesterov);
    }

    @Override
    Output applyGraphOps(Step s) {
        var tf = s.tf;
        Output mu = s.constant(momentum);
        Output a = s.slot("accumulator");
        Output newA = tf.assign(a, tf.add(tf.mul(mu, a), s.gradient));
        Output direction = nesterov ? tf.add(s.gradient, tf.mul(mu, newA)) : newA;
        return tf.assignSub(s.variable, tf.mul(s.learningRate(), direction));
    }
}
