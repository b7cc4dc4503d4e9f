/**
 * Elementwise math: {@code Add}, {@code Sub}, {@code Mul}, {@code Div}, {@code Pow},
 * {@code Maximum}, {@code Minimum}, {@code Mod}, {@code SquaredDifference} with NumPy
 * broadcasting and {@code Neg}, on FLOAT32, FLOAT64, INT32 and INT64; comparisons
 * ({@code Equal}, {@code Less}, ...) with a BOOL result; {@code LogicalAnd}, {@code LogicalOr},
 * {@code LogicalNot} on BOOL; and {@code Where}. Registered by
 * {@link dev.flowgraph.ops.math.MathOps}; users reach them through {@link dev.flowgraph.ops.Ops}.
 * Broadcasting ops share the kernel driver {@code BroadcastOp}.
 *
 * <p>The elementwise unary functions ({@code Abs}, {@code Sqrt}, {@code Exp}, {@code Sigmoid},
 * {@code Relu}, {@code Round}, ...) and {@code Cast}, the only op that changes a dtype, are
 * registered by {@link dev.flowgraph.ops.math.UnaryMathOps}; they share
 * {@code ElementwiseUnary}, and Cast's conversions are {@link dev.flowgraph.ops.kernels.Casts}.
 */
package dev.flowgraph.ops.math;
