package dev.flowgraph.ops.kernels;

/**
 * Scalar operations of the math ops whose NumPy semantics take more than one Java operator:
 * power, modulo, maximum and minimum, and the logistic sigmoid and softplus without overflow.
 * Elementwise kernels apply them per element; they never box.
 *
 * <p>FLOAT32 ops may widen to {@code double}, call these, and round back: for {@code mod},
 * {@code maximum} and {@code minimum} that gives exactly the {@code float} result, since every
 * step is exact or a single correctly rounded addition (53 bits are more than twice 24 + 2, so
 * rounding twice equals rounding once). INT32 ops likewise use the {@code long} forms where the
 * low 32 bits of the result are the same.
 */
public final class Arithmetic {
    private Arithmetic() {}

    /**
     * Returns {@code x} to the power {@code y} as C99's {@code pow}, which NumPy uses: that is
     * {@link Math#pow}, except that {@code pow(1, y)} is 1 for every y (NaN and ±infinity
     * included) and {@code pow(-1, ±infinity)} is 1, where {@code Math.pow} gives NaN.
     *
     * @param x the base
     * @param y the exponent
     * @return {@code x^y}
     */
    public static double pow(double x, double y) {
        if (x == 1.0 || (x == -1.0 && Double.isInfinite(y))) {
            return 1.0;
        }
        return Math.pow(x, y);
    }

    /**
     * Returns {@code x} to the power {@code y} exactly, by repeated squaring, wrapping on
     * overflow as repeated 64-bit multiplication does; {@code pow(0, 0)} is 1. The low 32 bits of
     * the result are the INT32 power of the low 32 bits of the operands.
     *
     * @param x the base
     * @param y the exponent, at least 0
     * @return {@code x^y} modulo 2^64, as a signed long
     * @throws ArithmeticException if {@code y} is negative, as NumPy refuses integers to negative
     *     integer powers
     */
    public static long pow(long x, long y) {
        if (y < 0) {
            throw new ArithmeticException("integer power with the negative exponent " + y
                    + "; cast to a float dtype first");
        }
        long result = 1;
        long base = x;
        for (long e = y; e != 0; e >>>= 1) {
            if ((e & 1) != 0) {
                result *= base;
            }
            base *= base;
        }
        return result;
    }

    /**
     * Returns {@code x mod y} as NumPy's {@code np.mod} on floats: the remainder with the sign
     * of the divisor, {@code x - floor(x / y) * y} in exact arithmetic. Computed as NumPy does,
     * from the exact truncated remainder {@code fmod(x, y)} (Java's {@code %}), adding {@code y}
     * when the signs differ, so that huge quotients lose nothing. A zero result takes y's sign;
     * {@code mod(x, 0)}, {@code mod(±inf, y)} and NaN operands give NaN; {@code mod(3, inf)} is
     * 3 and {@code mod(-3, inf)} is infinity.
     *
     * @param x the dividend
     * @param y the divisor
     * @return the remainder
     */
    public static double mod(double x, double y) {
        double r = x % y;
        if (r == 0) {
            return Math.copySign(0.0, y);
        }
        return (y < 0) != (r < 0) ? r + y : r;
    }

    /**
     * Returns {@code x mod y} with the sign of the divisor, as Python and NumPy do on integers
     * ({@code -7 mod 3} is 2, {@code 7 mod -3} is -2); {@code MIN_VALUE mod -1} is 0.
     *
     * @param x the dividend
     * @param y the divisor
     * @return {@code x - floor(x / y) * y}
     * @throws ArithmeticException "integer modulo by zero" if {@code y} is 0
     */
    public static long mod(long x, long y) {
        if (y == 0) {
            throw new ArithmeticException("integer modulo by zero");
        }
        return Math.floorMod(x, y);
    }

    /**
     * Returns the larger operand as NumPy's {@code np.maximum}: NaN if either is NaN; of two
     * equal operands (such as {@code -0.0} and {@code 0.0}) the second.
     *
     * @param x the left operand
     * @param y the right operand
     * @return {@code x > y || isNaN(x) ? x : y}
     */
    public static double maximum(double x, double y) {
        return x > y || Double.isNaN(x) ? x : y;
    }

    /**
     * Returns the smaller operand as NumPy's {@code np.minimum}: NaN if either is NaN; of two
     * equal operands (such as {@code -0.0} and {@code 0.0}) the second.
     *
     * @param x the left operand
     * @param y the right operand
     * @return {@code x < y || isNaN(x) ? x : y}
     */
    public static double minimum(double x, double y) {
        return x < y || Double.isNaN(x) ? x : y;
    }

    /**
     * Returns the logistic sigmoid {@code 1 / (1 + e^-x)}, without overflow for large
     * {@code |x|}: for negative x (and NaN) as {@code e^x / (1 + e^x)}.
     *
     * @param x the operand
     * @return {@code sigmoid(x)}, in (0, 1) up to rounding; NaN for NaN
     */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + StrictMath.exp(-x));
        }
        // Here (and for NaN, which fails x >= 0) e^x <= 1 cannot overflow.
        double e = StrictMath.exp(x);
        return e / (1 + e);
    }

    /**
     * Returns {@code log(1 + e^x)} without overflow, as {@code log1p(e^-|x|) + max(x, 0)}.
     *
     * @param x the operand
     * @return {@code softplus(x)}; NaN for NaN
     */
    public static double softplus(double x) {
        // e^-|x| <= 1, so nothing overflows; Math.max keeps a NaN.
        return StrictMath.log1p(StrictMath.exp(-Math.abs(x))) + Math.max(x, 0.0);
    }
}
