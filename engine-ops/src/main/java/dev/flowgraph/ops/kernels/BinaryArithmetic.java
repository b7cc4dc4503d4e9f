package dev.flowgraph.ops.kernels;

/**
 * The binary operations frequent enough in training (every optimizer update and most gradients)
 * to get loops of their own in {@link Elementwise#binary(float[], float[], float[], BroadcastIndex,
 * BinaryArithmetic, int, int)} and its FLOAT64 peer.
 *
 * <p>A loop shared by many ops that calls a {@code FloatBinaryOperator} per element sees many
 * lambdas once a program mixes ops, so the JIT can neither inline the call nor vectorise the
 * loop (about 5 ns per element instead of well under 1). The kernels switch on this constant
 * once per run, outside the loop, so each loop has one fixed IEEE operation. Each constant
 * computes exactly what Java's operator does on the dtype, so results are those of the lambda
 * path bit for bit.
 *
 * <pre>{@code
 * float[] x = {1, 2, 3}, y = {10}, out = new float[3];
 * BroadcastIndex ix = new BroadcastIndex(new long[] {3}, new long[] {3}, new long[] {});
 * Elementwise.binary(x, y, out, ix, BinaryArithmetic.MUL, 0, 3);   // out = {10, 20, 30}
 * }</pre>
 */
public enum BinaryArithmetic {
    /** {@code x + y}. */
    ADD,
    /** {@code x - y}. */
    SUB,
    /** {@code x * y}. */
    MUL,
    /** {@code x / y} (IEEE 754: {@code 1/0} is infinity, {@code 0/0} NaN). */
    DIV
}
