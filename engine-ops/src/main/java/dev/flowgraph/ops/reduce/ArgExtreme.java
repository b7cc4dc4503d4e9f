package dev.flowgraph.ops.reduce;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.DType;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Widening;
import dev.flowgraph.ops.kernels.KernelTuning;
import dev.flowgraph.ops.kernels.Reductions;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OutputSpec;
import java.util.Arrays;
import java.util.List;

/**
 * The shared shape rule and kernel of argMax and argMin: the INT64 index of the extreme element
 * along one axis (attribute {@code axis}, negative counts from the end), which is removed from
 * the shape. Ties give the first index; a NaN is the extreme, so the first NaN's index is
 * returned, as in NumPy.
 */
abstract class ArgExtreme implements OpDef {
    static final String AXIS = "axis";

    private final String type;
    private final boolean max;

    ArgExtreme(String type, boolean max) {
        this.type = type;
        this.max = max;
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final int arity() {
        return 1;
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        DType dtype = node.inputDType(0);
        checkArgument(dtype.isNumeric(), "%s of %s is not defined; it needs a numeric dtype", type, dtype);
        Shape in = node.inputShape(0);
        if (!in.hasKnownRank()) {
            return List.of(new OutputSpec(DType.INT64, Shape.unknown()));
        }
        int axis = axis(node.attrs().getLong(AXIS), in.rank());
        checkArgument(in.dim(axis) != 0, "%s along an empty axis (axis %s of %s) has no answer", type, axis, in);
        return List.of(new OutputSpec(DType.INT64, without(in, axis)));
    }

    private static int axis(long axis, int rank) {
        checkArgument(rank >= 1, "a scalar has no axis to search");
        checkArgument(axis >= -rank && axis < rank, "axis %s is out of range for rank %s", axis, rank);
        return (int) (axis < 0 ? axis + rank : axis);
    }

    private static Shape without(Shape shape, int axis) {
        long[] dims = shape.dims();
        long[] out = new long[dims.length - 1];
        System.arraycopy(dims, 0, out, 0, axis);
        System.arraycopy(dims, axis + 1, out, axis, dims.length - axis - 1);
        return Shape.of(out);
    }

    @Override
    public void compute(KernelContext k) {
        Tensor x = k.input(0);
        int axis = axis(k.attrs().getLong(AXIS), x.rank());
        long[] dims = x.shape().dims();
        int n = (int) dims[axis];
        int inner = (int) Arrays.stream(dims, axis + 1, dims.length).reduce(1, Math::multiplyExact);
        Shape outShape = without(x.shape(), axis);
        int outputs = (int) outShape.size();
        checkArgument(n > 0 || outputs == 0, "%s along an empty axis has no answer (input shape %s)", type,
                x.shape());
        long[] out = new long[outputs];
        int grain = Math.max(1, KernelTuning.REDUCE_BLOCK_ELEMENTS / Math.max(1, n));
        if (x.dtype().isFloating()) {
            double[] in = Widening.asDoubles(x);
            k.parallelFor(outputs, grain, (from, to) -> Reductions.argExtreme(in, n, inner, max, out, from, to));
        } else {
            long[] in = Widening.asLongs(x);
            k.parallelFor(outputs, grain, (from, to) -> Reductions.argExtreme(in, n, inner, max, out, from, to));
        }
        k.setOutput(0, Widening.fromLongs(out, DType.INT64, outShape));
    }
}
