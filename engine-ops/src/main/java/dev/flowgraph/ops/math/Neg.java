package dev.flowgraph.ops.math;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.UnaryArithmetic;
import java.util.List;

/**
 * Elementwise {@code -x}, on a numeric dtype. Integers wrap: {@code -MIN_VALUE} is
 * {@code MIN_VALUE}. For floats only the sign bit flips, so {@code -0.0} and {@code 0.0} swap and
 * NaN stays NaN.
 */
final class Neg extends ElementwiseUnary implements Differentiable {
    static final String TYPE = "Neg";

    Neg() {
        super(TYPE, UnaryArithmetic.NEG, x -> -x, x -> -x);
    }

    @Override
    public String summary() {
        return "neg(x): -x elementwise; numeric dtypes; integers wrap";
    }

    /** d(-x) = -dz. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        return List.of(tf.neg(dOutputs.get(0)));
    }
}
