package dev.flowgraph.ops.train;

import dev.flowgraph.Tensor;
import dev.flowgraph.spi.Attrs;
import dev.flowgraph.spi.RangeBody;

/**
 * RMSProp's update of one variable in one pass ({@code dev.flowgraph.optimizers.RMSProp});
 * inputs {@code var, ms, momentum, lr, grad} (the second and third are the slots), attributes
 * {@code rho}, {@code momentum}, {@code epsilon}. Per element, with the constants rounded to the
 * variable's dtype ({@code 1 - rho} computed in double first):
 * <pre>
 * ms   = rho * ms + ((1 - rho) * g) * g
 * mom  = momentum * mom + (lr * g) / sqrt(ms + epsilon)
 * var -= mom
 * </pre>
 */
final class ApplyRMSProp extends ApplyUpdate {
    static final String TYPE = "ApplyRMSProp";

    ApplyRMSProp() {
        super(TYPE, 2);
    }

    @Override
    void checkAttributes(Attrs attrs) {
        decay(attrs, "rho");
        decay(attrs, "momentum");
        positive(attrs, "epsilon");
    }

    @Override
    RangeBody pass(Attrs attrs, Tensor lr, Object var, Object[] slots, Object grad, Object out, Object[] newSlots) {
        double rho = attrs.getDouble("rho");
        double momentum = attrs.getDouble("momentum");
        double epsilon = attrs.getDouble("epsilon");
        if (var instanceof float[] x) {
            float[] ms = (float[]) slots[0];
            float[] mom = (float[]) slots[1];
            float[] g = (float[]) grad;
            float[] o = (float[]) out;
            float[] newMs = (float[]) newSlots[0];
            float[] newMom = (float[]) newSlots[1];
            float r = (float) rho;
            float c = (float) (1 - rho);
            float mu = (float) momentum;
            float eps = (float) epsilon;
            float rate = lr.getFloat();
            return inChunks((from, to) -> {
                for (int i = from; i < to; i++) {
                    newMs[i] = r * ms[i] + c * g[i] * g[i];
                }
                for (int i = from; i < to; i++) {
                    newMom[i] = mu * mom[i] + rate * g[i] / (float) Math.sqrt(newMs[i] + eps);
                }
                for (int i = from; i < to; i++) {
                    o[i] = x[i] - newMom[i];
                }
            });
        }
        double[] x = (double[]) var;
        double[] ms = (double[]) slots[0];
        double[] mom = (double[]) slots[1];
        double[] g = (double[]) grad;
        double[] o = (double[]) out;
        double[] newMs = (double[]) newSlots[0];
        double[] newMom = (double[]) newSlots[1];
        double c = 1 - rho;
        double rate = lr.getDouble();
        return inChunks((from, to) -> {
            for (int i = from; i < to; i++) {
                newMs[i] = rho * ms[i] + c * g[i] * g[i];
            }
            for (int i = from; i < to; i++) {
                newMom[i] = momentum * mom[i] + rate * g[i] / Math.sqrt(newMs[i] + epsilon);
            }
            for (int i = from; i < to; i++) {
                o[i] = x[i] - newMom[i];
            }
        });
    }

    @Override
    public String summary() {
        return "applyRMSProp(var, ms, mom, lr, grad, rho, momentum, epsilon): ms = rho*ms + (1-rho)*g*g, mom ="
                + " momentum*mom + lr*g / sqrt(ms + epsilon), var -= mom, in one pass; writes the three variables,"
                + " outputs var's new value";
    }
}
