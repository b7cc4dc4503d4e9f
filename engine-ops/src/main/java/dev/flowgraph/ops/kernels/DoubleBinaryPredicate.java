package dev.flowgraph.ops.kernels;

/**
 * A test of two {@code double} operands; the primitive counterpart of
 * {@link java.util.function.BiPredicate}, which the JDK lacks. {@code float} operands widen to
 * {@code double} exactly, so one predicate serves both floating dtypes.
 */
@FunctionalInterface
public interface DoubleBinaryPredicate {
    /**
     * Applies the test.
     *
     * @param x the left operand
     * @param y the right operand
     * @return the outcome
     */
    boolean test(double x, double y);
}
