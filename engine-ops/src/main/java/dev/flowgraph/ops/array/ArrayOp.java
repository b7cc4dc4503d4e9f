package dev.flowgraph.ops.array;

import dev.flowgraph.spi.OpDef;

/** The op type and arity that every array op states; subclasses add the shape rule and kernel. */
abstract class ArrayOp implements OpDef {
    private final String type;
    private final int arity;

    ArrayOp(String type, int arity) {
        this.type = type;
        this.arity = arity;
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final int arity() {
        return arity;
    }
}
