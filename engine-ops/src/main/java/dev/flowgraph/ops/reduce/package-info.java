/**
 * Reductions over any set of axes, with {@code keepDims}: sum, mean, max, min, prod; and argMax,
 * argMin over one axis. Their loops live in {@link dev.flowgraph.ops.kernels.Reductions}.
 */
package dev.flowgraph.ops.reduce;
