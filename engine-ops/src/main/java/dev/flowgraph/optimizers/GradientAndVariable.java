package dev.flowgraph.optimizers;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.flowgraph.Output;

/**
 * A gradient paired with the variable it updates: what {@link Optimizer#computeGradients} returns
 * and {@link Optimizer#applyGradients} takes.
 *
 * @param gradient the gradient of the loss with respect to the variable: the variable's dtype and
 *     shape
 * @param variable a variable's output ({@code Variable.output()})
 */
public record GradientAndVariable(Output gradient, Output variable) {
    /**
     * Checks that neither part is null.
     *
     * @param gradient the gradient
     * @param variable the variable's output
     */
    public GradientAndVariable {
        checkNotNull(gradient, "gradient");
        checkNotNull(variable, "variable");
    }
}
