package dev.flowgraph.ops.reduce;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.ReduceLayout;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OutputSpec;
import java.util.Arrays;
import java.util.List;

/**
 * Sums {@code x} down to the shape of {@code like}: over the leading axes {@code like} lacks and
 * over the axes where {@code like} has size 1, as if undoing the broadcast of {@code like} to x's
 * shape. The gradient of a broadcasting op uses it to give each input a gradient of the input's
 * own shape; the axes are found from the run-time shapes, so unknown static dimensions are fine.
 * {@code like} is read only for its shape.
 */
final class SumTo implements OpDef, Differentiable {
    static final String TYPE = "SumTo";

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
        return "sumTo(x, like): sums x over the axes along which like's shape broadcasts to x's, giving like's shape"
                + " (the reduction a broadcast input's gradient needs); numeric dtypes";
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        checkArgument(node.inputDType(0).isNumeric(), "sumTo of %s is not defined; it needs a numeric dtype",
                node.inputDType(0));
        Shape x = node.inputShape(0);
        Shape like = node.inputShape(1);
        checkArgument(!x.hasKnownRank() || !like.hasKnownRank() || like.rank() <= x.rank(),
                "cannot sum %s to %s: the target has more axes", x, like);
        if (x.hasKnownRank() && like.hasKnownRank()) {
            checkArgument(broadcastsTo(like, x, false),
                    "cannot sum %s to %s: %s does not broadcast to %s", x, like, like, x);
        }
        return List.of(new OutputSpec(node.inputDType(0), like));
    }

    @Override
    public void compute(KernelContext k) {
        Tensor x = k.input(0);
        Shape target = k.input(1).shape();
        if (x.shape().equals(target)) {
            k.setOutput(0, x);
            return;
        }
        checkArgument(target.rank() <= x.rank() && broadcastsTo(target, x.shape(), true),
                "cannot sum %s to %s: %s does not broadcast to %s", x.shape(), target, target, x.shape());
        int lead = x.rank() - target.rank();
        boolean[] reduced = new boolean[x.rank()];
        for (int axis = 0; axis < x.rank(); axis++) {
            reduced[axis] = axis < lead || target.dim(axis - lead) == 1;
        }
        ReduceLayout layout = ReduceLayout.of(x.shape().dims(), reduced);
        k.setOutput(0, Reduction.fold(k, x, layout, target, Sum.ADDITION, (folded, count) -> { }));
    }

    /** Whether {@code like} broadcasts to {@code x} (exactly, or as far as unknown dims allow). */
    private static boolean broadcastsTo(Shape like, Shape x, boolean exactly) {
        try {
            Shape b = Shape.broadcast(like, x);
            return exactly ? b.equals(x) : b.isCompatibleWith(x);
        } catch (IllegalArgumentException incompatible) {
            return false;
        }
    }

    /**
     * Each element of x fed one element of the sum, so x's gradient is dz broadcast back to x's
     * shape (a multiplication by ones of x's shape does that, and is itself differentiable);
     * {@code like} is read only for its shape.
     */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        return Arrays.asList(tf.mul(tf.onesLike(node.input(0)), dOutputs.get(0)), null);
    }
}
