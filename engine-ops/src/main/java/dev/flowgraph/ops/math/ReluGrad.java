package dev.flowgraph.ops.math;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.DType;
import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.BroadcastIndex;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OutputSpec;
import java.util.Arrays;
import java.util.List;

/**
 * The gradient of {@link Relu}, as TensorFlow's {@code ReluGrad}: {@code dz} where
 * {@code x > 0} and {@code +0.0} elsewhere (NaN in x counts as not above 0), elementwise with
 * NumPy broadcasting, on FLOAT32 and FLOAT64. One pass, where the same result from graph ops is
 * {@code where(greater(x, zerosLike(x)), dz, zerosLike(dz))}, four passes; both give the same
 * bits.
 */
final class ReluGrad extends BroadcastOp implements Differentiable {
    static final String TYPE = "ReluGrad";

    ReluGrad() {
        super(TYPE, 2);
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        DType dtype = node.inputDType(0);
        checkArgument(dtype.isFloating() && node.inputDType(1) == dtype,
                "dz and x must be both FLOAT32 or both FLOAT64, not %s and %s", dtype, node.inputDType(1));
        return List.of(new OutputSpec(dtype, Shape.broadcast(node.inputShape(0), node.inputShape(1))));
    }

    @Override
    void fill(Object dzValues, Object xValues, Object unused, Object out, BroadcastIndex index, int from, int to) {
        // Equal shapes (relu's gradient always) take a plain indexed loop, which C2 compiles
        // without a branch per element; broadcast operands go run by run.
        boolean direct = index.isUnitStride();
        if (out instanceof float[] o) {
            float[] dz = (float[]) dzValues;
            float[] x = (float[]) xValues;
            if (direct) {
                for (int i = from; i < to; i++) {
                    o[i] = x[i] > 0 ? dz[i] : 0f;
                }
                return;
            }
            index.forEachRun(from, to, (at, n, dzAt, dzStep, xAt, xStep) -> {
                for (int i = 0; i < n; i++) {
                    o[at + i] = x[xAt + i * xStep] > 0 ? dz[dzAt + i * dzStep] : 0f;
                }
            });
            return;
        }
        double[] o = (double[]) out;
        double[] dz = (double[]) dzValues;
        double[] x = (double[]) xValues;
        if (direct) {
            for (int i = from; i < to; i++) {
                o[i] = x[i] > 0 ? dz[i] : 0.0;
            }
            return;
        }
        index.forEachRun(from, to, (at, n, dzAt, dzStep, xAt, xStep) -> {
            for (int i = 0; i < n; i++) {
                o[at + i] = x[xAt + i * xStep] > 0 ? dz[dzAt + i * dzStep] : 0.0;
            }
        });
    }

    @Override
    public String summary() {
        return "reluGrad(dz, x): dz where x > 0, else 0, elementwise with broadcasting (the gradient of relu);"
                + " FLOAT32 and FLOAT64";
    }

    /** Linear in dz, with the same mask; piecewise constant in x, so x gets no gradient. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        Output dz = node.input(0);
        Output x = node.input(1);
        return Arrays.asList(tf.sumTo(tf.reluGrad(dOutputs.get(0), x), dz), null);
    }
}
