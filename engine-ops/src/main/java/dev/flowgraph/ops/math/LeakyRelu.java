package dev.flowgraph.ops.math;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.spi.Attrs;

/**
 * Elementwise {@code x > 0 ? x : alpha * x}, on FLOAT32 and FLOAT64, as TensorFlow's
 * {@code leaky_relu}. The double attribute {@code alpha} defaults to {@value #DEFAULT_ALPHA} when
 * absent and must be finite. FLOAT32 rounds alpha to float and multiplies in float, as NumPy does
 * for {@code x * alpha} on a float32 array. NaN propagates.
 */
final class LeakyRelu extends ElementwiseUnary {
    static final String TYPE = "LeakyRelu";
    static final String ALPHA = "alpha";
    static final double DEFAULT_ALPHA = 0.2;

    LeakyRelu() {
        super(TYPE, null);
    }

    @Override
    Operations operations(Attrs attrs) {
        double alpha = attrs.has(ALPHA) ? attrs.getDouble(ALPHA) : DEFAULT_ALPHA;
        checkArgument(Double.isFinite(alpha), "alpha must be finite, got %s", alpha);
        float alpha32 = (float) alpha;
        return Operations.floats(x -> x > 0 ? x : alpha32 * x, x -> x > 0 ? x : alpha * x);
    }

    @Override
    public String summary() {
        return "leakyRelu(x, alpha): x > 0 ? x : alpha * x elementwise; float dtypes; alpha finite, default 0.2";
    }
}
