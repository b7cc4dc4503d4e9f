package dev.flowgraph.ops.math;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.BinaryArithmetic;
import java.util.List;

/**
 * Elementwise larger of {@code x} and {@code y} with NumPy broadcasting, on one numeric dtype, as
 * {@code np.maximum}: NaN if either operand is NaN.
 */
final class Maximum extends ElementwiseBinary implements Differentiable {
    static final String TYPE = "Maximum";

    Maximum() {
        super(TYPE, BinaryArithmetic.MAXIMUM, Math::max, Math::max);
    }

    @Override
    public String summary() {
        return "maximum(x, y): the larger of x and y elementwise with NumPy broadcasting; numeric dtypes, "
                + "both the same; NaN propagates";
    }

    /** dz goes to x where x &gt;= y and to y elsewhere, each summed back to its input's shape: a tie
     * sends the whole gradient to x, as TensorFlow's maximum does. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        Output x = node.input(0);
        Output y = node.input(1);
        return select(tf, tf.greaterEqual(x, y), dOutputs.get(0), x, y);
    }
}
