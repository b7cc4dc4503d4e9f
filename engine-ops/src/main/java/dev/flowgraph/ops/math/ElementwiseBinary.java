package dev.flowgraph.ops.math;

import dev.flowgraph.ops.Broadcast;
import dev.flowgraph.ops.kernels.BinaryArithmetic;
import dev.flowgraph.ops.kernels.BroadcastIndex;
import dev.flowgraph.ops.kernels.Elementwise;
import dev.flowgraph.ops.kernels.FloatBinaryOperator;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OutputSpec;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * What elementwise binary ops with NumPy broadcasting share: two inputs of one numeric dtype
 * ({@link Broadcast#binary}), an output of that dtype, and a kernel that applies one operation
 * per dtype through {@link Elementwise#binary} over fixed-size blocks of the output (the
 * {@link BroadcastOp} driver). An op is its type and its four operations; the most frequent ops
 * also name their {@link BinaryArithmetic}, which FLOAT32 and FLOAT64 then use instead of the
 * lambdas, for loops the JIT can inline and vectorise (same results, bit for bit).
 */
abstract class ElementwiseBinary extends BroadcastOp {
    private final FloatBinaryOperator f32;
    private final DoubleBinaryOperator f64;
    private final IntBinaryOperator i32;
    private final LongBinaryOperator i64;
    private final BinaryArithmetic arithmetic;

    /**
     * Defines an op of Java's arithmetic, whose float kernels use loops of their own; the
     * lambdas serve the integer dtypes.
     *
     * @param type the op type
     * @param arithmetic the operation on FLOAT32 (computed in float) and FLOAT64
     * @param i32 the operation on INT32
     * @param i64 the operation on INT64
     */
    ElementwiseBinary(String type, BinaryArithmetic arithmetic, IntBinaryOperator i32, LongBinaryOperator i64) {
        this(type, null, null, i32, i64, arithmetic);
    }

    /**
     * Defines the op.
     *
     * @param type the op type
     * @param f32 the operation on FLOAT32, computed in float
     * @param f64 the operation on FLOAT64
     * @param i32 the operation on INT32
     * @param i64 the operation on INT64
     */
    ElementwiseBinary(String type, FloatBinaryOperator f32, DoubleBinaryOperator f64, IntBinaryOperator i32,
            LongBinaryOperator i64) {
        this(type, f32, f64, i32, i64, null);
    }

    private ElementwiseBinary(String type, FloatBinaryOperator f32, DoubleBinaryOperator f64, IntBinaryOperator i32,
            LongBinaryOperator i64, BinaryArithmetic arithmetic) {
        super(type, 2);
        this.f32 = f32;
        this.f64 = f64;
        this.i32 = i32;
        this.i64 = i64;
        this.arithmetic = arithmetic;
    }

    @Override
    public final List<OutputSpec> infer(NodeSpec node) {
        return List.of(Broadcast.binary(node));
    }

    @Override
    final void fill(Object x, Object y, Object unused, Object out, BroadcastIndex index, int from, int to) {
        if (arithmetic != null && x instanceof float[]) {
            Elementwise.binary((float[]) x, (float[]) y, (float[]) out, index, arithmetic, from, to);
        } else if (arithmetic != null && x instanceof double[]) {
            Elementwise.binary((double[]) x, (double[]) y, (double[]) out, index, arithmetic, from, to);
        } else if (x instanceof float[]) {
            Elementwise.binary((float[]) x, (float[]) y, (float[]) out, index, f32, from, to);
        } else if (x instanceof double[]) {
            Elementwise.binary((double[]) x, (double[]) y, (double[]) out, index, f64, from, to);
        } else if (x instanceof int[]) {
            Elementwise.binary((int[]) x, (int[]) y, (int[]) out, index, i32, from, to);
        } else if (x instanceof long[]) {
            Elementwise.binary((long[]) x, (long[]) y, (long[]) out, index, i64, from, to);
        } else {
            // The shape rule refuses BOOL, so only a bug elsewhere gets here.
            throw new IllegalStateException("no arithmetic on " + x.getClass().getSimpleName());
        }
    }
}
