package dev.flowgraph.ops.math;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.UnaryArithmetic;
import java.util.List;

/**
 * Elementwise {@code |x|}, on every numeric dtype, as {@code numpy.abs}. Integers wrap:
 * {@code abs(MIN_VALUE)} is {@code MIN_VALUE}. For floats only the sign bit is cleared, so
 * {@code abs(-0.0)} is {@code 0.0} and NaN stays NaN.
 */
final class Abs extends ElementwiseUnary implements Differentiable {
    static final String TYPE = "Abs";

    Abs() {
        super(TYPE, UnaryArithmetic.ABS, Math::abs, Math::abs);
    }

    @Override
    public String summary() {
        return "abs(x): |x| elementwise; numeric dtypes; integers wrap, so abs(MIN_VALUE) is MIN_VALUE";
    }

    /** d|x| = dz * sign(x); at 0 the gradient is 0, as in TensorFlow. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        return List.of(tf.mul(dOutputs.get(0), tf.sign(node.input(0))));
    }
}
