package dev.flowgraph.ops.math;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.UnaryArithmetic;
import java.util.List;

/**
 * Elementwise natural logarithm, on FLOAT32 and FLOAT64, as {@code numpy.log}: {@code log(0)} is
 * -infinity and the logarithm of a negative is NaN.
 *
 * <p>Computed with {@link StrictMath#log} (fdlibm: the same bits on every JVM); FLOAT32
 * computes in double and rounds once to float. Results may differ by 1 ulp from NumPy's float64
 * result rounded to the input's dtype. NumPy's own float32 loops are less exact (on x86 with AVX2
 * up to 2 ulp for exp and 3 for log, varying between CPUs), so FLOAT32 results can differ from
 * {@code np.log(x.astype(np.float32))} by as much.
 */
final class Log extends ElementwiseUnary implements Differentiable {
    static final String TYPE = "Log";

    Log() {
        super(TYPE, UnaryArithmetic.LOG, null, null);
    }

    @Override
    public String summary() {
        return "log(x): natural logarithm elementwise; float dtypes; log(0) is -infinity, of a negative NaN";
    }

    /** d log(x) = dz / x. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        return List.of(tf.div(dOutputs.get(0), node.input(0)));
    }
}
