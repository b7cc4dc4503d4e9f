package dev.flowgraph.ops.math;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.BinaryArithmetic;
import java.util.List;

/**
 * Elementwise {@code (x - y)^2} with NumPy broadcasting, on one numeric dtype, computed as
 * {@code d * d} with {@code d = x - y} in the dtype itself: integers wrap on overflow, FLOAT32
 * computes in float.
 */
final class SquaredDifference extends ElementwiseBinary implements Differentiable {
    static final String TYPE = "SquaredDifference";

    SquaredDifference() {
        super(TYPE, BinaryArithmetic.SQUARED_DIFFERENCE, (x, y) -> (x - y) * (x - y), (x, y) -> (x - y) * (x - y));
    }

    @Override
    public String summary() {
        return "squaredDifference(x, y): (x - y)^2 elementwise with NumPy broadcasting; numeric dtypes, both the same";
    }

    /** d(x - y)^2 = 2(x - y) dz for x and its negation for y, each summed back to its input's shape. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        Output x = node.input(0);
        Output y = node.input(1);
        Output d = tf.sub(x, y);
        // 2d as d + d needs no constant of the input's dtype.
        Output dx = tf.mul(dOutputs.get(0), tf.add(d, d));
        return List.of(tf.sumTo(dx, x), tf.sumTo(tf.neg(dx), y));
    }
}
