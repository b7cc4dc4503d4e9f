package dev.flowgraph.ops.array;

import dev.flowgraph.DType;

/** Zeros of the input's dtype and shape (false for BOOL), as {@code numpy.zeros_like}. */
final class ZerosLike extends FilledLike {
    static final String TYPE = "ZerosLike";

    ZerosLike() {
        super(TYPE);
    }

    @Override
    public String summary() {
        return "zerosLike(x): zeros of x's dtype and shape (false for bool), as numpy.zeros_like";
    }

    @Override
    Object value(DType dtype) {
        return ArrayShapes.zeros(dtype, 1);
    }
}
