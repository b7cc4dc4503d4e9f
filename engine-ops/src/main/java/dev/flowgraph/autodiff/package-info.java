/**
 * Automatic differentiation: {@link dev.flowgraph.autodiff.Gradients} builds, by reverse mode, the
 * subgraph computing the gradient of one output with respect to others, from each op's
 * {@link dev.flowgraph.autodiff.Differentiable} part. Gradients are more graph, so they run in
 * a session like any output, and can themselves be differentiated.
 */
package dev.flowgraph.autodiff;
