package dev.flowgraph.ops.nn;

import dev.flowgraph.DType;
import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Tensor;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.Widening;
import dev.flowgraph.ops.kernels.CounterRandom;
import dev.flowgraph.ops.kernels.KernelTuning;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OutputSpec;
import java.util.List;

/**
 * Inverted dropout with a seeded, stateless mask: each element of x is zeroed with probability
 * {@code rate} and otherwise scaled by {@code 1 / (1 - rate)}, so the expected value is x.
 * Attributes {@code rate} (double in {@code [0, 1)}) and {@code seed} (long). Whether element i
 * is kept depends only on {@code (seed, i)} ({@link CounterRandom#dropout}), so the mask is the
 * same on every run and at any number of threads; use another seed for another mask. Float dtypes;
 * the output has x's dtype and shape.
 */
final class Dropout implements OpDef, Differentiable {
    static final String TYPE = "Dropout";
    static final String RATE = "rate";
    static final String SEED = "seed";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public String summary() {
        return "dropout(x, rate, seed): zero each element with probability rate in [0, 1), scale the rest by"
                + " 1 / (1 - rate); the mask is a pure function of (seed, index); float dtypes";
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        DType dtype = FloatKernels.floatDType(node, 1);
        double rate = node.attrs().getDouble(RATE);
        node.attrs().getLong(SEED);
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("rate " + rate + " is not in [0, 1); it is the probability of"
                    + " dropping an element");
        }
        return List.of(new OutputSpec(dtype, node.inputShape(0)));
    }

    @Override
    public void compute(KernelContext k) {
        Tensor x = k.input(0);
        double rate = k.attrs().getDouble(RATE);
        long seed = k.attrs().getLong(SEED);
        double[] in = Widening.asDoubles(x);
        double[] out = new double[in.length];
        k.parallelFor(in.length, KernelTuning.ELEMENTWISE_GRAIN,
                (s, e) -> CounterRandom.dropout(in, out, seed, rate, s, e));
        k.setOutput(0, Widening.fromDoubles(out, x.dtype(), x.shape()));
    }

    /**
     * The output is x times a mask that depends only on (seed, index), so the gradient is dz times
     * the same mask: the same dropout of dz.
     */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        return List.of(tf.dropout(dOutputs.get(0), node.attrs().getDouble(RATE), node.attrs().getLong(SEED)));
    }
}
