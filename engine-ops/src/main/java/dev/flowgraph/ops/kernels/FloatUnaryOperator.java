package dev.flowgraph.ops.kernels;

/**
 * An operation on one {@code float} operand producing a {@code float}; the {@code float}
 * counterpart of {@link java.util.function.DoubleUnaryOperator}, which the JDK lacks.
 */
@FunctionalInterface
public interface FloatUnaryOperator {
    /**
     * Applies the operation.
     *
     * @param x the operand
     * @return the result
     */
    float applyAsFloat(float x);
}
