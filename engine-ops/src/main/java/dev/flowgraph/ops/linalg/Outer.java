package dev.flowgraph.ops.linalg;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Broadcast;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OutputSpec;
import java.util.List;

/**
 * The outer product of two vectors, {@code out[i, j] = x[i] * y[j]}, as {@code numpy.outer} on
 * 1-D operands: {@code [m]} and {@code [n]} give {@code [m, n]}. Operands of any other rank are
 * refused (numpy would flatten them silently; reshape first). Both operands have one numeric
 * dtype, which the output keeps; integers wrap. Unknown lengths stay unknown.
 */
final class Outer implements OpDef, Differentiable {
    static final String TYPE = "Outer";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public String summary() {
        return "outer(x, y): outer product of 1-D x [m] and y [n], out[i, j] = x[i] * y[j] of shape [m, n];"
                + " numeric dtypes";
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        long m = Dot.vectorLength("x", node.inputShape(0));
        long n = Dot.vectorLength("y", node.inputShape(1));
        return List.of(new OutputSpec(Broadcast.numericDType(node), Shape.of(m, n)));
    }

    @Override
    public void compute(KernelContext k) {
        Tensor x = k.input(0);
        Tensor y = k.input(1);
        int[] zero = {0};
        // A column vector [m, 1] times a row vector [1, n].
        Products.run(k, x, y, Shape.of(x.size(), y.size()), zero, zero, x.size(), 1, y.size(), false, false);
    }

    /** For {@code z[i, j] = x[i] y[j]}: {@code dx = dz · y} and {@code dy = x · dz}. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        Output dz = dOutputs.get(0);
        return List.of(tf.matMul(dz, node.input(1)), tf.matMul(node.input(0), dz));
    }
}
