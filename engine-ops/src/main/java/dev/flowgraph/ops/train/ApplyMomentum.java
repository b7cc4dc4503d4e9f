package dev.flowgraph.ops.train;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.Tensor;
import dev.flowgraph.spi.Attrs;
import dev.flowgraph.spi.RangeBody;

/**
 * Momentum's update of one variable in one pass ({@code dev.flowgraph.optimizers.Momentum});
 * inputs {@code var, accumulator, lr, grad}, attributes {@code momentum} and {@code nesterov}.
 * Per element, with the momentum rounded to the variable's dtype:
 * <pre>
 * a    = momentum * a + g
 * var -= lr * a                          (plain)
 * var -= lr * (g + momentum * a)         (Nesterov, with the new a)
 * </pre>
 */
final class ApplyMomentum extends ApplyUpdate {
    static final String TYPE = "ApplyMomentum";

    ApplyMomentum() {
        super(TYPE, 1);
    }

    @Override
    void checkAttributes(Attrs attrs) {
        decay(attrs, "momentum");
        checkArgument(attrs.has("nesterov"), "the attribute 'nesterov' is missing");
    }

    @Override
    RangeBody pass(Attrs attrs, Tensor lr, Object var, Object[] slots, Object grad, Object out, Object[] newSlots) {
        double momentum = attrs.getDouble("momentum");
        boolean nesterov = attrs.getBoolean("nesterov");
        if (var instanceof float[] x) {
            float[] a = (float[]) slots[0];
            float[] g = (float[]) grad;
            float[] o = (float[]) out;
            float[] newA = (float[]) newSlots[0];
            float mu = (float) momentum;
            float rate = lr.getFloat();
            return inChunks((from, to) -> {
                for (int i = from; i < to; i++) {
                    newA[i] = mu * a[i] + g[i];
                }
                if (nesterov) {
                    for (int i = from; i < to; i++) {
                        o[i] = x[i] - rate * (g[i] + mu * newA[i]);
                    }
                } else {
                    for (int i = from; i < to; i++) {
                        o[i] = x[i] - rate * newA[i];
                    }
                }
            });
        }
        double[] x = (double[]) var;
        double[] a = (double[]) slots[0];
        double[] g = (double[]) grad;
        double[] o = (double[]) out;
        double[] newA = (double[]) newSlots[0];
        double rate = lr.getDouble();
        return inChunks((from, to) -> {
            for (int i = from; i < to; i++) {
                newA[i] = momentum * a[i] + g[i];
            }
            if (nesterov) {
                for (int i = from; i < to; i++) {
                    o[i] = x[i] - rate * (g[i] + momentum * newA[i]);
                }
            } else {
                for (int i = from; i < to; i++) {
                    o[i] = x[i] - rate * newA[i];
                }
            }
        });
    }

    @Override
    public String summary() {
        return "applyMomentum(var, accumulator, lr, grad, momentum, nesterov): a = momentum*a + g, then var -= lr*a,"
                + " or var -= lr*(g + momentum*a) with Nesterov, in one pass; writes both variables, outputs var's new"
                + " value";
    }
}
