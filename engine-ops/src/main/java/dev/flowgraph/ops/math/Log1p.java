package dev.flowgraph.ops.math;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.UnaryArithmetic;
import java.util.List;

/**
 * Elementwise {@code log(1 + x)}, accurate for small {@code x}, on FLOAT32 and FLOAT64, as
 * {@code numpy.log1p}: {@code log1p(-1)} is -infinity and below -1 it is NaN.
 *
 * <p>Computed with {@link StrictMath#log1p} (fdlibm: the same bits on every JVM); FLOAT32
 * computes in double and rounds once to float. Results may differ by 1 ulp from NumPy's float64
 * result rounded to the input's dtype. NumPy's own float32 loops are less exact (on x86 with AVX2
 * up to 2 ulp for exp and 3 for log, varying between CPUs), so FLOAT32 results can differ from
 * {@code np.log1p(x.astype(np.float32))} by as much.
 */
final class Log1p extends ElementwiseUnary implements Differentiable {
    static final String TYPE = "Log1p";

    Log1p() {
        super(TYPE, UnaryArithmetic.LOG1P, null, null);
    }

    @Override
    public String summary() {
        return "log1p(x): log(1 + x) elementwise, accurate near 0; float dtypes; log1p(-1) is -infinity";
    }

    /** d log(1 + x) = dz / (1 + x). */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        Output x = node.input(0);
        return List.of(tf.div(dOutputs.get(0), tf.add(tf.onesLike(x), x)));
    }
}
