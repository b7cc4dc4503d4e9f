package dev.flowgraph.ops.array;

/**
 * Joins tensors of one shape along a new axis, as {@code numpy.stack}: the output has the new
 * axis of size {@code n} (the input count) at position {@code axis}, in {@code [-rank-1, rank]}.
 * Any dtype.
 */
final class Stack extends Join {
    static final String TYPE = "Stack";

    Stack() {
        super(TYPE, true);
    }

    @Override
    public String summary() {
        return "stack(axis, xs...): joins tensors of one shape along a new axis, as numpy.stack; one dtype, any";
    }
}
