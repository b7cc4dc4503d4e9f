package dev.flowgraph.ops.nn;

import dev.flowgraph.DType;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.kernels.KernelTuning;
import dev.flowgraph.ops.kernels.SoftmaxKernels;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OutputSpec;
import dev.flowgraph.ops.Widening;
import java.util.List;

/**
 * The shape rule and kernel of Softmax and LogSoftmax: one float input of rank 1 or more, the
 * long attribute {@code axis} (negative counts from the end), an output of the input's dtype and
 * shape. Each lane along the axis is normalized independently and stably (see {@link SoftmaxKernels}).
 */
abstract class SoftmaxBase implements OpDef {
    static final String AXIS = "axis";
    private final boolean log;

    SoftmaxBase(boolean log) {
        this.log = log;
    }

    @Override
    public final int arity() {
        return 1;
    }

    @Override
    public final List<OutputSpec> infer(NodeSpec node) {
        DType dtype = FloatKernels.floatDType(node, 1);
        Shape s = node.inputShape(0);
        if (s.hasKnownRank()) {
            if (s.rank() == 0) {
                throw new IllegalArgumentException("input is a scalar; " + type() + " needs rank 1 or more");
            }
            FloatKernels.axis(node.attrs().getLong(AXIS), s.rank());
        }
        return List.of(new OutputSpec(dtype, s));
    }

    @Override
    public final void compute(KernelContext k) {
        Tensor x = k.input(0);
        long[] dims = x.shape().dims();
        int axis = FloatKernels.axis(k.attrs().getLong(AXIS), dims.length);
        int n = (int) dims[axis];
        int inner = 1;
        for (int i = axis + 1; i < dims.length; i++) {
            inner *= (int) dims[i];
        }
        double[] in = Widening.asDoubles(x);
        double[] out = new double[in.length];
        int lanes = n == 0 ? 0 : in.length / n;
        int innerDims = inner;
        k.parallelFor(lanes, KernelTuning.rowsPerBlock(n),
                (s, e) -> SoftmaxKernels.softmax(in, out, n, innerDims, log, s, e));
        k.setOutput(0, Widening.fromDoubles(out, x.dtype(), x.shape()));
    }
}
