package dev.flowgraph.ops.math;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.UnaryArithmetic;
import java.util.List;

/**
 * Elementwise {@code log(1 + e^x)}, on FLOAT32 and FLOAT64, computed without overflow as
 * {@code log1p(e^-|x|) + max(x, 0)}: {@code softplus(infinity)} is infinity,
 * {@code softplus(-infinity)} is 0, and NaN propagates.
 *
 * <p>Uses {@link StrictMath#exp} and {@link StrictMath#log1p}; FLOAT32 computes in double and
 * rounds once to float. Results may differ from a NumPy evaluation of the same formula by 1 ulp.
 */
final class Softplus extends ElementwiseUnary implements Differentiable {
    static final String TYPE = "Softplus";

    Softplus() {
        super(TYPE, UnaryArithmetic.SOFTPLUS, null, null);
    }

    @Override
    public String summary() {
        return "softplus(x): log(1 + e^x) elementwise, without overflow; float dtypes";
    }

    /** d log(1 + e^x) = sigmoid(x) dz. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        return List.of(tf.mul(dOutputs.get(0), tf.sigmoid(node.input(0))));
    }
}
