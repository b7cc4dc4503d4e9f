package dev.flowgraph.ops.math;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import java.util.Arrays;
import java.util.List;

/**
 * Elementwise smallest integer not below {@code x}, on FLOAT32 and FLOAT64, as {@code numpy.ceil}:
 * {@code ceil(-0.5)} is {@code -0.0}; infinities and NaN stay as they are.
 */
final class Ceil extends ElementwiseUnary implements Differentiable {
    static final String TYPE = "Ceil";

    Ceil() {
        super(TYPE, Operations.floats(x -> (float) Math.ceil(x), Math::ceil));
    }

    @Override
    public String summary() {
        return "ceil(x): smallest integer >= x elementwise; float dtypes";
    }

    /** Piecewise constant: a zero gradient (null), as in TensorFlow, also at the jumps. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        return Arrays.asList((Output) null);
    }
}
