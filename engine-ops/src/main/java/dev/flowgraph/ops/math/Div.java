package dev.flowgraph.ops.math;

import dev.flowgraph.ops.kernels.Elementwise;

/**
 * Elementwise {@code x / y} with NumPy broadcasting, on one numeric dtype.
 *
 * <p>Floats divide as IEEE 754 does: {@code 1/0} is infinity, {@code -1/0} is -infinity and
 * {@code 0/0} is NaN (FLOAT32 divides in float). Integers divide as Java and C do, truncating
 * toward zero ({@code -7 / 2} is -3); {@code MIN_VALUE / -1} wraps to {@code MIN_VALUE}; a zero
 * divisor makes the kernel throw {@code ArithmeticException("integer division by zero")}, which
 * the session reports as a {@link dev.flowgraph.KernelException} naming the node.
 */
final class Div extends ElementwiseBinary {
    static final String TYPE = "Div";

    Div() {
        super(TYPE, (x, y) -> x / y, (x, y) -> x / y, Elementwise::divide, Elementwise::divide);
    }

    @Override
    public String summary() {
        return "div(x, y): x / y elementwise with NumPy broadcasting; floats as IEEE 754; integers truncate toward zero and fail the run on a zero divisor";
    }
}
