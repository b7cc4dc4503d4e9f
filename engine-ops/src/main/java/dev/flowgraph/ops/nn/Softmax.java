package dev.flowgraph.ops.nn;

/**
 * Softmax along one axis: {@code out = exp(x - max) / sum(exp(x - max))} over each lane of that
 * axis, as {@code scipy.special.softmax}; float dtypes; stable for large logits (subtracting the
 * lane's max first). Attribute {@code axis} (long, negative counts from the end).
 */
final class Softmax extends SoftmaxBase {
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
}
