package dev.flowgraph.ops.math;

import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OpProvider;
import java.util.List;

/**
 * Provides the elementwise unary math ops (Abs, Sign, Square, Sqrt, Rsqrt, Exp, Log, Log1p, Sin,
 * Cos, Tanh, Sigmoid, Relu, LeakyRelu, Softplus, Reciprocal, Floor, Ceil, Round) and Cast. Neg is
 * provided by {@link MathOps}.
 */
public final class UnaryMathOps implements OpProvider {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public UnaryMathOps() {}

    /**
     * Returns the elementwise unary math ops and Cast.
     *
     * @return one instance of each
     */
    @Override
    public List<OpDef> defs() {
        return List.of(new Abs(), new Sign(), new Square(), new Sqrt(), new Rsqrt(), new Exp(), new Log(),
                new Log1p(), new Sin(), new Cos(), new Tanh(), new Sigmoid(), new Relu(), new LeakyRelu(),
                new Softplus(), new Reciprocal(), new Floor(), new Ceil(), new Round(), new Cast());
    }
}
