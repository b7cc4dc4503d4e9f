package dev.flowgraph.ops.nn;

import dev.flowgraph.DType;
import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.Widening;
import dev.flowgraph.ops.kernels.BroadcastIndex;
import dev.flowgraph.ops.kernels.KernelTuning;
import dev.flowgraph.ops.kernels.SquaredError;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OutputSpec;
import java.util.List;

/**
 * The mean squared error {@code mean((predictions - targets)^2)} over all elements of the
 * broadcast of the two operands (NumPy rules), a scalar of their float dtype, as
 * {@code np.mean(np.square(p - t))}. Empty operands give NaN (a mean of nothing), as NumPy does.
 *
 * <p>The sum runs in double over blocks of {@link KernelTuning#ELEMENTWISE_GRAIN} elements, whose
 * sums are added in block order, so the result is the same at any number of threads.
 */
final class MeanSquaredError implements OpDef, Differentiable {
    static final String TYPE = "MeanSquaredError";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public String summary() {
        return "meanSquaredError(predictions, targets): mean((p - t)^2) over all elements of their broadcast,"
                + " a scalar; float dtypes";
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        DType dtype = FloatKernels.floatDType(node, 2);
        Shape.broadcast(node.inputShape(0), node.inputShape(1));
        return List.of(new OutputSpec(dtype, Shape.scalar()));
    }

    @Override
    public void compute(KernelContext k) {
        Tensor p = k.input(0);
        Tensor t = k.input(1);
        Shape shape = Shape.broadcast(p.shape(), t.shape());
        BroadcastIndex ix = new BroadcastIndex(shape.dims(), p.shape().dims(), t.shape().dims());
        double[] x = Widening.asDoubles(p);
        double[] y = Widening.asDoubles(t);
        int size = ix.size();
        int grain = KernelTuning.ELEMENTWISE_GRAIN;
        double[] blockSums = new double[(int) ((size + (long) grain - 1) / grain)];
        k.parallelFor(blockSums.length, 1, (s, e) -> {
            for (int b = s; b < e; b++) {
                blockSums[b] = SquaredError.sum(x, y, ix, b * grain, (int) Math.min(size, (long) (b + 1) * grain));
            }
        });
        double total = 0;
        for (double b : blockSums) {
            total += b;
        }
        k.setOutput(0, Widening.fromDoubles(new double[] {total / size}, p.dtype(), Shape.scalar()));
    }

    /**
     * For {@code L = sum (p - t)^2 / N} over the N elements of the broadcast:
     * {@code dp = dz 2 (p - t) / N} and {@code dt = -dp}, each summed back to its operand's shape;
     * N is counted when the graph runs.
     */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        Output p = node.input(0);
        Output t = node.input(1);
        Output diff = tf.sub(p, t);
        Output count = tf.cast(tf.size(diff), diff.dtype());
        Output g = tf.div(tf.mul(dOutputs.get(0), tf.add(diff, diff)), count);
        return List.of(tf.sumTo(g, p), tf.sumTo(tf.neg(g), t));
    }
}
