/**
 * The hot loops of the op library: static methods on primitive arrays ({@code float[]},
 * {@code double[]}, {@code int[]}, {@code long[]}), with no graph types, in the style of EJML.
 * Each kernel's javadoc states its formula and which argument it modifies; the output is always
 * passed in. Kernels work on a range of their output (elements, or matrix rows) so that ops can
 * split the work over a session's pool in the fixed-size blocks that {@link
 * dev.flowgraph.ops.kernels.KernelTuning} sets, which keeps results bit-identical at any pool
 * size.
 *
 * <p>Dtypes are handled without copied loops: the index arithmetic (broadcasting, matrix layout)
 * is dtype-agnostic and calls back, once per contiguous run or per matrix row update, into a
 * per-dtype loop of one or two lines that applies a primitive functional interface. The matrix
 * product's inner loops ({@link dev.flowgraph.ops.kernels.TiledMatrixMultiply}'s micro-kernel
 * and the matrix-vector loop of {@link dev.flowgraph.ops.kernels.MatrixMultiply}) are the
 * exception, written once for {@code float[]} and once for {@code double[]}: they must index
 * primitive arrays directly for HotSpot to vectorise them or keep their sums in registers.
 *
 * <p>{@link dev.flowgraph.ops.kernels.VectorMatrixMultiply} is the one class written against the
 * incubating Vector API ({@code jdk.incubator.vector}): an optional FLOAT32 product kernel that
 * the ops use only when the JVM was started with that module (see {@link
 * dev.flowgraph.ops.kernels.KernelTuning#VECTOR_MATMUL}), and that gives the same bits as the
 * scalar ones.
 */
package dev.flowgraph.ops.kernels;
