package dev.flowgraph.ops.reduce;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.FoldOperation;
import java.util.List;

/**
 * The minimum over the chosen axes (all by default). A NaN anywhere in a reduction makes its
 * result NaN, as in NumPy; reducing an empty axis is refused, since a minimum has no identity.
 */
final class Min extends Reduction implements Differentiable {
    static final String TYPE = "Min";

    Min() {
        super(TYPE, "min", new Fold(FoldOperation.MINIMUM, Double.POSITIVE_INFINITY, Math::min, Long.MAX_VALUE));
    }

    @Override
    boolean hasIdentity() {
        return false;
    }

    @Override
    public String summary() {
        return "min(x[, axes, keepDims]): minimum over axes (all by default); NaN propagates; an empty reduction is refused";
    }

    /** dz goes to the minima, split evenly among ties, as in TensorFlow; see {@link #extremeGradients}. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        return extremeGradients(tf, node, dOutputs.get(0));
    }
}
