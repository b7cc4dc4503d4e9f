package dev.flowgraph.ops.train;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OutputSpec;
import java.util.List;

/**
 * What the ops that write a variable share: input 0 is the variable's output, input 1 the value
 * (of the variable's dtype and shape), and output 0 the variable's new value.
 *
 * <p>Taking the variable's own output as input 0 orders the write after every read of the
 * variable in the same run: a node reading the variable consumes the same output, which is
 * produced once per run, before any writer starts. Two writes of one variable in the same run
 * are not ordered against each other (unless the graph orders them, e.g. by a control input).
 */
abstract class VariableWrite implements OpDef {
    private final String type;
    private final boolean numericOnly;

    /**
     * Defines the op.
     *
     * @param type the op type
     * @param numericOnly whether BOOL values are refused (arithmetic updates)
     */
    VariableWrite(String type, boolean numericOnly) {
        this.type = type;
        this.numericOnly = numericOnly;
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final int arity() {
        return 2;
    }

    @Override
    public final List<OutputSpec> infer(NodeSpec node) {
        OutputSpec variable = node.input(0);
        OutputSpec value = node.input(1);
        checkArgument(variable.dtype() == value.dtype(), "the value's dtype %s differs from the variable's %s",
                value.dtype(), variable.dtype());
        checkArgument(!numericOnly || variable.dtype().isNumeric(), "%s needs a numeric dtype, not %s", type,
                variable.dtype());
        checkArgument(variable.shape().isCompatibleWith(value.shape()),
                "the value's shape %s differs from the variable's shape %s", value.shape(), variable.shape());
        return List.of(variable);
    }

    @Override
    public long cost(NodeSpec node, List<OutputSpec> outputs) {
        long n = outputs.get(0).shape().size();
        return n < 0 ? Long.MAX_VALUE : n;
    }
}
