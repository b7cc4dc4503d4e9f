package dev.flowgraph.ops.array;

/**
 * Joins tensors along an existing axis, as {@code numpy.concatenate}: every input has the same
 * dtype and rank and the same sizes outside the axis. Any dtype.
 */
final class Concat extends Join {
    static final String TYPE = "Concat";

    Concat() {
        super(TYPE, false);
    }

    @Override
    public String summary() {
        return "concat(axis, xs...): joins tensors along an existing axis, as numpy.concatenate; equal ranks and "
                + "sizes outside the axis; one dtype, any";
    }
}
