package dev.flowgraph.ops.kernels;

/**
 * The unary operations frequent enough in training (activations, losses, optimizer updates) to
 * get loops of their own in {@link Elementwise#unary(float[], float[], UnaryArithmetic, int, int)}
 * and its FLOAT64 peer.
 *
 * <p>As for {@link BinaryArithmetic}: a loop shared by many ops that calls a
 * {@link FloatUnaryOperator} per element sees many lambdas once a program mixes ops, so the JIT
 * can neither inline the call nor vectorise the loop. The kernels switch on this constant once
 * per block, outside the loop. Each constant computes exactly the Java expression named below on
 * the dtype, so results are those of the lambda path bit for bit.
 *
 * <pre>{@code
 * float[] x = {-4, 9}, out = new float[2];
 * Elementwise.unary(x, out, UnaryArithmetic.ABS, 0, 2);   // out = {4, 9}
 * }</pre>
 */
public enum UnaryArithmetic {
    /** {@code -x}: only the sign bit flips. */
    NEG,
    /** {@code Math.abs(x)}: only the sign bit is cleared. */
    ABS,
    /** {@code x * x}. */
    SQUARE,
    /** {@code Math.sqrt(x)}; FLOAT32 computes {@code (float) Math.sqrt(x)}, the correctly rounded float root. */
    SQRT,
    /** {@code Math.max(x, 0)}: NaN propagates and {@code -0.0} gives {@code 0.0}. */
    RELU
}
