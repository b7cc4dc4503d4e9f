package dev.flowgraph.ops.math;

import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OpProvider;
import java.util.List;

/**
 * Provides the elementwise math ops: arithmetic (Add, Sub, Mul, Div, Neg, Pow, Maximum, Minimum,
 * Mod, SquaredDifference), comparisons with a BOOL result, logic on BOOL, Where, and ReluGrad
 * (the gradient of Relu).
 */
public final class MathOps implements OpProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public MathOps() {}

    /**
     * Returns the elementwise math ops.
     *
     * @return one instance of each
     */
    @Override
    public List<OpDef> defs() {
        return List.of(new Add(), new Sub(), new Mul(), new Div(), new Neg(),
                new Pow(), new Maximum(), new Minimum(), new Mod(), new SquaredDifference(),
                new Equal(), new NotEqual(), new Less(), new LessEqual(), new Greater(), new GreaterEqual(),
                new LogicalAnd(), new LogicalOr(), new LogicalNot(), new Where(), new ReluGrad());
    }
}
