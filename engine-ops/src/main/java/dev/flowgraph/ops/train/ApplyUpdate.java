package dev.flowgraph.ops.train;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.DType;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.kernels.KernelTuning;
import dev.flowgraph.spi.Attrs;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OutputSpec;
import dev.flowgraph.spi.RangeBody;
import dev.flowgraph.spi.TensorBuffers;
import dev.flowgraph.spi.VariableRef;
import java.util.List;

/**
 * What the fused optimizer updates share ({@code ApplyGradientDescent}, {@code ApplyMomentum},
 * {@code ApplyAdam}, {@code ApplyRMSProp}): one kernel that reads a variable, its slots and the
 * gradient once and writes the new values of all of them, in place of a chain of elementwise ops
 * and variable writes that makes one pass over memory, and one new tensor, per op.
 *
 * <p>Inputs: 0 is the variable's output, 1 to {@code slots} the slots' outputs (variables of the
 * same dtype and shape), then the learning rate (a scalar of that dtype), then the gradient (of
 * that dtype and shape); the rule's constants are attributes. Output 0 is the variable's new
 * value. FLOAT32 and FLOAT64 only, each computed in its own precision with the IEEE operations,
 * in the order, of the optimizer's documented formula.
 *
 * <p>The ordering rules of {@link VariableWrite} hold: the inputs are this run's values of the
 * variable and slots, produced before any writer starts, so every read of them in the run sees
 * the old values. The kernel writes new arrays, never the inputs' (a tensor is immutable: a
 * fetched value or one still used by a node in flight may be the very array), in one pass split
 * into blocks of {@link KernelTuning#ELEMENTWISE_GRAIN} elements, so the result does not depend on
 * the pool size. The slots are then assigned, and the variable updated atomically, as
 * {@code AssignSub} does: if another write changed the variable since this run read it (a
 * concurrent run, or a write ordered before this one), the pass is redone on the calling thread
 * from the variable's current value, so the other write is kept, not lost.
 */
abstract class ApplyUpdate implements OpDef {
    /** Elements per chunk of {@link #inChunks}: a few arrays of this many doubles fit in 32 KiB. */
    static final int CHUNK = 512;

    private final String type;
    private final int slots;

    /**
     * Defines the op.
     *
     * @param type the op type
     * @param slots how many slot variables follow the variable among the inputs
     */
    ApplyUpdate(String type, int slots) {
        this.type = type;
        this.slots = slots;
    }

    /**
     * Returns one block's work: for each element of the block, reads {@code var}, {@code slots}
     * and {@code grad} and writes the new value of the variable to {@code out} and those of the
     * slots to {@code newSlots}, by the rule's formula.
     *
     * @param attrs the node's attributes (the rule's constants)
     * @param lr the learning rate, a scalar of the variable's dtype
     * @param var the variable's value ({@code float[]} or {@code double[]}); not written
     * @param slots the slots' values, of var's type; not written
     * @param grad the gradient, of var's type; not written
     * @param out the variable's new value
     * @param newSlots the slots' new values
     * @return the body for {@link KernelContext#parallelFor}
     */
    abstract RangeBody pass(Attrs attrs, Tensor lr, Object var, Object[] slots, Object grad, Object out,
            Object[] newSlots);

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final int arity() {
        return slots + 3;
    }

    @Override
    public final List<OutputSpec> infer(NodeSpec node) {
        OutputSpec variable = node.input(0);
        DType dtype = variable.dtype();
        checkArgument(dtype.isFloating(), "%s updates FLOAT32 and FLOAT64 variables, not %s", type, dtype);
        for (int i = 1; i <= slots; i++) {
            OutputSpec slot = node.input(i);
            checkArgument(slot.dtype() == dtype && slot.shape().isCompatibleWith(variable.shape()),
                    "input %s, a slot, is %s but the variable is %s; slots have the variable's dtype and shape", i,
                    slot, variable);
        }
        OutputSpec lr = node.input(slots + 1);
        checkArgument(lr.dtype() == dtype && lr.shape().isCompatibleWith(Shape.scalar()),
                "the learning rate is %s but must be a scalar of the variable's dtype %s", lr, dtype);
        OutputSpec grad = node.input(slots + 2);
        checkArgument(grad.dtype() == dtype && grad.shape().isCompatibleWith(variable.shape()),
                "the gradient is %s but the variable is %s; they must have the same dtype and shape", grad, variable);
        checkAttributes(node.attrs());
        return List.of(variable);
    }

    /**
     * Checks the rule's attributes when the node is added.
     *
     * @param attrs the node's attributes
     * @throws IllegalArgumentException if one is missing or out of range
     */
    abstract void checkAttributes(Attrs attrs);

    @Override
    public final void compute(KernelContext k) {
        Tensor var = k.input(0);
        Tensor lr = k.input(slots + 1);
        Tensor grad = k.input(slots + 2);
        checkArgument(lr.shape().equals(Shape.scalar()), "the learning rate must be a scalar, not %s", lr.shape());
        checkArgument(grad.shape().equals(var.shape()), "the gradient's shape %s differs from the variable's shape %s",
                grad.shape(), var.shape());
        // Every input that is written must be a variable's; checked before anything is written.
        VariableRef variable = k.variable(0);
        VariableRef[] slotVariables = new VariableRef[slots];
        for (int i = 0; i < slots; i++) {
            slotVariables[i] = k.variable(1 + i);
        }
        DType dtype = var.dtype();
        int n = var.size();
        Object[] slotValues = new Object[slots];
        for (int i = 0; i < slots; i++) {
            slotValues[i] = TensorBuffers.array(k.input(1 + i));
        }
        Object[] newSlots = newArrays(dtype, n);
        Object out = TensorBuffers.newArray(dtype, n);
        Object gradValues = TensorBuffers.array(grad);
        k.parallelFor(n, KernelTuning.ELEMENTWISE_GRAIN,
                pass(k.attrs(), lr, TensorBuffers.array(var), slotValues, gradValues, out, newSlots));
        for (int i = 0; i < slots; i++) {
            slotVariables[i].assign(TensorBuffers.wrap(dtype, var.shape(), newSlots[i]));
        }
        Tensor computed = TensorBuffers.wrap(dtype, var.shape(), out);
        k.setOutput(0, variable.update(current -> {
            if (current == var) {
                return computed;
            }
            // Another write came between this run's read and now: apply the step to its result,
            // as AssignSub would, without the pool, since this holds the variable's lock.
            Object redone = TensorBuffers.newArray(dtype, n);
            pass(k.attrs(), lr, TensorBuffers.array(current), slotValues, gradValues, redone, newArrays(dtype, n))
                    .run(0, n);
            return TensorBuffers.wrap(dtype, var.shape(), redone);
        }));
    }

    /**
     * Runs a block's loops chunk by chunk: C2 vectorises a loop that stores to one array, but not
     * one that stores to several (it cannot rule out that they overlap), so a rule writes each
     * new value in a loop of its own, over chunks of {@value #CHUNK} elements, short enough that
     * a later loop finds what an earlier one wrote (and read) in the L1 cache.
     *
     * @param chunk the rule's loops over one chunk
     * @return the body of one block
     */
    static RangeBody inChunks(RangeBody chunk) {
        return (from, to) -> {
            for (int start = from; start < to; start += CHUNK) {
                chunk.run(start, Math.min(to, start + CHUNK));
            }
        };
    }

    private Object[] newArrays(DType dtype, int n) {
        Object[] arrays = new Object[slots];
        for (int i = 0; i < slots; i++) {
            arrays[i] = TensorBuffers.newArray(dtype, n);
        }
        return arrays;
    }

    /**
     * Returns a decay constant attribute, after checking that it is in {@code [0, 1)}.
     *
     * @param attrs the node's attributes
     * @param name the attribute's name
     * @return its value
     * @throws IllegalArgumentException if it is missing or out of range
     */
    static double decay(Attrs attrs, String name) {
        checkArgument(attrs.has(name), "the attribute '%s' is missing", name);
        double value = attrs.getDouble(name);
        checkArgument(value >= 0 && value < 1, "'%s' must be in [0, 1), not %s", name, value);
        return value;
    }

    /**
     * Returns a positive constant attribute (an epsilon), after checking it.
     *
     * @param attrs the node's attributes
     * @param name the attribute's name
     * @return its value
     * @throws IllegalArgumentException if it is missing, not positive or not finite
     */
    static double positive(Attrs attrs, String name) {
        checkArgument(attrs.has(name), "the attribute '%s' is missing", name);
        double value = attrs.getDouble(name);
        checkArgument(value > 0 && Double.isFinite(value), "'%s' must be positive and finite, not %s", name, value);
        return value;
    }
}
