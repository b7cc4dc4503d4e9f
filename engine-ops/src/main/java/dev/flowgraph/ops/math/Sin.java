package dev.flowgraph.ops.math;

/**
 * Elementwise sine of an angle in radians, on FLOAT32 and FLOAT64, as {@code numpy.sin}; the sine of
 * an infinity is NaN.
 *
 * <p>Computed with {@link StrictMath#sin} (fdlibm, within 1 ulp of the exact value and the same
 * on every JVM); FLOAT32 computes in double and rounds once to float. Results may differ from
 * NumPy's, in either dtype, by 1 ulp.
 */
final class Sin extends ElementwiseUnary {
    static final String TYPE = "Sin";

    Sin() {
        super(TYPE, Operations.viaDouble(StrictMath::sin));
    }

    @Override
    public String summary() {
        return "sin(x): sine elementwise, x in radians; float dtypes; within 1 ulp";
    }
}
