package dev.flowgraph.ops.math;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.BinaryArithmetic;
import java.util.List;

/**
 * Elementwise {@code x + y} with NumPy broadcasting, on one numeric dtype. Integers wrap on
 * overflow; FLOAT32 adds in float.
 */
final class Add extends ElementwiseBinary implements Differentiable {
    static final String TYPE = "Add";

    Add() {
        super(TYPE, BinaryArithmetic.ADD, (x, y) -> x + y, (x, y) -> x + y);
    }

    @Override
    public String summary() {
        return "add(x, y): x + y elementwise with NumPy broadcasting; numeric dtypes; integers wrap";
    }

    /** d(x + y) = dz for both, each summed back to its input's shape. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        Output dz = dOutputs.get(0);
        return List.of(tf.sumTo(dz, node.input(0)), tf.sumTo(dz, node.input(1)));
    }
}
