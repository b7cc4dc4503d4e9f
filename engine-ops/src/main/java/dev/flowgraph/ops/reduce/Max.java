package dev.flowgraph.ops.reduce;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.FoldOperation;
import java.util.List;

/**
 * The maximum over the chosen axes (all by default). A NaN anywhere in a reduction makes its
 * result NaN, as in NumPy; reducing an empty axis is refused, since a maximum has no identity.
 */
final class Max extends Reduction implements Differentiable {
    static final String TYPE = "Max";

    Max() {
        super(TYPE, "max", new Fold(FoldOperation.MAXIMUM, Double.NEGATIVE_INFINITY, Math::max, Long.MIN_VALUE));
    }

    @Override
    boolean hasIdentity() {
        return false;
    }

    @Override
    public String summary() {
        return "max(x[, axes, keepDims]): maximum over axes (all by default); NaN propagates; an empty reduction is refused";
    }

    /** dz goes to the maxima, split evenly among ties, as in TensorFlow; see {@link #extremeGradients}. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        return extremeGradients(tf, node, dOutputs.get(0));
    }
}
