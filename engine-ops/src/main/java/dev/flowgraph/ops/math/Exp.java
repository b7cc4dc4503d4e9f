package dev.flowgraph.ops.math;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.UnaryArithmetic;
import java.util.List;

/**
 * Elementwise {@code e^x}, on FLOAT32 and FLOAT64, as {@code numpy.exp}: overflow gives infinity,
 * {@code exp(-infinity)} is 0.
 *
 * <p>Computed with {@link StrictMath#exp} (fdlibm: the same bits on every JVM); FLOAT32
 * computes in double and rounds once to float. Results may differ by 1 ulp from NumPy's float64
 * result rounded to the input's dtype. NumPy's own float32 loops are less exact (on x86 with AVX2
 * up to 2 ulp for exp and 3 for log, varying between CPUs), so FLOAT32 results can differ from
 * {@code np.exp(x.astype(np.float32))} by as much.
 */
final class Exp extends ElementwiseUnary implements Differentiable {
    static final String TYPE = "Exp";

    Exp() {
        super(TYPE, UnaryArithmetic.EXP, null, null);
    }

    @Override
    public String summary() {
        return "exp(x): e^x elementwise; float dtypes";
    }

    /** d e^x = e^x dz, from the output. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        return List.of(tf.mul(dOutputs.get(0), node.output(0)));
    }
}
