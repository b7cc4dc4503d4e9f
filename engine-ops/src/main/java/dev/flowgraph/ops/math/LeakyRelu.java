package dev.flowgraph.ops.math;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.DType;
import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.spi.Attrs;
import java.util.List;

/**
 * Elementwise {@code x > 0 ? x : alpha * x}, on FLOAT32 and FLOAT64, as TensorFlow's
 * {@code leaky_relu}. The double attribute {@code alpha} defaults to {@value #DEFAULT_ALPHA} when
 * absent and must be finite. FLOAT32 rounds alpha to float and multiplies in float, as NumPy does
 * for {@code x * alpha} on a float32 array. NaN propagates.
 */
final class LeakyRelu extends ElementwiseUnary implements Differentiable {
    static final String TYPE = "LeakyRelu";
    static final String ALPHA = "alpha";
    static final double DEFAULT_ALPHA = 0.2;

    LeakyRelu() {
        super(TYPE, null);
    }

    @Override
    Operations operations(Attrs attrs) {
        double alpha = attrs.has(ALPHA) ? attrs.getDouble(ALPHA) : DEFAULT_ALPHA;
        checkArgument(Double.isFinite(alpha), "alpha must be finite, got %s", alpha);
        float alpha32 = (float) alpha;
        return Operations.floats(x -> x > 0 ? x : alpha32 * x, x -> x > 0 ? x : alpha * x);
    }

    @Override
    public String summary() {
        return "leakyRelu(x, alpha): x > 0 ? x : alpha * x elementwise; float dtypes; alpha finite, default 0.2";
    }

    /** d leakyRelu(x) = dz where x &gt; 0 and alpha * dz elsewhere: alpha at x = 0, as in
     * TensorFlow. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        Output x = node.input(0);
        Output dz = dOutputs.get(0);
        double alpha = node.attrs().has(ALPHA) ? node.attrs().getDouble(ALPHA) : DEFAULT_ALPHA;
        Output a = x.dtype() == DType.FLOAT32 ? tf.constant((float) alpha) : tf.constant(alpha);
        return List.of(tf.where(tf.greater(x, tf.zerosLike(x)), dz, tf.mul(dz, a)));
    }
}
