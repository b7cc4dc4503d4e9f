/**
 * Elementwise arithmetic: {@code Add}, {@code Sub}, {@code Mul}, {@code Div} with NumPy
 * broadcasting, and {@code Neg}, on FLOAT32, FLOAT64, INT32 and INT64, registered by
 * {@link dev.flowgraph.ops.math.MathOps}. Users reach them through {@link dev.flowgraph.ops.Ops}.
 */
package dev.flowgraph.ops.math;
