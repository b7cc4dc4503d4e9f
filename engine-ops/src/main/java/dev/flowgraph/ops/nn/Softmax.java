package dev.flowgraph.ops.nn;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import java.util.List;

/**
 * Softmax along one axis: {@code out = exp(x - max) / sum(exp(x - max))} over each lane of that
 * axis, as {@code scipy.special.softmax}; float dtypes; stable for large logits (subtracting the
 * lane's max first). Attribute {@code axis} (long, negative counts from the end).
 */
final class Softmax extends SoftmaxBase implements Differentiable {
    static final String TYPE = "Softmax";

    Softmax() {
        super(false);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String summary() {
        return "softmax(x, axis): exp(x - max) / sum(exp(x - max)) along axis (default -1); float dtypes; stable"
                + " for large logits";
    }

    /** For {@code s = softmax(x)}: {@code dx = s (dz - sum(dz s))}, the sum over the axis. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        Output s = node.output(0);
        Output dz = dOutputs.get(0);
        int[] axis = {(int) node.attrs().getLong(AXIS)};
        return List.of(tf.mul(s, tf.sub(dz, tf.sum(tf.mul(dz, s), axis, true))));
    }
}
