package dev.flowgraph.optimizers;

import dev.flowgraph.Output;
import java.util.List;

/**
 * RMSProp (Tieleman and Hinton, lecture 6.5 of "Neural Networks for Machine Learning", 2012),
 * with momentum, in TensorFlow 1's formulation ({@code RMSPropOptimizer}, epsilon inside the
 * square root). With the slots {@code ms} and {@code momentum} (the variable's dtype and shape),
 * each step does
 * <pre>
 * ms   = rho * ms + (1 - rho) * g * g
 * mom  = momentum * mom + lr * g / sqrt(ms + epsilon)
 * var -= mom
 * </pre>
 * Both slots start at zeros, as in Keras and PyTorch; TensorFlow 1 starts {@code ms} at ones,
 * which makes its first steps smaller. The slots are named {@code <var>/RMSProp/ms} and
 * {@code <var>/RMSProp/momentum}.
 *
 * <pre>{@code
 * Node step = new RMSProp(0.001, 0.9, 0.0, 1e-10).minimize(loss);
 * }</pre>
 */
public final class RMSProp extends Optimizer {
    private final double rho;
    private final double momentum;
    private final double epsilon;

    /**
     * Creates the rule.
     *
     * @param learningRate lr, positive
     * @param rho the decay of the mean square, in [0, 1)
     * @param momentum the decay of the momentum, in [0, 1); 0 for none
     * @param epsilon added to {@code ms} under the square root, positive
     * @throws IllegalArgumentException if an argument is out of range
     */
    public RMSProp(double learningRate, double rho, double momentum, double epsilon) {
        super("RMSProp", learningRate);
        this.rho = checkDecay("rho", rho);
        this.momentum = checkDecay("the momentum", momentum);
        this.epsilon = checkPositive("epsilon", epsilon);
    }

    @Override
    List<String> slotNames() {
        return List.of("ms", "momentum");
    }

    @Override
    Output applyFused(Step s) {
        return s.tf.applyRMSProp(s.variable, s.slot("ms"), s.slot("momentum"), s.learningRate(), s.gradient, rho,
                momentum, epsilon);
    }

    @Override
    Output applyGraphOps(Step s) {
        var tf = s.tf;
        Output g = s.gradient;
        Output ms = s.slot("ms");
        Output mom = s.slot("momentum");
        Output newMs = tf.assign(ms, tf.add(tf.mul(s.constant(rho), ms), tf.mul(tf.mul(s.constant(1 - rho), g), g)));
        Output scaled = tf.div(tf.mul(s.learningRate(), g), tf.sqrt(tf.add(newMs, s.constant(epsilon))));
        Output newMom = tf.assign(mom, tf.add(tf.mul(s.constant(momentum), mom), scaled));
        return tf.assignSub(s.variable, newMom);
    }
}
