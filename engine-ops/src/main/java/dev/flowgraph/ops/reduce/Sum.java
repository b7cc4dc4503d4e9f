package dev.flowgraph.ops.reduce;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.FoldOperation;
import java.util.List;

/**
 * The sum over the chosen axes (all by default); an empty reduction is 0. FLOAT32 sums are
 * accumulated in double and rounded once; INT32 sums wrap as int arithmetic does.
 */
final class Sum extends Reduction implements Differentiable {
    static final String TYPE = "Sum";
    /** Addition, as a fold; {@link SumTo} sums with it too. */
    static final Fold ADDITION = new Fold(FoldOperation.SUM, 0.0, Long::sum, 0L);

    Sum() {
        super(TYPE, "sum", ADDITION);
    }

    @Override
    public String summary() {
        return "sum(x[, axes, keepDims]): sum over axes (all by default); 0 when empty; floats summed in double, integers wrap";
    }

    /** Every element fed the sum once: dz broadcast back to the input's shape. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        return List.of(tf.mul(tf.onesLike(node.input(0)), keptDims(tf, node, dOutputs.get(0))));
    }
}
