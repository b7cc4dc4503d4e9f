package dev.flowgraph.ops.math;

import dev.flowgraph.DType;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.BroadcastIndex;
import dev.flowgraph.ops.kernels.KernelTuning;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.RangeBody;
import dev.flowgraph.spi.TensorBuffers;
import java.util.List;

/**
 * The kernel driver that elementwise ops with NumPy broadcasting share, whatever their number of
 * inputs and their output dtype: it broadcasts all inputs together, allocates the output with
 * the dtype the shape rule inferred, and runs the subclass's block over fixed-size blocks of the
 * output ({@link KernelTuning#ELEMENTWISE_GRAIN}), so results do not depend on the pool size.
 * A subclass supplies the shape rule and, per block, the loop for its operands' arrays.
 */
abstract class BroadcastOp implements OpDef {
    private final String type;
    private final int arity;

    /**
     * Defines the op.
     *
     * @param type the op type
     * @param arity the number of inputs, all broadcast together
     */
    BroadcastOp(String type, int arity) {
        this.type = type;
        this.arity = arity;
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final int arity() {
        return arity;
    }

    @Override
    public final void compute(KernelContext k) {
        Object[] arrays = new Object[arity];
        for (int i = 0; i < arity; i++) {
            arrays[i] = TensorBuffers.array(k.input(i));
        }
        Shape shape = k.input(0).shape();
        boolean sameShape = true;
        for (int i = 1; i < arity; i++) {
            sameShape &= k.input(i).shape().equals(shape);
        }
        BroadcastIndex index;
        if (sameShape) {
            // The common case needs no per-axis work: small tensors would pay more for it than for their loop.
            index = BroadcastIndex.sameShape(k.input(0).size(), arity);
        } else {
            shape = Shape.scalar();
            long[][] dims = new long[arity][];
            for (int i = 0; i < arity; i++) {
                shape = Shape.broadcast(shape, k.input(i).shape());
                dims[i] = k.input(i).shape().dims();
            }
            index = new BroadcastIndex(shape.dims(), dims);
        }
        DType dtype = k.outputSpec(0).dtype();
        Object out = TensorBuffers.newArray(dtype, index.size());
        k.parallelFor(index.size(), KernelTuning.ELEMENTWISE_GRAIN, block(arrays, out, index));
        k.setOutput(0, TensorBuffers.wrap(dtype, shape, out));
    }

    /**
     * Returns the work of one block: fill the given range of {@code out} from the inputs.
     *
     * @param inputs the inputs' arrays, in input order (not to be modified)
     * @param out the output's array, of the inferred dtype and {@code index.size()} elements
     * @param index how output elements map to the inputs' elements, one operand per input
     * @return the block body
     */
    abstract RangeBody block(Object[] inputs, Object out, BroadcastIndex index);

    /**
     * Routes a gradient through a selection (the gradient of where, maximum and minimum): dz goes
     * to x where {@code toX} holds and to y elsewhere, each summed back to its input's shape.
     *
     * @param tf the facade to add the gradient's nodes with
     * @param toX BOOL, broadcasting to dz's shape: where x was selected
     * @param dz the gradient of the selection's output
     * @param x the input selected where toX holds
     * @param y the input selected elsewhere
     * @return x's and y's gradients
     */
    static List<Output> select(Ops tf, Output toX, Output dz, Output x, Output y) {
        Output zeros = tf.zerosLike(dz);
        return List.of(tf.sumTo(tf.where(toX, dz, zeros), x), tf.sumTo(tf.where(toX, zeros, dz), y));
    }
}
