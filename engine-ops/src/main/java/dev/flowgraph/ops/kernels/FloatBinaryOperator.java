package dev.flowgraph.ops.kernels;

/**
 * An operation on two {@code float} operands producing a {@code float}; the {@code float}
 * counterpart of {@link java.util.function.DoubleBinaryOperator}, which the JDK lacks.
 */
@FunctionalInterface
public interface FloatBinaryOperator {
    /**
     * Applies the operation.
     *
     * @param x the left operand
     * @param y the right operand
     * @return the result
     */
    float applyAsFloat(float x, float y);
}
