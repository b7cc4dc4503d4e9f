package dev.flowgraph.ops.math;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.BinaryArithmetic;
import dev.flowgraph.ops.kernels.Elementwise;
import java.util.List;

/**
 * Elementwise {@code x / y} with NumPy broadcasting, on one numeric dtype.
 *
 * <p>Floats divide as IEEE 754 does: {@code 1/0} is infinity, {@code -1/0} is -infinity and
 * {@code 0/0} is NaN (FLOAT32 divides in float). Integers divide as Java and C do, truncating
 * toward zero ({@code -7 / 2} is -3); {@code MIN_VALUE / -1} wraps to {@code MIN_VALUE}; a zero
 * divisor makes the kernel throw {@code ArithmeticException("integer division by zero")}, which
 * the session reports as a {@link dev.flowgraph.KernelException} naming the node.
 */
final class Div extends ElementwiseBinary implements Differentiable {
    static final String TYPE = "Div";

    Div() {
        super(TYPE, BinaryArithmetic.DIV, Elementwise::divide, Elementwise::divide);
    }

    @Override
    public String summary() {
        return "div(x, y): x / y elementwise with NumPy broadcasting; floats as IEEE 754; integers truncate toward zero and fail the run on a zero divisor";
    }

    /** d(x / y) = dz / y for x and -dz * x / y^2 for y, each summed back to its input's shape. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        Output x = node.input(0);
        Output y = node.input(1);
        Output dz = dOutputs.get(0);
        return List.of(tf.sumTo(tf.div(dz, y), x), tf.sumTo(tf.neg(tf.mul(dz, tf.div(tf.div(x, y), y))), y));
    }
}
