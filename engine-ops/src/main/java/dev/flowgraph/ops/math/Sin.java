package dev.flowgraph.ops.math;

/**
 * Elementwise sine of an angle in radians, on FLOAT32 and FLOAT64, as {@code numpy.sin}; the sine of
 * an infinity is NaN.
 *
 * <p>Computed with {@link StrictMath#sin} (fdlibm: the same bits on every JVM); FLOAT32
 * computes in double and rounds once to float. Results may differ by 1 ulp from NumPy's float64
 * result rounded to the input's dtype. NumPy's own float32 loops are less exact (on x86 with AVX2
 * up to 2 ulp for exp and 3 for log, varying between CPUs), so FLOAT32 results can differ from
 * {@code np.sin(x.astype(np.float32))} by as much.
 */
final class Sin extends ElementwiseUnary {
    static final String TYPE = "Sin";

    Sin() {
        super(TYPE, Operations.viaDouble(StrictMath::sin));
    }

    @Override
    public String summary() {
        return "sin(x): sine elementwise, x in radians; float dtypes";
    }
}
