package dev.flowgraph.ops.math;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.DType;
import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.BooleanElementwise;
import dev.flowgraph.ops.kernels.BroadcastIndex;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OutputSpec;
import java.util.Arrays;
import java.util.List;

/**
 * Elementwise selection {@code cond ? x : y} as NumPy's three-argument {@code np.where}: a BOOL
 * condition, and x and y of one dtype (any, BOOL included), all three broadcast together; the
 * output has x's dtype and the broadcast shape.
 */
final class Where extends BroadcastOp implements Differentiable {
    static final String TYPE = "Where";

    Where() {
        super(TYPE, 3);
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        checkArgument(node.inputDType(0) == DType.BOOL,
                "the condition is %s, not bool; compare first, e.g. notEqual(c, zero)", node.inputDType(0));
        DType dtype = node.inputDType(1);
        checkArgument(node.inputDType(2) == dtype, "x and y dtypes differ: %s and %s; cast one of them", dtype,
                node.inputDType(2));
        Shape shape = Shape.broadcast(Shape.broadcast(node.inputShape(0), node.inputShape(1)), node.inputShape(2));
        return List.of(new OutputSpec(dtype, shape));
    }

    @Override
    void fill(Object cond, Object x, Object y, Object out, BroadcastIndex index, int from, int to) {
        boolean[] c = (boolean[]) cond;
        if (x instanceof float[]) {
            BooleanElementwise.select(c, (float[]) x, (float[]) y, (float[]) out, index, from, to);
        } else if (x instanceof double[]) {
            BooleanElementwise.select(c, (double[]) x, (double[]) y, (double[]) out, index, from, to);
        } else if (x instanceof int[]) {
            BooleanElementwise.select(c, (int[]) x, (int[]) y, (int[]) out, index, from, to);
        } else if (x instanceof long[]) {
            BooleanElementwise.select(c, (long[]) x, (long[]) y, (long[]) out, index, from, to);
        } else {
            BooleanElementwise.select(c, (boolean[]) x, (boolean[]) y, (boolean[]) out, index, from, to);
        }
    }

    @Override
    public String summary() {
        return "where(cond, x, y): cond ? x : y elementwise as np.where, all three broadcast together; "
                + "cond bool, x and y of one dtype (any), which the output has";
    }

    /** dz goes to x where the condition holds and to y elsewhere, each summed back to its input's
     * shape; the condition, a BOOL, gets none. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        List<Output> dxy = select(tf, node.input(0), dOutputs.get(0), node.input(1), node.input(2));
        return Arrays.asList(null, dxy.get(0), dxy.get(1));
    }
}
