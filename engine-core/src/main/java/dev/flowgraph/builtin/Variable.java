package dev.flowgraph.builtin;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.DType;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OutputSpec;
import dev.flowgraph.spi.VariableRef;
import java.util.List;

/**
 * A node whose one output is the session's current value of the variable it is; its
 * {@code dtype} and fully defined {@code shape} attributes say what every value has. The value
 * lives in the session, so two sessions over one graph hold independent values.
 *
 * <p>The kernel outputs the stored tensor itself. A run that reads a variable with no value fails
 * with {@link dev.flowgraph.UninitializedVariableException}. A run that only writes it (its
 * consumers are ops such as {@code Assign} whose {@link OpDef#readsInput} is false for it, and
 * it is not fetched) gets a zero tensor instead, which nobody reads: that is what lets an
 * initializer assign run before the variable has a value.
 */
public final class Variable implements OpDef {
    /** The op type. */
    public static final String TYPE = "Variable";
    /** The attribute holding the dtype. */
    public static final String DTYPE = "dtype";
    /** The attribute holding the shape. */
    public static final String SHAPE = "shape";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int arity() {
        return 0;
    }

    @Override
    public List<OutputSpec> infer(NodeSpec node) {
        checkArgument(node.attrs().has(DTYPE) && node.attrs().has(SHAPE),
                "a variable needs '%s' and '%s' attributes", DTYPE, SHAPE);
        DType dtype = node.attrs().getDType(DTYPE);
        Shape shape = node.attrs().getShape(SHAPE);
        checkArgument(shape.isFullyDefined(), "a variable's shape must be fully defined, not %s", shape);
        return List.of(new OutputSpec(dtype, shape));
    }

    @Override
    public void compute(KernelContext k) {
        VariableRef v = k.ownVariable();
        if (!v.isInitialized() && !k.isOutputRead(0)) {
            k.setOutput(0, Tensor.zeros(v.dtype(), v.shape()));
            return;
        }
        k.setOutput(0, v.value());
    }

    @Override
    public long cost(NodeSpec node, List<OutputSpec> outputs) {
        return 0;
    }

    @Override
    public String summary() {
        return "variable(name, dtype, shape, initializer): a value that lives in the session, read by every run that"
                + " needs it and changed by assign ops; reading it before it has a value is an error";
    }
}
