package dev.flowgraph.ops.math;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.DType;
import dev.flowgraph.Shape;
import dev.flowgraph.ops.Broadcast;
import dev.flowgraph.ops.kernels.BooleanBinaryOperator;
import dev.flowgraph.ops.kernels.BooleanElementwise;
import dev.flowgraph.ops.kernels.BroadcastIndex;
import dev.flowgraph.ops.kernels.Comparison;
import dev.flowgraph.ops.kernels.LongBinaryPredicate;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OutputSpec;
import java.util.List;

/**
 * What elementwise binary ops with a BOOL result share (comparisons and logic): two inputs of one
 * dtype, NumPy broadcasting of their shapes, a BOOL output, and a kernel from
 * {@link BooleanElementwise} run by the {@link BroadcastOp} driver. An op is its type, one
 * operation per kind of dtype it accepts (floats, integers, BOOL; null where it refuses the
 * kind), and the advice its refusal gives.
 */
abstract class BoolBinary extends BroadcastOp {
    private final Comparison onFloats;
    private final LongBinaryPredicate onIntegers;
    private final BooleanBinaryOperator onBools;
    private final String advice;

    /**
     * Defines the op.
     *
     * @param type the op type
     * @param onFloats the comparison on FLOAT32 and FLOAT64, or null to refuse them
     * @param onIntegers the test on INT32 (widened exactly) and INT64, or null to refuse them
     * @param onBools the operation on BOOL, or null to refuse it
     * @param advice what to do instead when the dtype is refused
     */
    BoolBinary(String type, Comparison onFloats, LongBinaryPredicate onIntegers, BooleanBinaryOperator onBools,
            String advice) {
        super(type, 2);
        this.onFloats = onFloats;
        this.onIntegers = onIntegers;
        this.onBools = onBools;
        this.advice = advice;
    }

    @Override
    public final List<OutputSpec> infer(NodeSpec node) {
        DType dtype = Broadcast.commonDType(node);
        boolean accepted = dtype.isFloating() ? onFloats != null
                : dtype.isInteger() ? onIntegers != null : onBools != null;
        checkArgument(accepted, "%s does not take %s inputs; %s", type(), dtype, advice);
        return List.of(new OutputSpec(DType.BOOL, Shape.broadcast(node.inputShape(0), node.inputShape(1))));
    }

    @Override
    final void fill(Object x, Object y, Object unused, Object out, BroadcastIndex index, int from, int to) {
        boolean[] o = (boolean[]) out;
        if (x instanceof float[]) {
            BooleanElementwise.compare((float[]) x, (float[]) y, o, index, onFloats, from, to);
        } else if (x instanceof double[]) {
            BooleanElementwise.compare((double[]) x, (double[]) y, o, index, onFloats, from, to);
        } else if (x instanceof int[]) {
            BooleanElementwise.compare((int[]) x, (int[]) y, o, index, onIntegers, from, to);
        } else if (x instanceof long[]) {
            BooleanElementwise.compare((long[]) x, (long[]) y, o, index, onIntegers, from, to);
        } else {
            BooleanElementwise.binary((boolean[]) x, (boolean[]) y, o, index, onBools, from, to);
        }
    }
}
