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
 * The inner product of two vectors, {@code sum over i of x[i] * y[i]}, as {@code numpy.dot} on
 * 1-D operands: {@code [k] · [k]} is the scalar {@code []}. Operands of any other rank are refused
 * (matrices and stacks of them go to {@code matMul}). Both operands have one numeric dtype; the sum
 * runs in increasing i in that dtype (FLOAT32 in float, integers wrap); an empty pair gives 0.
 */
final class Dot implements OpDef, Differentiable {
    static final String TYPE = "Dot";

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
        return "dot(x, y): inner product of two 1-D vectors of equal length, a scalar; numeric dtypes";
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        long kx = vectorLength("x", node.inputShape(0));
        long ky = vectorLength("y", node.inputShape(1));
        if (kx >= 0 && ky >= 0 && kx != ky) {
            throw new IllegalArgumentException("lengths differ: x has " + kx + " elements but y has " + ky);
        }
        return List.of(new OutputSpec(Broadcast.numericDType(node), Shape.scalar()));
    }

    @Override
    public void compute(KernelContext k) {
        Tensor x = k.input(0);
        Tensor y = k.input(1);
        int[] zero = {0};
        // A row vector [1, k] times a column vector [k, 1].
        Products.run(k, x, y, Shape.scalar(), zero, zero, 1, x.size(), 1, false, false);
    }

    /** Returns the length of a vector operand, -1 if unknown, refusing other ranks. */
    static long vectorLength(String name, Shape s) {
        if (!s.hasKnownRank()) {
            return -1;
        }
        if (s.rank() != 1) {
            throw new IllegalArgumentException("operand " + name + " has shape " + s + " but must be 1-D; "
                    + "use matMul for matrices and batches of them");
        }
        return s.dim(0);
    }

    /** For {@code z = sum x[i] y[i]}: {@code dx = dz y} and {@code dy = dz x} (dz is a scalar). */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        Output dz = dOutputs.get(0);
        return List.of(tf.mul(dz, node.input(1)), tf.mul(dz, node.input(0)));
    }
}
