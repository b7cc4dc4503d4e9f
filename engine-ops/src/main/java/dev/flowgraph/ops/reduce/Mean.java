package dev.flowgraph.ops.reduce;

import dev.flowgraph.DType;
import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.FoldOperation;
import java.util.List;

/**
 * The arithmetic mean over the chosen axes (all by default): the double-precision sum divided by
 * the count, rounded once to the input's dtype. Floats only, since a mean of integers is not an
 * integer and dtypes never change silently; the mean of an empty reduction is NaN, as in NumPy.
 */
final class Mean extends Reduction implements Differentiable {
    static final String TYPE = "Mean";

    Mean() {
        super(TYPE, "mean", new Fold(FoldOperation.SUM, 0.0, null, 0L));
    }

    @Override
    void finish(double[] folded, int reducedCount) {
        for (int i = 0; i < folded.length; i++) {
            folded[i] /= reducedCount;
        }
    }

    @Override
    public String summary() {
        return "mean(x[, axes, keepDims]): arithmetic mean over axes (all by default); floats only; NaN when empty";
    }

    /** Each element fed the mean with weight 1/n, n the number of elements reduced into each result;
     * n is read at run time (input size over output size), so unknown static dimensions are fine. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        Output x = node.input(0);
        DType dtype = x.dtype();
        Output n = tf.div(tf.cast(tf.size(x), dtype), tf.cast(tf.size(node.output(0)), dtype));
        return List.of(tf.div(tf.mul(tf.onesLike(x), keptDims(tf, node, dOutputs.get(0))), n));
    }
}
