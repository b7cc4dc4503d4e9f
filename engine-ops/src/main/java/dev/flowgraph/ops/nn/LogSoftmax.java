package dev.flowgraph.ops.nn;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import java.util.List;

/**
 * Log-softmax along one axis: {@code out = x - max - log(sum(exp(x - max)))} over each lane of
 * that axis, as {@code scipy.special.log_softmax}; float dtypes; finite for logits such as 1000
 * and -1000, where {@code log(softmax(x))} would give -Inf. Attribute {@code axis} (long,
 * negative counts from the end).
 */
final class LogSoftmax extends SoftmaxBase implements Differentiable {
    static final String TYPE = "LogSoftmax";

    LogSoftmax() {
        super(true);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String summary() {
        return "logSoftmax(x, axis): x - max - log(sum(exp(x - max))) along axis (default -1); float dtypes;"
                + " stable for large logits";
    }

    /**
     * For {@code l = logSoftmax(x)}: {@code dx = dz - softmax(x) sum(dz)}, the sum over the axis
     * (softmax rather than exp(l), so that the gradient's own gradient needs only this family).
     */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        Output dz = dOutputs.get(0);
        int axis = (int) node.attrs().getLong(AXIS);
        return List.of(tf.sub(dz, tf.mul(tf.softmax(node.input(0), axis), tf.sum(dz, new int[] {axis}, true))));
    }
}
