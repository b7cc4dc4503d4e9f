package dev.flowgraph.ops.array;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.DType;
import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.autodiff.Differentiable;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.ArrayCopy;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OutputSpec;
import dev.flowgraph.spi.TensorBuffers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The shared shape rule and kernel of concat and stack: any number (at least one) of inputs of
 * one dtype, joined along attribute {@code axis} (negative counts from the end). Concat joins
 * along an existing axis; stack first gives every input a new size-1 axis there, so that inputs
 * must then have compatible shapes.
 */
abstract class Join extends ArrayOp implements Differentiable {
    static final String AXIS = "axis";

    private final String type;
    private final boolean newAxis;

    Join(String type, boolean newAxis) {
        super(type, VARIADIC);
        this.type = type;
        this.newAxis = newAxis;
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        int n = node.inputCount();
        checkArgument(n >= 1, "%s needs at least one input", type);
        DType dtype = node.inputDType(0);
        long[] merged = null;
        for (int i = 0; i < n; i++) {
            checkArgument(node.inputDType(i) == dtype, "input %s is %s but input 0 is %s; all inputs need one dtype "
                    + "(cast first)", i, node.inputDType(i), dtype);
            Shape s = node.inputShape(i);
            if (!s.hasKnownRank()) {
                continue;
            }
            long[] dims = s.dims();
            if (merged == null) {
                merged = dims;
                continue;
            }
            checkArgument(dims.length == merged.length, "input %s has rank %s but another input has rank %s; %s "
                    + "needs equal ranks", i, dims.length, merged.length, type);
            int axis = axis(node.attrs().getLong(AXIS), dims.length);
            for (int d = 0; d < dims.length; d++) {
                if (d == axis && !newAxis) {
                    merged[d] = merged[d] < 0 || dims[d] < 0 ? Shape.UNKNOWN_DIM : merged[d] + dims[d];
                } else {
                    checkArgument(merged[d] < 0 || dims[d] < 0 || merged[d] == dims[d],
                            "input %s has size %s in dimension %s where the inputs before it have %s", i, dims[d], d,
                            merged[d]);
                    merged[d] = merged[d] < 0 ? dims[d] : merged[d];
                }
            }
        }
        if (merged == null) {
            return List.of(new OutputSpec(dtype, Shape.unknown()));
        }
        int axis = axis(node.attrs().getLong(AXIS), merged.length);
        if (!newAxis) {
            for (int i = 0; i < n; i++) {
                // An input of unknown rank leaves its part of the joined axis unknown.
                if (!node.inputShape(i).hasKnownRank()) {
                    merged[axis] = Shape.UNKNOWN_DIM;
                }
            }
            return List.of(new OutputSpec(dtype, Shape.of(merged)));
        }
        return List.of(new OutputSpec(dtype, Shape.of(ArrayShapes.insert(merged, axis, n))));
    }

    /** The normalized axis for inputs of rank {@code rank}. */
    private int axis(long axis, int rank) {
        if (newAxis) {
            checkArgument(axis >= -rank - 1 && axis <= rank, "axis %s is out of range for stacking rank %s (valid: "
                    + "%s to %s)", axis, rank, -rank - 1, rank);
            return (int) (axis < 0 ? axis + rank + 1 : axis);
        }
        checkArgument(rank >= 1, "cannot concatenate scalars; use stack");
        return ArrayShapes.axis(axis, rank);
    }

    @Override
    public void compute(KernelContext k) {
        int n = k.inputCount();
        long[] first = k.input(0).shape().dims();
        int axis = axis(k.attrs().getLong(AXIS), first.length);
        Object[] srcs = new Object[n];
        int[] rowLengths = new int[n];
        long joined = 0;
        for (int i = 0; i < n; i++) {
            Tensor x = k.input(i);
            long[] dims = x.shape().dims();
            checkArgument(dims.length == first.length, "input %s has shape %s but input 0 has shape %s", i, x.shape(),
                    k.input(0).shape());
            for (int d = 0; d < dims.length; d++) {
                checkArgument(dims[d] == first[d] || (d == axis && !newAxis),
                        "input %s has shape %s but input 0 has shape %s; they differ in dimension %s", i, x.shape(),
                        k.input(0).shape(), d);
            }
            srcs[i] = TensorBuffers.array(x);
            rowLengths[i] = ArrayShapes.product(dims, axis, dims.length);
            joined += newAxis ? 1 : dims[axis];
        }
        long[] outDims = newAxis ? ArrayShapes.insert(first, axis, n) : first.clone();
        outDims[axis] = joined;
        int outer = ArrayShapes.product(first, 0, axis);
        Shape outShape = Shape.of(outDims);
        Object out = ArrayCopy.allocate(srcs[0], Math.toIntExact(outShape.size()));
        long rowLength = outShape.size() / Math.max(1, outer);
        k.parallelFor(outer, ArrayShapes.grain(rowLength),
                (from, to) -> ArrayCopy.joinRows(srcs, rowLengths, out, from, to));
        k.setOutput(0, TensorBuffers.wrap(k.input(0).dtype(), outShape, out));
    }

    /**
     * Each input's gradient is its part of dz: for concat, the slice of its extent along the axis
     * (the extents before the last input must be known); for stack, the slice at its index with
     * the new axis squeezed out.
     */
    @Override
    public List<Output> gradients(Ops tf, Node node, List<Output> dOutputs) {
        Output dz = dOutputs.get(0);
        int rank = ArrayShapes.knownDims(node, -1, "the part of each input").rank();
        int axis = (int) node.attrs().getLong(AXIS);
        axis = axis < 0 ? axis + rank : axis;
        long[] begin = new long[rank];
        long[] size = new long[rank];
        Arrays.fill(size, -1);
        List<Output> result = new ArrayList<>(node.inputCount());
        for (int i = 0; i < node.inputCount(); i++) {
            boolean last = i == node.inputCount() - 1;
            long extent = newAxis ? 1 : node.input(i).shape().hasKnownRank() ? node.input(i).shape().dim(axis)
                    : Shape.UNKNOWN_DIM;
            ArrayShapes.checkGradient(extent != Shape.UNKNOWN_DIM || last, node, "input " + i + " ("
                    + node.input(i).shape() + ") has an unknown size along axis " + axis
                    + ", so where the inputs after it start is unknown");
            size[axis] = last && !newAxis ? -1 : extent;
            Output part = tf.slice(dz, begin.clone(), size.clone());
            result.add(newAxis ? tf.squeeze(part, axis) : part);
            begin[axis] += extent;
        }
        return result;
    }
}
