package dev.flowgraph.ops.kernels;

/**
 * A test of two {@code long} operands; the primitive counterpart of
 * {@link java.util.function.BiPredicate}, which the JDK lacks. {@code int} operands widen to
 * {@code long} exactly, so one predicate serves both integer dtypes.
 */
@FunctionalInterface
public interface LongBinaryPredicate {
    /**
     * Applies the test.
     *
     * @param x the left operand
     * @param y the right operand
     * @return the outcome
     */
    boolean test(long x, long y);
}
