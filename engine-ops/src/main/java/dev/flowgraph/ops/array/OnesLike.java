package dev.flowgraph.ops.array;

import dev.flowgraph.DType;

/** Ones of the input's dtype and shape (true for BOOL), as {@code numpy.ones_like}. */
final class OnesLike extends FilledLike {
    static final String TYPE = "OnesLike";

    OnesLike() {
        super(TYPE);
    }

    @Override
    public String summary() {
        return "onesLike(x): ones of x's dtype and shape (true for bool), as numpy.ones_like";
    }

    @Override
    Object value(DType dtype) {
        return ArrayShapes.one(dtype);
    }
}
