package dev.flowgraph.ops.math;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import java.util.List;

/**
 * Elementwise cosine of an angle in radians, on FLOAT32 and FLOAT64, as {@code numpy.cos}; the
 * cosine of an infinity is NaN.
 *
 * <p>Computed with {@link StrictMath#cos} (fdlibm: the same bits on every JVM); FLOAT32
 * computes in double and rounds once to float. Results may differ by 1 ulp from NumPy's float64
 * result rounded to the input's dtype. NumPy's own float32 loops are less exact (on x86 with AVX2
 * up to 2 ulp for exp and 3 for log, varying between CPUs), so FLOAT32 results can differ from
 * {@code np.cos(x.astype(np.float32))} by as much.
 */
final class Cos extends ElementwiseUnary implements Differentiable {
    static final String TYPE = "Cos";

    Cos() {
        super(TYPE, Operations.viaDouble(StrictMath::cos));
    }

    @Override
    public String summary() {
        return "cos(x): cosine elementwise, x in radians; float dtypes";
    }

    /** d cos(x) = -sin(x) dz. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        return List.of(tf.neg(tf.mul(dOutputs.get(0), tf.sin(node.input(0)))));
    }
}
