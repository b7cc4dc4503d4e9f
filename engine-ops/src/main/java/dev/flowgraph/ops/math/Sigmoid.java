package dev.flowgraph.ops.math;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.UnaryArithmetic;
import java.util.List;

/**
 * Elementwise logistic function {@code 1 / (1 + e^-x)}, on FLOAT32 and FLOAT64, computed without
 * overflow: {@code 1 / (1 + e^-x)} for {@code x >= 0} and {@code e^x / (1 + e^x)} below, so that
 * the exponential never exceeds 1. {@code sigmoid(infinity)} is 1, {@code sigmoid(-infinity)} is
 * 0, and large negative {@code x} underflows gradually to 0 rather than to NaN.
 *
 * <p>The exponential is {@link StrictMath#exp}; FLOAT32 computes in double and rounds once to
 * float. Results may differ from a NumPy evaluation of the same formulas by 1 ulp.
 */
final class Sigmoid extends ElementwiseUnary implements Differentiable {
    static final String TYPE = "Sigmoid";

    Sigmoid() {
        super(TYPE, UnaryArithmetic.SIGMOID, null, null);
    }

    @Override
    public String summary() {
        return "sigmoid(x): 1 / (1 + e^-x) elementwise, without overflow for large |x|; float dtypes";
    }

    /** d sigmoid(x) = s(1 - s) dz with s the output. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        Output s = node.output(0);
        return List.of(tf.mul(dOutputs.get(0), tf.mul(s, tf.sub(tf.onesLike(s), s))));
    }
}
