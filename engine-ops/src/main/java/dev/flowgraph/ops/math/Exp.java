package dev.flowgraph.ops.math;

/**
 * Elementwise {@code e^x}, on FLOAT32 and FLOAT64, as {@code numpy.exp}: overflow gives infinity,
 * {@code exp(-infinity)} is 0.
 *
 * <p>Computed with {@link StrictMath#exp} (fdlibm, within 1 ulp of the exact value and the same
 * on every JVM); FLOAT32 computes in double and rounds once to float. Results may differ from
 * NumPy's, in either dtype, by 1 ulp.
 */
final class Exp extends ElementwiseUnary {
    static final String TYPE = "Exp";

    Exp() {
        super(TYPE, Operations.viaDouble(StrictMath::exp));
    }

    @Override
    public String summary() {
        return "exp(x): e^x elementwise; float dtypes; within 1 ulp";
    }
}
