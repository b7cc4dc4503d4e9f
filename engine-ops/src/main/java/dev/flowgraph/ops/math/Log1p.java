package dev.flowgraph.ops.math;

/**
 * Elementwise {@code log(1 + x)}, accurate for small {@code x}, on FLOAT32 and FLOAT64, as
 * {@code numpy.log1p}: {@code log1p(-1)} is -infinity and below -1 it is NaN.
 *
 * <p>Computed with {@link StrictMath#log1p} (fdlibm: the same bits on every JVM); FLOAT32
 * computes in double and rounds once to float. Results may differ by 1 ulp from NumPy's float64
 * result rounded to the input's dtype. NumPy's own float32 loops are less exact (on x86 with AVX2
 * up to 2 ulp for exp and 3 for log, varying between CPUs), so FLOAT32 results can differ from
 * {@code np.log1p(x.astype(np.float32))} by as much.
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
