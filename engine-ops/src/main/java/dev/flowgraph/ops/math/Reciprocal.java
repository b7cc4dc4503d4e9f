package dev.flowgraph.ops.math;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.UnaryArithmetic;
import java.util.List;

/**
 * Elementwise {@code 1 / x}, on FLOAT32 and FLOAT64, as {@code numpy.reciprocal}; FLOAT32 divides in
 * float. {@code 1 / 0} is infinity and {@code 1 / -0.0} is -infinity, as IEEE 754 says.
 */
final class Reciprocal extends ElementwiseUnary implements Differentiable {
    static final String TYPE = "Reciprocal";

    Reciprocal() {
        super(TYPE, UnaryArithmetic.RECIPROCAL, null, null);
    }

    @Override
    public String summary() {
        return "reciprocal(x): 1 / x elementwise; float dtypes; 1 / 0 is infinity (IEEE 754)";
    }

    /** d (1 / x) = -dz / x^2 = -dz * z^2 with z the output. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        Output z = node.output(0);
        return List.of(tf.neg(tf.mul(dOutputs.get(0), tf.mul(z, z))));
    }
}
