package dev.flowgraph.ops.math;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.BinaryArithmetic;
import java.util.List;

/**
 * Elementwise {@code x - y} with NumPy broadcasting, on one numeric dtype. Integers wrap on
 * overflow; FLOAT32 subtracts in float.
 */
final class Sub extends ElementwiseBinary implements Differentiable {
    static final String TYPE = "Sub";

    Sub() {
        super(TYPE, BinaryArithmetic.SUB, (x, y) -> x - y, (x, y) -> x - y);
    }

    @Override
    public String summary() {
        return "sub(x, y): x - y elementwise with NumPy broadcasting; numeric dtypes; integers wrap";
    }

    /** d(x - y) = dz for x and -dz for y, each summed back to its input's shape. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        Output dz = dOutputs.get(0);
        return List.of(tf.sumTo(dz, node.input(0)), tf.sumTo(tf.neg(dz), node.input(1)));
    }
}
