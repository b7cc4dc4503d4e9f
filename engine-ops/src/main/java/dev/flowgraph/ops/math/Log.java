package dev.flowgraph.ops.math;

/**
 * Elementwise natural logarithm, on FLOAT32 and FLOAT64, as {@code numpy.log}: {@code log(0)} is
 * -infinity and the logarithm of a negative is NaN.
 *
 * <p>Computed with {@link StrictMath#log} (fdlibm, within 1 ulp of the exact value and the same
 * on every JVM); FLOAT32 computes in double and rounds once to float. Results may differ from
 * NumPy's, in either dtype, by 1 ulp.
 */
final class Log extends ElementwiseUnary {
    static final String TYPE = "Log";

    Log() {
        super(TYPE, Operations.viaDouble(StrictMath::log));
    }

    @Override
    public String summary() {
        return "log(x): natural logarithm elementwise; float dtypes; log(0) is -infinity, of a negative NaN";
    }
}
