package dev.flowgraph.ops.math;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import java.util.Arrays;
import java.util.List;

/**
 * Elementwise rounding to the nearest integer, halves to the even one, on FLOAT32 and FLOAT64, as
 * {@code numpy.round} with no decimals ({@link Math#rint}): 0.5 gives 0.0, 1.5 and 2.5 give 2.0,
 * -0.5 gives -0.0; infinities and NaN stay as they are.
 */
final class Round extends ElementwiseUnary implements Differentiable {
    static final String TYPE = "Round";

    Round() {
        super(TYPE, Operations.floats(x -> (float) Math.rint(x), Math::rint));
    }

    @Override
    public String summary() {
        return "round(x): nearest integer elementwise, halves to even (0.5 -> 0, 2.5 -> 2); float dtypes";
    }

    /** Piecewise constant: a zero gradient (null), as in TensorFlow, also at the jumps. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        return Arrays.asList((Output) null);
    }
}
