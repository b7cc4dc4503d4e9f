package dev.flowgraph.ops.array;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.DType;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.kernels.ArrayCopy;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OutputSpec;
import dev.flowgraph.spi.TensorBuffers;
import java.util.List;

/**
 * One-hot encoding, as {@code tf.one_hot}: for INT32 or INT64 {@code indices}, an output of shape
 * {@code indices.shape + [depth]} (attribute {@code depth} >= 0) and of dtype attribute
 * {@code dtype} (FLOAT32 when absent; BOOL gives true/false) whose row {@code i} is 1 at
 * {@code indices[i]} and 0 elsewhere. An index outside {@code [0, depth)} gives an all-zero row.
 */
final class OneHot extends ArrayOp {
    static final String TYPE = "OneHot";
    static final String DEPTH = "depth";
    static final String DTYPE = "dtype";

    OneHot() {
        super(TYPE, 1);
    }

    @Override
    public String summary() {
        return "oneHot(indices, depth): indices.shape + [depth], 1 at each index and 0 elsewhere, as tf.one_hot; "
                + "int32/int64 indices; an index outside [0, depth) gives a zero row; float32 unless a dtype is given";
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        ArrayShapes.requireIndexDType(node.inputDType(0), "one-hot indices");
        long depth = node.attrs().getLong(DEPTH);
        checkArgument(depth >= 0, "depth %s is negative", depth);
        Shape in = node.inputShape(0);
        Shape out = in.hasKnownRank() ? Shape.of(ArrayShapes.insert(in.dims(), in.rank(), depth)) : Shape.unknown();
        return List.of(new OutputSpec(dtype(node), out));
    }

    private static DType dtype(NodeSpec node) {
        return node.attrs().has(DTYPE) ? node.attrs().getDType(DTYPE) : DType.FLOAT32;
    }

    @Override
    public void compute(KernelContext k) {
        Tensor indexTensor = k.input(0);
        long[] indices = ArrayShapes.indices(indexTensor);
        int depth = Math.toIntExact(k.attrs().getLong(DEPTH));
        DType dtype = k.outputSpec(0).dtype();
        Object out = ArrayShapes.zeros(dtype, Math.multiplyExact(indices.length, depth));
        Object one = ArrayShapes.one(dtype);
        k.parallelFor(indices.length, ArrayShapes.grain(depth),
                (from, to) -> ArrayCopy.scatterRows(one, indices, depth, out, from, to));
        Shape shape = Shape.of(ArrayShapes.insert(indexTensor.shape().dims(), indexTensor.rank(), depth));
        k.setOutput(0, TensorBuffers.wrap(dtype, shape, out));
    }
}
