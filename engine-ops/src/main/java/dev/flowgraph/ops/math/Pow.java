package dev.flowgraph.ops.math;

import dev.flowgraph.ops.kernels.Arithmetic;

/**
 * Elementwise {@code x^y} with NumPy broadcasting, on one numeric dtype.
 *
 * <p>Floats follow C99's {@code pow}, as NumPy does: {@link Math#pow}, except that
 * {@code pow(1, y)} is 1 for any y (NaN included) and {@code pow(-1, ±inf)} is 1; a negative base
 * to a non-integer power is NaN. FLOAT32 computes in double and rounds once. Integers are the
 * exact power by repeated squaring, wrapping on overflow ({@code 2^31} in INT32 is
 * {@code MIN_VALUE}, {@code 0^0} is 1); a negative exponent makes the kernel throw, which the
 * session reports as a {@link dev.flowgraph.KernelException} naming the node.
 */
final class Pow extends ElementwiseBinary {
    static final String TYPE = "Pow";

    Pow() {
        super(TYPE, (x, y) -> (float) Arithmetic.pow(x, y), Arithmetic::pow, (x, y) -> (int) Arithmetic.pow(x, y),
                Arithmetic::pow);
    }

    @Override
    public String summary() {
        return "pow(x, y): x^y elementwise with NumPy broadcasting; numeric dtypes, both the same; floats as C pow; "
                + "integers exact with wrap-around, a negative exponent fails the run";
    }
}
