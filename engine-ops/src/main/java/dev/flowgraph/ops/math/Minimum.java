package dev.flowgraph.ops.math;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.BinaryArithmetic;
import java.util.List;

/**
 * Elementwise smaller of {@code x} and {@code y} with NumPy broadcasting, on one numeric dtype, as
 * {@code np.minimum}: NaN if either operand is NaN.
 */
final class Minimum extends ElementwiseBinary implements Differentiable {
    static final String TYPE = "Minimum";

    Minimum() {
        super(TYPE, BinaryArithmetic.MINIMUM, Math::min, Math::min);
    }

    @Override
    public String summary() {
        return "minimum(x, y): the smaller of x and y elementwise with NumPy broadcasting; numeric dtypes, "
                + "both the same; NaN propagates";
    }

    /** dz goes to x where x &lt;= y and to y elsewhere, each summed back to its input's shape: a tie
     * sends the whole gradient to x, as TensorFlow's minimum does. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        Output x = node.input(0);
        Output y = node.input(1);
        return select(tf, tf.lessEqual(x, y), dOutputs.get(0), x, y);
    }
}
