package dev.flowgraph.ops.math;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.BinaryArithmetic;
import java.util.List;

/**
 * Elementwise {@code x * y} with NumPy broadcasting, on one numeric dtype. Integers wrap on
 * overflow; FLOAT32 multiplies in float.
 */
final class Mul extends ElementwiseBinary implements Differentiable {
    static final String TYPE = "Mul";

    Mul() {
        super(TYPE, BinaryArithmetic.MUL, (x, y) -> x * y, (x, y) -> x * y);
    }

    @Override
    public String summary() {
        return "mul(x, y): x * y elementwise with NumPy broadcasting; numeric dtypes; integers wrap";
    }

    /** d(x * y) = dz * y for x and dz * x for y, each summed back to its input's shape. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        Output x = node.input(0);
        Output y = node.input(1);
        Output dz = dOutputs.get(0);
        return List.of(tf.sumTo(tf.mul(dz, y), x), tf.sumTo(tf.mul(dz, x), y));
    }
}
