package dev.flowgraph.ops.train;

import dev.flowgraph.Tensor;
import dev.flowgraph.spi.KernelContext;

/**
 * Sets a variable to a value: input 0 is the variable's output, input 1 the value; output 0 is
 * the value. The variable's old value is not read, so the variable need not have one: this is
 * how initializers run. The attribute {@value #INITIALIZER}, when true, marks the assign that
 * {@code Ops.initAllVariables} runs for its variable.
 */
final class Assign extends VariableWrite {
    static final String TYPE = "Assign";
    /** The boolean attribute that marks a variable's initializer assign. */
    static final String INITIALIZER = "initializer";

    Assign() {
        super(TYPE, false);
    }

    @Override
    public boolean readsInput(int i) {
        return i != 0;
    }

    @Override
    public void compute(KernelContext k) {
        Tensor value = k.input(1);
        k.variable(0).assign(value);
        k.setOutput(0, value);
    }

    @Override
    public String summary() {
        return "assign(variable, value): sets the variable to value (same dtype and shape) and outputs it; runs after"
                + " every read of the variable in the same run";
    }
}
