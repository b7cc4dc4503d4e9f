/**
 * Elementwise arithmetic: {@code Add}, {@code Sub}, {@code Mul}, {@code Div} with NumPy
 * broadcasting, and {@code Neg}, on FLOAT32, FLOAT64, INT32 and INT64, registered by
 * {@link dev.flowgraph.ops.math.MathOps}. Users reach them through {@link dev.flowgraph.ops.Ops}.
 *
 * <p>The elementwise unary functions ({@code Abs}, {@code Sqrt}, {@code Exp}, {@code Sigmoid},
 * {@code Relu}, {@code Round}, ...) and {@code Cast}, the only op that changes a dtype, are
 * registered by {@link dev.flowgraph.ops.math.UnaryMathOps}; they share
 * {@code ElementwiseUnary}, and Cast's conversions are {@link dev.flowgraph.ops.kernels.Casts}.
 */
package dev.flowgraph.ops.math;
