package dev.flowgraph.ops.train;

import dev.flowgraph.DType;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.ops.Ops;

/**
 * Builds the subgraph that computes a variable's initial value. {@link Initializers} holds the
 * usual ones; any function of this shape works, e.g. one that reads a fed value or another
 * variable's initial value.
 *
 * <pre>{@code
 * Initializer halves = (tf, dtype, shape) -> tf.fill(shape, Tensor.scalar(0.5));   // FLOAT64 only
 * Variable w = tf.variable("w", DType.FLOAT64, Shape.of(3), halves);
 * }</pre>
 */
@FunctionalInterface
public interface Initializer {
    /**
     * Adds the nodes that compute the initial value.
     *
     * @param tf the facade to build with, scoped under the variable's name
     * @param dtype the variable's dtype
     * @param shape the variable's fully defined shape
     * @return an output of that dtype and a shape compatible with {@code shape}
     */
    Output build(Ops tf, DType dtype, Shape shape);
}
