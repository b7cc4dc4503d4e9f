package dev.flowgraph.ops.nn;

/**
 * Log-softmax along one axis: {@code out = x - max - log(sum(exp(x - max)))} over each lane of
 * that axis, as {@code scipy.special.log_softmax}; float dtypes; finite for logits such as 1000
 * and -1000, where {@code log(softmax(x))} would give -Inf. Attribute {@code axis} (long,
 * negative counts from the end).
 */
final class LogSoftmax extends SoftmaxBase {
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
}
