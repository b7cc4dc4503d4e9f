/**
 * Linear algebra: {@code MatMul} (as {@code numpy.matmul}, with batch broadcasting and transpose
 * flags), {@code Dot} (inner product of vectors) and {@code Outer} (outer product of vectors),
 * registered by {@link dev.flowgraph.ops.linalg.LinalgOps}. Users reach them through
 * {@link dev.flowgraph.ops.Ops#matMul}, {@link dev.flowgraph.ops.Ops#dot} and
 * {@link dev.flowgraph.ops.Ops#outer}. All three are products of matrices computed by one kernel,
 * {@link dev.flowgraph.ops.kernels.MatrixMultiply}.
 */
package dev.flowgraph.ops.linalg;
