package dev.flowgraph.ops.math;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.UnaryArithmetic;
import java.util.List;

/**
 * Elementwise {@code max(x, 0)}, on every numeric dtype, as {@code numpy.maximum(x, 0)}: NaN
 * propagates and {@code relu(-0.0)} is {@code 0.0}.
 */
final class Relu extends ElementwiseUnary implements Differentiable {
    static final String TYPE = "Relu";

    Relu() {
        // Math.max returns NaN for a NaN operand and +0.0 for -0.0 against 0.0, as NumPy does.
        super(TYPE, UnaryArithmetic.RELU, x -> Math.max(x, 0), x -> Math.max(x, 0L));
    }

    @Override
    public String summary() {
        return "relu(x): max(x, 0) elementwise; numeric dtypes; NaN propagates";
    }

    /** d relu(x) = dz where x > 0 and 0 elsewhere: 0 at x = 0, as in TensorFlow ({@link ReluGrad}). */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        return List.of(tf.reluGrad(dOutputs.get(0), node.input(0)));
    }
}
