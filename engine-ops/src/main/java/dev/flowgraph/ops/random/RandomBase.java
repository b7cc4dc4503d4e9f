package dev.flowgraph.ops.random;

import dev.flowgraph.DType;
import dev.flowgraph.Shape;
import dev.flowgraph.ops.kernels.CounterRandom;
import dev.flowgraph.ops.kernels.KernelTuning;
import dev.flowgraph.spi.Attrs;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OutputSpec;
import dev.flowgraph.spi.TensorBuffers;
import java.util.List;

/**
 * The shape rule and kernel of the seeded random ops: no inputs; attributes {@code shape} (fully
 * defined), {@code dtype} (FLOAT32 or FLOAT64) and {@code seed} (long). Stateless: element i is a
 * pure function of {@code (seed, i)} ({@link CounterRandom}), so a node yields the same tensor on
 * every run, at any number of threads; use different seeds for different values.
 */
abstract class RandomBase implements OpDef {
    static final String SHAPE = "shape";
    static final String DTYPE = "dtype";
    static final String SEED = "seed";
    private final CounterRandom.Distribution distribution;

    RandomBase(CounterRandom.Distribution distribution) {
        this.distribution = distribution;
    }

    @Override
    public final int arity() {
        return 0;
    }

    @Override
    public final List<OutputSpec> infer(NodeSpec node) {
        Attrs a = node.attrs();
        Shape shape = a.getShape(SHAPE);
        DType dtype = a.getDType(DTYPE);
        a.getLong(SEED);
        if (!shape.isFullyDefined()) {
            throw new IllegalArgumentException("shape " + shape + " is not fully defined; a random tensor needs every"
                    + " dimension");
        }
        if (!dtype.isFloating()) {
            throw new IllegalArgumentException("dtype " + dtype + " is not a float dtype; use float32 or float64"
                    + " (cast the result for other dtypes)");
        }
        if (shape.size() > dev.flowgraph.Tensor.MAX_SIZE) {
            throw new IllegalArgumentException("shape " + shape + " holds more than " + dev.flowgraph.Tensor.MAX_SIZE
                    + " elements");
        }
        return List.of(new OutputSpec(dtype, shape));
    }

    @Override
    public final void compute(KernelContext k) {
        Shape shape = k.attrs().getShape(SHAPE);
        long seed = k.attrs().getLong(SEED);
        int size = (int) shape.size();
        int grain = KernelTuning.ELEMENTWISE_GRAIN;
        if (k.attrs().getDType(DTYPE) == DType.FLOAT64) {
            double[] out = new double[size];
            k.parallelFor(size, grain, (s, e) -> CounterRandom.fill(out, seed, distribution, s, e));
            k.setOutput(0, TensorBuffers.wrap(shape, out));
        } else {
            float[] out = new float[size];
            k.parallelFor(size, grain, (s, e) -> CounterRandom.fill(out, seed, distribution, s, e));
            k.setOutput(0, TensorBuffers.wrap(shape, out));
        }
    }
}
