package dev.flowgraph.ops.math;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import java.util.Arrays;
import java.util.List;

/**
 * Elementwise largest integer not above {@code x}, on FLOAT32 and FLOAT64, as {@code numpy.floor}:
 * {@code floor(-0.5)} is {@code -0.0}; infinities and NaN stay as they are.
 */
final class Floor extends ElementwiseUnary implements Differentiable {
    static final String TYPE = "Floor";

    Floor() {
        super(TYPE, Operations.floats(x -> (float) Math.floor(x), Math::floor));
    }

    @Override
    public String summary() {
        return "floor(x): largest integer <= x elementwise; float dtypes";
    }

    /** Piecewise constant: a zero gradient (null), as in TensorFlow, also at the jumps. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        return Arrays.asList((Output) null);
    }
}
