package dev.flowgraph.ops.train;

import dev.flowgraph.DType;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.kernels.BinaryArithmetic;
import dev.flowgraph.ops.kernels.BroadcastIndex;
import dev.flowgraph.ops.kernels.Elementwise;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.TensorBuffers;
import java.util.function.IntBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * An atomic read-modify-write of a variable: {@code variable = f(variable, value)} elementwise,
 * on one numeric dtype; output 0 is the new value. The read and the write are one atomic step
 * ({@link dev.flowgraph.spi.VariableRef#update}), so concurrent runs updating one variable never
 * lose an update. The loop runs on the calling thread, without {@code parallelFor}, so that the
 * atomic step holds no lock while waiting for the pool, and the result does not depend on the
 * pool size.
 */
abstract class AssignUpdate extends VariableWrite {
    private final BinaryArithmetic floats;
    private final IntBinaryOperator i32;
    private final LongBinaryOperator i64;

    /**
     * Defines the op.
     *
     * @param type the op type
     * @param floats the operation on FLOAT32 (computed in float) and FLOAT64, through the float
     *     kernels' loops of their own (see {@link BinaryArithmetic})
     * @param i32 the operation on INT32
     * @param i64 the operation on INT64
     */
    AssignUpdate(String type, BinaryArithmetic floats, IntBinaryOperator i32, LongBinaryOperator i64) {
        super(type, true);
        this.floats = floats;
        this.i32 = i32;
        this.i64 = i64;
    }

    @Override
    public final void compute(KernelContext k) {
        Tensor value = k.input(1);
        k.setOutput(0, k.variable(0).update(current -> combine(current, value)));
    }

    private Tensor combine(Tensor current, Tensor value) {
        DType dtype = current.dtype();
        int n = current.size();
        long[] dims = current.shape().dims();
        BroadcastIndex same = new BroadcastIndex(dims, dims, dims);
        Object x = TensorBuffers.array(current);
        Object y = TensorBuffers.array(value);
        Object out = TensorBuffers.newArray(dtype, n);
        switch (dtype) {
            case FLOAT32 -> Elementwise.binary((float[]) x, (float[]) y, (float[]) out, same, floats, 0, n);
            case FLOAT64 -> Elementwise.binary((double[]) x, (double[]) y, (double[]) out, same, floats, 0, n);
            case INT32 -> Elementwise.binary((int[]) x, (int[]) y, (int[]) out, same, i32, 0, n);
            case INT64 -> Elementwise.binary((long[]) x, (long[]) y, (long[]) out, same, i64, 0, n);
            // The shape rule refuses BOOL, so only a bug elsewhere gets here.
            default -> throw new IllegalStateException("no arithmetic on " + dtype);
        }
        return TensorBuffers.wrap(dtype, current.shape(), out);
    }
}
