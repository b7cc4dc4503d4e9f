package dev.flowgraph.ops.array;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OutputSpec;
import java.util.Arrays;
import java.util.List;

/**
 * Removes axes of size 1, as {@code numpy.squeeze}: attribute {@code axes} ({@code long[]},
 * negative values counting from the end) names them; absent or empty, every size-1 axis goes.
 * Squeezing an axis whose size is not 1 is refused (when the node is added if its size is known,
 * else when run). Any dtype; the output shares the input's elements.
 */
final class Squeeze extends MetadataOp implements Differentiable {
    static final String TYPE = "Squeeze";
    static final String AXES = "axes";

    Squeeze() {
        super(TYPE);
    }

    @Override
    public String summary() {
        return "squeeze(x, axes...): removes the given size-1 axes, or every size-1 axis, as numpy.squeeze; "
                + "any dtype";
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        Shape in = node.inputShape(0);
        long[] axes = node.attrs().has(AXES) ? node.attrs().getLongArray(AXES) : new long[0];
        Shape out;
        if (!in.hasKnownRank()) {
            out = Shape.unknown();
        } else if (axes.length == 0 && !in.isFullyDefined()) {
            // An unknown size may turn out to be 1, so not even the rank is known.
            out = Shape.unknown();
        } else {
            out = squeeze(in, axes);
        }
        return List.of(new OutputSpec(node.inputDType(0), out));
    }

    private static Shape squeeze(Shape in, long[] axes) {
        long[] dims = in.dims();
        boolean[] removed = new boolean[dims.length];
        if (axes.length == 0) {
            for (int d = 0; d < dims.length; d++) {
                removed[d] = dims[d] == 1;
            }
        }
        for (long a : axes) {
            int axis = ArrayShapes.axis(a, dims.length);
            checkArgument(!removed[axis], "axis %s is repeated in axes %s", a, Arrays.toString(axes));
            checkArgument(dims[axis] == 1 || dims[axis] == Shape.UNKNOWN_DIM,
                    "cannot squeeze axis %s of %s: its size is %s, not 1", a, in, dims[axis]);
            removed[axis] = true;
        }
        long[] out = new long[dims.length];
        int n = 0;
        for (int d = 0; d < dims.length; d++) {
            if (!removed[d]) {
                out[n++] = dims[d];
            }
        }
        return Shape.of(Arrays.copyOf(out, n));
    }

    @Override
    public void compute(KernelContext k) {
        Tensor x = k.input(0);
        long[] axes = k.attrs().has(AXES) ? k.attrs().getLongArray(AXES) : new long[0];
        k.setOutput(0, ArrayShapes.relabel(x, squeeze(x.shape(), axes)));
    }

    /** The gradient is dz in the input's run-time shape. */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        return List.of(tf.reshapeLike(dOutputs.get(0), node.input(0)));
    }
}
