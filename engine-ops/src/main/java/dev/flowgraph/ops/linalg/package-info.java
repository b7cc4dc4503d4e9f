/**
 * Linear algebra: {@code MatMul} (as {@code numpy.matmul} on rank-1 and rank-2 operands, with
 * transpose flags), registered by {@link dev.flowgraph.ops.linalg.LinalgOps}. Users reach it
 * through {@link dev.flowgraph.ops.Ops#matMul}.
 */
package dev.flowgraph.ops.linalg;
