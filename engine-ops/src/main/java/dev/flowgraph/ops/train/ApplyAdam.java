package dev.flowgraph.ops.train;

import dev.flowgraph.Tensor;
import dev.flowgraph.spi.Attrs;
import dev.flowgraph.spi.RangeBody;

/**
 * Adam's update of one variable in one pass ({@code dev.flowgraph.optimizers.Adam}); inputs
 * {@code var, m, v, lr, grad}, attributes {@code beta1}, {@code beta2}, {@code epsilon}. The
 * learning rate is the step's bias-corrected {@code lr_t}, computed by the caller. Per element,
 * with the constants rounded to the variable's dtype ({@code 1 - beta} computed in double first):
 * <pre>
 * m    = beta1 * m + (1 - beta1) * g
 * v    = beta2 * v + ((1 - beta2) * g) * g
 * var -= (lr_t * m) / (sqrt(v) + epsilon)
 * </pre>
 */
final class ApplyAdam extends ApplyUpdate {
    static final String TYPE = "ApplyAdam";

    ApplyAdam() {
        super(TYPE, 2);
    }

    @Override
    void checkAttributes(Attrs attrs) {
        decay(attrs, "beta1");
        decay(attrs, "beta2");
        positive(attrs, "epsilon");
    }

    @Override
    RangeBody pass(Attrs attrs, Tensor lr, Object var, Object[] slots, Object grad, Object out, Object[] newSlots) {
        double beta1 = attrs.getDouble("beta1");
        double beta2 = attrs.getDouble("beta2");
        double epsilon = attrs.getDouble("epsilon");
        if (var instanceof float[] x) {
            float[] m = (float[]) slots[0];
            float[] v = (float[]) slots[1];
            float[] g = (float[]) grad;
            float[] o = (float[]) out;
            float[] newM = (float[]) newSlots[0];
            float[] newV = (float[]) newSlots[1];
            float b1 = (float) beta1;
            float c1 = (float) (1 - beta1);
            float b2 = (float) beta2;
            float c2 = (float) (1 - beta2);
            float eps = (float) epsilon;
            float rate = lr.getFloat();
            return inChunks((from, to) -> {
                for (int i = from; i < to; i++) {
                    newM[i] = b1 * m[i] + c1 * g[i];
                }
                for (int i = from; i < to; i++) {
                    newV[i] = b2 * v[i] + c2 * g[i] * g[i];
                }
                for (int i = from; i < to; i++) {
                    o[i] = x[i] - rate * newM[i] / ((float) Math.sqrt(newV[i]) + eps);
                }
            });
        }
        double[] x = (double[]) var;
        double[] m = (double[]) slots[0];
        double[] v = (double[]) slots[1];
        double[] g = (double[]) grad;
        double[] o = (double[]) out;
        double[] newM = (double[]) newSlots[0];
        double[] newV = (double[]) newSlots[1];
        double c1 = 1 - beta1;
        double c2 = 1 - beta2;
        double rate = lr.getDouble();
        return inChunks((from, to) -> {
            for (int i = from; i < to; i++) {
                newM[i] = beta1 * m[i] + c1 * g[i];
            }
            for (int i = from; i < to; i++) {
                newV[i] = beta2 * v[i] + c2 * g[i] * g[i];
            }
            for (int i = from; i < to; i++) {
                o[i] = x[i] - rate * newM[i] / (Math.sqrt(newV[i]) + epsilon);
            }
        });
    }

    @Override
    public String summary() {
        return "applyAdam(var, m, v, lrT, grad, beta1, beta2, epsilon): Adam's step in one pass, m = beta1*m +"
                + " (1-beta1)*g, v = beta2*v + (1-beta2)*g*g, var -= lrT*m / (sqrt(v) + epsilon); writes the three"
                + " variables, outputs var's new value";
    }
}
