package dev.flowgraph.ops.train;

import dev.flowgraph.Tensor;
import dev.flowgraph.spi.Attrs;
import dev.flowgraph.spi.RangeBody;

/**
 * Gradient descent's update of one variable in one pass
 * ({@code dev.flowgraph.optimizers.GradientDescent}); inputs {@code var, lr, grad}, no
 * attributes. Per element: {@code var -= lr * g}.
 */
final class ApplyGradientDescent extends ApplyUpdate {
    static final String TYPE = "ApplyGradientDescent";

    ApplyGradientDescent() {
        super(TYPE, 0);
    }

    @Override
    void checkAttributes(Attrs attrs) {
        // The rule has no constants besides the learning rate, an input.
    }

    @Override
    RangeBody pass(Attrs attrs, Tensor lr, Object var, Object[] slots, Object grad, Object out, Object[] newSlots) {
        if (var instanceof float[] x) {
            float[] g = (float[]) grad;
            float[] o = (float[]) out;
            float rate = lr.getFloat();
            return (from, to) -> {
                for (int i = from; i < to; i++) {
                    o[i] = x[i] - rate * g[i];
                }
            };
        }
        double[] x = (double[]) var;
        double[] g = (double[]) grad;
        double[] o = (double[]) out;
        double rate = lr.getDouble();
        return (from, to) -> {
            for (int i = from; i < to; i++) {
                o[i] = x[i] - rate * g[i];
            }
        };
    }

    @Override
    public String summary() {
        return "applyGradientDescent(var, lr, grad): var -= lr * grad in one pass (float dtypes), outputs the new"
                + " value";
    }
}
