package dev.flowgraph.ops.math;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.DType;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.BroadcastIndex;
import dev.flowgraph.ops.kernels.KernelTuning;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.TensorBuffers;
import java.util.List;

/**
 * The kernel driver that elementwise ops with NumPy broadcasting share, whatever their number of
 * inputs and their output dtype: it broadcasts all inputs together, allocates the output with
 * the dtype the shape rule inferred, and runs the subclass's block over fixed-size blocks of the
 * output ({@link KernelTuning#ELEMENTWISE_GRAIN}), so results do not depend on the pool size.
 * A subclass supplies the shape rule and, per block, the loop for its operands' arrays.
 *
 * <p>A node of one block (at most {@code ELEMENTWISE_GRAIN} elements, which includes every
 * scalar) runs its block directly, and operands of equal shapes share a constant index
 * ({@link BroadcastIndex#unitStride}), so such a node allocates only its output array and tensor:
 * a run of small tensors is mostly bookkeeping, and its bytes are its cost.
 */
abstract class BroadcastOp implements OpDef {
    private final String type;
    private final int arity;

    /**
     * Defines the op.
     *
     * @param type the op type
     * @param arity the number of inputs, all broadcast together: 1, 2 or 3
     */
    BroadcastOp(String type, int arity) {
        checkArgument(arity >= 1 && arity <= 3, "a broadcast op has 1 to 3 inputs, not %s", arity);
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
        Tensor first = k.input(0);
        Shape shape = first.shape();
        boolean sameShape = true;
        for (int i = 1; i < arity; i++) {
            sameShape &= k.input(i).shape().equals(shape);
        }
        BroadcastIndex index;
        int size;
        if (sameShape) {
            // The common case needs no per-axis work and no index of its own: small tensors would
            // pay more for either than for their loop.
            index = BroadcastIndex.unitStride(arity);
            size = first.size();
        } else {
            shape = Shape.scalar();
            long[][] dims = new long[arity][];
            for (int i = 0; i < arity; i++) {
                shape = Shape.broadcast(shape, k.input(i).shape());
                dims[i] = k.input(i).shape().dims();
            }
            index = new BroadcastIndex(shape.dims(), dims);
            size = index.size();
        }
        DType dtype = k.outputSpec(0).dtype();
        Object out = TensorBuffers.newArray(dtype, size);
        Object a = TensorBuffers.array(first);
        Object b = arity > 1 ? TensorBuffers.array(k.input(1)) : null;
        Object c = arity > 2 ? TensorBuffers.array(k.input(2)) : null;
        if (size <= KernelTuning.ELEMENTWISE_GRAIN) {
            // One block, which parallelFor would run on this thread too: called directly, it needs
            // no body object (the executor checked for a stop before the node started).
            fill(a, b, c, out, index, 0, size);
        } else {
            k.parallelFor(size, KernelTuning.ELEMENTWISE_GRAIN, (s, e) -> fill(a, b, c, out, index, s, e));
        }
        k.setOutput(0, TensorBuffers.wrap(dtype, shape, out));
    }

    /**
     * Fills result elements {@code [from, to)} of {@code out} from the inputs' arrays; called for
     * each fixed-size block of the output, possibly on several threads at once. The inputs come
     * as separate arguments rather than an array, so that a call allocates nothing.
     *
     * @param a input 0's array (not to be modified)
     * @param b input 1's array, or null if the op has one input (not to be modified)
     * @param c input 2's array, or null if the op has fewer than three inputs (not to be modified)
     * @param out the output's array, of the inferred dtype (modified in {@code [from, to)})
     * @param index how output elements map to the inputs' elements, one operand per input
     * @param from the first output element to fill
     * @param to one past the last
     */
    abstract void fill(Object a, Object b, Object c, Object out, BroadcastIndex index, int from, int to);

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
