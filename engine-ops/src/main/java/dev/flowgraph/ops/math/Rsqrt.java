package dev.flowgraph.ops.math;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.UnaryArithmetic;
import java.util.List;

/**
 * Elementwise {@code 1 / sqrt(x)}, on FLOAT32 and FLOAT64, as TensorFlow's {@code rsqrt}: the
 * correctly rounded square root, then the reciprocal, each rounded in the input's dtype (so
 * FLOAT32 equals NumPy's {@code 1 / np.sqrt(x)} in float32 bit for bit). {@code rsqrt(0)} is
 * infinity, {@code rsqrt(-0.0)} is -infinity and {@code rsqrt(-1)} is NaN.
 */
final class Rsqrt extends ElementwiseUnary implements Differentiable {
    static final String TYPE = "Rsqrt";

    Rsqrt() {
        super(TYPE, UnaryArithmetic.RSQRT, null, null);
    }

    @Override
    public String summary() {
        return "rsqrt(x): 1 / sqrt(x) elementwise; float dtypes; rsqrt(0) is infinity, of a negative NaN";
    }

    /** d x^(-1/2) = -x^(-3/2) dz / 2, computed as -dz * z / (2x) from the output z. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        Output x = node.input(0);
        return List.of(tf.neg(tf.div(tf.mul(dOutputs.get(0), node.output(0)), tf.add(x, x))));
    }
}
