package dev.flowgraph.ops.math;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.UnaryArithmetic;
import java.util.List;

/**
 * Elementwise {@code x * x}, on every numeric dtype, as {@code numpy.square}. Integers wrap on
 * overflow; FLOAT32 multiplies in float.
 */
final class Square extends ElementwiseUnary implements Differentiable {
    static final String TYPE = "Square";

    Square() {
        super(TYPE, UnaryArithmetic.SQUARE, x -> x * x, x -> x * x);
    }

    @Override
    public String summary() {
        return "square(x): x * x elementwise; numeric dtypes; integers wrap on overflow";
    }

    /** d(x^2) = 2x dz. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        Output x = node.input(0);
        return List.of(tf.mul(dOutputs.get(0), tf.add(x, x)));
    }
}
