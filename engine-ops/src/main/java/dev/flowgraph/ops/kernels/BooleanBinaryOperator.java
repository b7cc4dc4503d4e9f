package dev.flowgraph.ops.kernels;

/**
 * An operation on two {@code boolean} operands producing a {@code boolean}, such as logical and;
 * the primitive counterpart of {@link java.util.function.BinaryOperator}, which the JDK lacks.
 */
@FunctionalInterface
public interface BooleanBinaryOperator {
    /**
     * Applies the operation.
     *
     * @param x the left operand
     * @param y the right operand
     * @return the result
     */
    boolean apply(boolean x, boolean y);
}
