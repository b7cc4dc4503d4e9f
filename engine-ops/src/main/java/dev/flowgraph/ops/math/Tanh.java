package dev.flowgraph.ops.math;

/**
 * Elementwise hyperbolic tangent, on FLOAT32 and FLOAT64, as {@code numpy.tanh}: it tends to
 * {@code ±1} without overflow for large {@code |x|}.
 *
 * <p>Computed with {@link StrictMath#tanh} (fdlibm, within 1 ulp of the exact value and the same
 * on every JVM); FLOAT32 computes in double and rounds once to float. Results may differ from
 * NumPy's, in either dtype, by 1 ulp.
 */
final class Tanh extends ElementwiseUnary {
    static final String TYPE = "Tanh";

    Tanh() {
        super(TYPE, Operations.viaDouble(StrictMath::tanh));
    }

    @Override
    public String summary() {
        return "tanh(x): hyperbolic tangent elementwise; float dtypes; within 1 ulp";
    }
}
