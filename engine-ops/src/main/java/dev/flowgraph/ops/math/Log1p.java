package dev.flowgraph.ops.math;

/**
 * Elementwise {@code log(1 + x)}, accurate for small {@code x}, on FLOAT32 and FLOAT64, as
 * {@code numpy.log1p}: {@code log1p(-1)} is -infinity and below -1 it is NaN.
 *
 * <p>Computed with {@link StrictMath#log1p} (fdlibm, within 1 ulp of the exact value and the same
 * on every JVM); FLOAT32 computes in double and rounds once to float. Results may differ from
 * NumPy's, in either dtype, by 1 ulp.
 */
final class Log1p extends ElementwiseUnary {
    static final String TYPE = "Log1p";

    Log1p() {
        super(TYPE, Operations.viaDouble(StrictMath::log1p));
    }

    @Override
    public String summary() {
        return "log1p(x): log(1 + x) elementwise, accurate near 0; float dtypes; log1p(-1) is -infinity";
    }
}
