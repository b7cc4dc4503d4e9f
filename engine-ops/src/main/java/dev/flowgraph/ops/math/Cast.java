package dev.flowgraph.ops.math;

import dev.flowgraph.DType;
import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Tensor;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.Casts;
import dev.flowgraph.ops.kernels.KernelTuning;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OutputSpec;
import dev.flowgraph.spi.TensorBuffers;
import java.util.Arrays;
import java.util.List;

/**
 * Elementwise conversion to the dtype in the attribute {@code dtype}, from any dtype to any
 * dtype, as NumPy's {@code x.astype(dtype)}; the only op that changes a dtype. The output has the
 * input's shape. A cast to the input's own dtype returns the input tensor itself.
 *
 * <p>Floats to integers truncate toward zero; NaN gives 0 and values beyond the integer range,
 * infinities included, give {@code MIN_VALUE} or {@code MAX_VALUE} (Java's cast; NumPy leaves
 * these to the platform and gives {@code MIN_VALUE} for all of them on x86). INT64 to INT32 keeps
 * the low 32 bits (wraps); FLOAT64 and the integers to FLOAT32 round to nearest; BOOL becomes 0
 * or 1; a number becomes {@code x != 0}, so NaN is true. See {@link Casts}.
 */
final class Cast implements OpDef, Differentiable {
    static final String TYPE = "Cast";
    static final String DTYPE = "dtype";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        return List.of(new OutputSpec(node.attrs().getDType(DTYPE), node.inputShape(0)));
    }

    @Override
    public void compute(KernelContext k) {
        Tensor x = k.input(0);
        DType dtype = k.attrs().getDType(DTYPE);
        if (dtype == x.dtype()) {
            // Tensors are immutable, so the input can be shared rather than copied.
            k.setOutput(0, x);
            return;
        }
        Object xs = TensorBuffers.array(x);
        Object out = TensorBuffers.newArray(dtype, x.size());
        k.parallelFor(x.size(), KernelTuning.ELEMENTWISE_GRAIN, (s, e) -> Casts.cast(xs, out, s, e));
        k.setOutput(0, TensorBuffers.wrap(dtype, x.shape(), out));
    }


    @Override
    public String summary() {
        return "cast(x, dtype): x converted to dtype elementwise, as numpy astype; any dtype to any; "
                + "floats to integers truncate toward zero, NaN gives 0, out-of-range values saturate";
    }

    /** A cast between floats passes dz back cast to the input's dtype (rounding when the cast
     * widened); a cast from or to a non-float carries no gradient. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        DType from = node.input(0).dtype();
        boolean floats = from.isFloating() && node.output(0).dtype().isFloating();
        return Arrays.asList(floats ? tf.cast(dOutputs.get(0), from) : null);
    }
}
