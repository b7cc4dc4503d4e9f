/**
 * Ops that move, relabel or create data without arithmetic: {@code Identity}, {@code Reshape},
 * {@code Transpose}, {@code ExpandDims}, {@code Squeeze}, {@code Concat}, {@code Stack},
 * {@code Slice}, {@code Gather}, {@code OneHot}, {@code Fill}, {@code ZerosLike},
 * {@code OnesLike}, {@code Shape}, {@code Size}, {@code Range} and {@code Tile}, registered by
 * {@link dev.flowgraph.ops.array.ArrayOps}. Their copies are written once for every dtype in
 * {@link dev.flowgraph.ops.kernels.ArrayCopy}. Users reach them through
 * {@link dev.flowgraph.ops.Ops}.
 */
package dev.flowgraph.ops.array;
