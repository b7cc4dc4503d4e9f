package dev.flowgraph.ops.math;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import java.util.Arrays;
import java.util.List;

/**
 * Elementwise sign, on every numeric dtype, as {@code numpy.sign}: -1, 0 or 1 in the input's
 * dtype. For floats, both zeros give {@code 0.0} and NaN gives NaN.
 */
final class Sign extends ElementwiseUnary implements Differentiable {
    static final String TYPE = "Sign";

    Sign() {
        super(TYPE, Sign::sign, Sign::sign, Integer::signum, x -> Long.signum(x));
    }

    private static float sign(float x) {
        // NaN fails all three comparisons and is returned as it is.
        return x > 0 ? 1f : x < 0 ? -1f : x == 0 ? 0f : x;
    }

    private static double sign(double x) {
        return x > 0 ? 1.0 : x < 0 ? -1.0 : x == 0 ? 0.0 : x;
    }

    @Override
    public String summary() {
        return "sign(x): -1, 0 or 1 elementwise in x's dtype; numeric dtypes; sign(NaN) is NaN";
    }

    /** Piecewise constant: a zero gradient (null), as in TensorFlow, also at the jump at 0. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        return Arrays.asList((Output) null);
    }
}
