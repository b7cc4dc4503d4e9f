package dev.flowgraph.ops.math;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.UnaryArithmetic;
import java.util.List;

/**
 * Elementwise hyperbolic tangent, on FLOAT32 and FLOAT64, as {@code numpy.tanh}: it tends to
 * {@code ±1} without overflow for large {@code |x|}.
 *
 * <p>Computed with {@link StrictMath#tanh} (fdlibm: the same bits on every JVM); FLOAT32
 * computes in double and rounds once to float. Results may differ by 1 ulp from NumPy's float64
 * result rounded to the input's dtype. NumPy's own float32 loops are less exact (on x86 with AVX2
 * up to 2 ulp for exp and 3 for log, varying between CPUs), so FLOAT32 results can differ from
 * {@code np.tanh(x.astype(np.float32))} by as much.
 */
final class Tanh extends ElementwiseUnary implements Differentiable {
    static final String TYPE = "Tanh";

    Tanh() {
        super(TYPE, UnaryArithmetic.TANH, null, null);
    }

    @Override
    public String summary() {
        return "tanh(x): hyperbolic tangent elementwise; float dtypes";
    }

    /** d tanh(x) = (1 - t^2) dz with t the output. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        Output t = node.output(0);
        return List.of(tf.mul(dOutputs.get(0), tf.sub(tf.onesLike(t), tf.mul(t, t))));
    }
}
