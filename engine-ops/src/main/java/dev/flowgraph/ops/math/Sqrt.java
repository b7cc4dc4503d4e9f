package dev.flowgraph.ops.math;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.UnaryArithmetic;
import java.util.List;

/**
 * Elementwise square root, on FLOAT32 and FLOAT64, as {@code numpy.sqrt}: {@code sqrt(-1)} is NaN,
 * {@code sqrt(-0.0)} is {@code -0.0}. Results are correctly rounded in both dtypes (FLOAT32
 * rounds the exact double square root once, which equals the float square root), so they equal
 * NumPy's bit for bit.
 */
final class Sqrt extends ElementwiseUnary implements Differentiable {
    static final String TYPE = "Sqrt";

    Sqrt() {
        super(TYPE, UnaryArithmetic.SQRT, null, null);
    }

    @Override
    public String summary() {
        return "sqrt(x): square root elementwise; float dtypes; sqrt of a negative is NaN";
    }

    /** d sqrt(x) = dz / (2 sqrt(x)), from the output; infinite at 0, as in TensorFlow. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        Output z = node.output(0);
        return List.of(tf.div(dOutputs.get(0), tf.add(z, z)));
    }
}
