package dev.flowgraph.ops.math;

import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Broadcast;
import dev.flowgraph.ops.kernels.Elementwise;
import dev.flowgraph.ops.kernels.FloatUnaryOperator;
import dev.flowgraph.ops.kernels.KernelTuning;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OutputSpec;
import dev.flowgraph.spi.RangeBody;
import dev.flowgraph.spi.TensorBuffers;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntUnaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * What elementwise unary ops on numeric dtypes share: one input, an output of its dtype and
 * static shape, and a kernel that applies one operation per dtype through
 * {@link Elementwise#unary} over fixed-size blocks. An op is its type and its four operations.
 */
abstract class ElementwiseUnary implements OpDef {
    private final String type;
    private final FloatUnaryOperator f32;
    private final DoubleUnaryOperator f64;
    private final IntUnaryOperator i32;
    private final LongUnaryOperator i64;

    /**
     * Defines the op.
     *
     * @param type the op type
     * @param f32 the operation on FLOAT32, computed in float
     * @param f64 the operation on FLOAT64
     * @param i32 the operation on INT32
     * @param i64 the operation on INT64
     */
    ElementwiseUnary(String type, FloatUnaryOperator f32, DoubleUnaryOperator f64, IntUnaryOperator i32,
            LongUnaryOperator i64) {
        this.type = type;
        this.f32 = f32;
        this.f64 = f64;
        this.i32 = i32;
        this.i64 = i64;
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
    public final List<OutputSpec> infer(NodeSpec node) {
        return List.of(new OutputSpec(Broadcast.numericDType(node), node.inputShape(0)));
    }

    @Override
    public final void compute(KernelContext k) {
        Tensor x = k.input(0);
        Object xs = TensorBuffers.array(x);
        Object out = ElementwiseBinary.newArray(xs, x.size());
        k.parallelFor(x.size(), KernelTuning.ELEMENTWISE_GRAIN, block(xs, out));
        k.setOutput(0, TensorBuffers.wrap(x.dtype(), x.shape(), out));
    }

    private RangeBody block(Object x, Object out) {
        if (x instanceof float[]) {
            return (s, e) -> Elementwise.unary((float[]) x, (float[]) out, f32, s, e);
        } else if (x instanceof double[]) {
            return (s, e) -> Elementwise.unary((double[]) x, (double[]) out, f64, s, e);
        } else if (x instanceof int[]) {
            return (s, e) -> Elementwise.unary((int[]) x, (int[]) out, i32, s, e);
        } else if (x instanceof long[]) {
            return (s, e) -> Elementwise.unary((long[]) x, (long[]) out, i64, s, e);
        }
        // The shape rule refuses BOOL, so only a bug elsewhere gets here.
        throw new IllegalStateException("no arithmetic on " + x.getClass().getSimpleName());
    }
}
