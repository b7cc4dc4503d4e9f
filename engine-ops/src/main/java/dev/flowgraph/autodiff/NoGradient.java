package dev.flowgraph.autodiff;

/**
 * What {@link Gradients} does where a gradient does not exist: for an input with no path to the
 * differentiated output, and for a node on such a path whose op has no gradient (is not
 * {@link Differentiable}).
 */
public enum NoGradient {
    /** Refuse with a {@link dev.flowgraph.GraphBuildException} naming the input or the node. */
    ERROR,
    /** Treat the missing gradient as zero: an unconnected input gets zeros of its shape. */
    ZERO
}
