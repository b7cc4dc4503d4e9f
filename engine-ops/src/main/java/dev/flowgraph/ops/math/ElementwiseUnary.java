package dev.flowgraph.ops.math;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.DType;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Broadcast;
import dev.flowgraph.ops.kernels.Elementwise;
import dev.flowgraph.ops.kernels.FloatUnaryOperator;
import dev.flowgraph.ops.kernels.KernelTuning;
import dev.flowgraph.ops.kernels.UnaryArithmetic;
import dev.flowgraph.spi.Attrs;
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
 * What elementwise unary ops share: one input, an output of its dtype and static shape, and a
 * kernel that applies one operation per dtype through {@link Elementwise#unary} over fixed-size
 * blocks. An op is its type and its {@link Operations}; ops with attributes (leakyRelu's alpha)
 * build their operations from the attributes in {@link #operations(Attrs)}.
 *
 * <p>An op without integer operations accepts FLOAT32 and FLOAT64 only and refuses other dtypes
 * at build time, asking for a cast; an op with them accepts every numeric dtype. BOOL is always
 * refused.
 *
 * <p>The most frequent ops name their {@link UnaryArithmetic} instead of float lambdas; FLOAT32
 * and FLOAT64 then run its loops, which the JIT can inline and vectorise (same results, bit for
 * bit).
 */
abstract class ElementwiseUnary implements OpDef {
    /**
     * The operation on each dtype.
     *
     * @param f32 the operation on FLOAT32
     * @param f64 the operation on FLOAT64
     * @param i32 the operation on INT32, or null if the op is defined on floats only
     * @param i64 the operation on INT64, or null if the op is defined on floats only
     */
    record Operations(FloatUnaryOperator f32, DoubleUnaryOperator f64, IntUnaryOperator i32, LongUnaryOperator i64) {
        /**
         * Operations of a floats-only op with a FLOAT32 operation of its own (computed in float).
         *
         * @param f32 the operation on FLOAT32
         * @param f64 the operation on FLOAT64
         * @return the operations, refusing integers
         */
        static Operations floats(FloatUnaryOperator f32, DoubleUnaryOperator f64) {
            return new Operations(f32, f64, null, null);
        }

        /**
         * Operations of a floats-only op that FLOAT32 computes in double and rounds once to float,
         * for functions Java has no float version of.
         *
         * @param f the operation on doubles
         * @return the operations, refusing integers
         */
        static Operations viaDouble(DoubleUnaryOperator f) {
            return floats(x -> (float) f.applyAsDouble(x), f);
        }

        /**
         * Tells whether the op is defined on INT32 and INT64.
         *
         * @return true if it has integer operations
         */
        boolean acceptsIntegers() {
            return i32 != null;
        }
    }

    private final String type;
    private final String facadeName;
    private final Operations operations;
    private final UnaryArithmetic arithmetic;

    /**
     * Defines an op on every numeric dtype.
     *
     * @param type the op type
     * @param f32 the operation on FLOAT32, computed in float
     * @param f64 the operation on FLOAT64
     * @param i32 the operation on INT32
     * @param i64 the operation on INT64
     */
    ElementwiseUnary(String type, FloatUnaryOperator f32, DoubleUnaryOperator f64, IntUnaryOperator i32,
            LongUnaryOperator i64) {
        this(type, new Operations(f32, f64, i32, i64));
    }

    /**
     * Defines an op whose float kernels use loops of their own; the lambdas serve the integer
     * dtypes.
     *
     * @param type the op type
     * @param arithmetic the operation on FLOAT32 and FLOAT64
     * @param i32 the operation on INT32, or null if the op is defined on floats only
     * @param i64 the operation on INT64, or null if the op is defined on floats only
     */
    ElementwiseUnary(String type, UnaryArithmetic arithmetic, IntUnaryOperator i32, LongUnaryOperator i64) {
        this(type, new Operations(null, null, i32, i64), arithmetic);
    }

    /**
     * Defines an op by its operations.
     *
     * @param type the op type
     * @param operations the operations; null if the op overrides {@link #operations(Attrs)}
     */
    ElementwiseUnary(String type, Operations operations) {
        this(type, operations, null);
    }

    private ElementwiseUnary(String type, Operations operations, UnaryArithmetic arithmetic) {
        this.type = type;
        this.arithmetic = arithmetic;
        this.facadeName = Character.toLowerCase(type.charAt(0)) + type.substring(1);
        this.operations = operations;
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final int arity() {
        return 1;
    }

    /**
     * Returns the operations for a node's attributes, checking them; ops without attributes
     * return the ones they were constructed with.
     *
     * @param attrs the node's attributes
     * @return the operations
     * @throws IllegalArgumentException if an attribute is invalid
     */
    Operations operations(Attrs attrs) {
        return operations;
    }

    @Override
    public final List<OutputSpec> infer(NodeSpec node) {
        Operations ops = operations(node.attrs());
        DType dtype = node.inputDType(0);
        if (ops.acceptsIntegers()) {
            Broadcast.numericDType(node);
        } else {
            checkArgument(dtype.isFloating(), "%s of %s is not defined; cast to float32 or float64 first",
                    facadeName, dtype);
        }
        return List.of(new OutputSpec(dtype, node.inputShape(0)));
    }

    @Override
    public final void compute(KernelContext k) {
        Tensor x = k.input(0);
        Object xs = TensorBuffers.array(x);
        Object out = TensorBuffers.newArray(x.dtype(), x.size());
        k.parallelFor(x.size(), KernelTuning.ELEMENTWISE_GRAIN, block(operations(k.attrs()), arithmetic, xs, out));
        k.setOutput(0, TensorBuffers.wrap(x.dtype(), x.shape(), out));
    }

    private static RangeBody block(Operations ops, UnaryArithmetic arithmetic, Object x, Object out) {
        if (arithmetic != null && x instanceof float[]) {
            return (s, e) -> Elementwise.unary((float[]) x, (float[]) out, arithmetic, s, e);
        } else if (arithmetic != null && x instanceof double[]) {
            return (s, e) -> Elementwise.unary((double[]) x, (double[]) out, arithmetic, s, e);
        } else if (x instanceof float[]) {
            return (s, e) -> Elementwise.unary((float[]) x, (float[]) out, ops.f32(), s, e);
        } else if (x instanceof double[]) {
            return (s, e) -> Elementwise.unary((double[]) x, (double[]) out, ops.f64(), s, e);
        } else if (x instanceof int[] && ops.acceptsIntegers()) {
            return (s, e) -> Elementwise.unary((int[]) x, (int[]) out, ops.i32(), s, e);
        } else if (x instanceof long[] && ops.acceptsIntegers()) {
            return (s, e) -> Elementwise.unary((long[]) x, (long[]) out, ops.i64(), s, e);
        }
        // The shape rule refuses what has no operation, so only a bug elsewhere gets here.
        throw new IllegalStateException("no operation on " + x.getClass().getSimpleName());
    }
}
