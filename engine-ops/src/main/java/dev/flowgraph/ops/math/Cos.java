package dev.flowgraph.ops.math;

/**
 * Elementwise cosine of an angle in radians, on FLOAT32 and FLOAT64, as {@code numpy.cos}; the
 * cosine of an infinity is NaN.
 *
 * <p>Computed with {@link StrictMath#cos} (fdlibm, within 1 ulp of the exact value and the same
 * on every JVM); FLOAT32 computes in double and rounds once to float. Results may differ from
 * NumPy's, in either dtype, by 1 ulp.
 */
final class Cos extends ElementwiseUnary {
    static final String TYPE = "Cos";

    Cos() {
        super(TYPE, Operations.viaDouble(StrictMath::cos));
    }

    @Override
    public String summary() {
        return "cos(x): cosine elementwise, x in radians; float dtypes; within 1 ulp";
    }
}
