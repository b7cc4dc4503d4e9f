package dev.flowgraph.ops.train;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.DType;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;

/**
 * The usual {@link Initializer}s: constants, seeded random distributions, and the Glorot and He
 * variance-scaling rules as Keras defines them.
 *
 * <p>The random ones are built from the stateless seeded random ops ({@code Ops.randomNormal},
 * {@code Ops.randomUniform}, {@code Ops.truncatedNormal}): the same seed gives the same initial
 * value in every session, bit for bit, at any number of threads. Give each variable its own
 * seed, or its values repeat those of another variable of the same shape. They need a FLOAT32
 * or FLOAT64 variable.
 *
 * <p>Fans, for the variance-scaling rules (Keras' {@code _compute_fans}): for a rank-2 shape
 * {@code [in, out]}, fanIn = in and fanOut = out; rank 1: both are the one dimension; rank 0:
 * both are 1; rank 3 and more (convolution kernels {@code [..., in, out]}): the product of the
 * leading dimensions (the receptive field) times in, and times out. As in Keras, a fan below 1
 * (a shape with a zero dimension) counts as 1.
 *
 * <pre>{@code
 * Variable w = tf.variable("w", DType.FLOAT32, Shape.of(784, 128), Initializers.glorotUniform(1));
 * Variable b = tf.variable("b", DType.FLOAT32, Shape.of(128), Initializers.zeros());
 * }</pre>
 */
public final class Initializers {
    /**
     * The standard deviation of a standard normal truncated to {@code [-2, 2]}, by which Keras
     * divides the truncated normal's scale so that the result has the intended variance.
     */
    static final double TRUNCATED_STDDEV = 0.87962566103423978;

    private Initializers() {}

    /**
     * Returns an initializer of zeros (false for BOOL), in any dtype.
     *
     * @return the initializer
     */
    public static Initializer zeros() {
        return constant(0);
    }

    /**
     * Returns an initializer of ones (true for BOOL), in any dtype.
     *
     * @return the initializer
     */
    public static Initializer ones() {
        return constant(1);
    }

    /**
     * Returns an initializer that fills the variable with one value, converted to its dtype as a
     * Java cast does ({@code (float) value}, {@code (int) value}, ...; BOOL: {@code value != 0}).
     *
     * @param value the value
     * @return the initializer
     */
    public static Initializer constant(double value) {
        return (tf, dtype, shape) -> tf.fill(shape, scalar(dtype, value));
    }

    /**
     * Returns an initializer of normal samples: {@code mean + stddev * z}, z standard normal.
     *
     * @param mean the mean
     * @param stddev the standard deviation, not negative
     * @param seed the seed
     * @return the initializer
     */
    public static Initializer randomNormal(double mean, double stddev, long seed) {
        checkArgument(stddev >= 0, "stddev %s is negative", stddev);
        return (tf, dtype, shape) -> affine(tf, tf.randomNormal(shape, dtype, seed), stddev, mean);
    }

    /**
     * Returns an initializer of samples uniform on {@code [min, max)}: {@code min + (max - min) * u},
     * u uniform on {@code [0, 1)}.
     *
     * @param min the lower bound
     * @param max the upper bound, above {@code min}
     * @param seed the seed
     * @return the initializer
     */
    public static Initializer randomUniform(double min, double max, long seed) {
        checkArgument(max > min, "max %s must be above min %s", max, min);
        return (tf, dtype, shape) -> affine(tf, tf.randomUniform(shape, dtype, seed), max - min, min);
    }

    /**
     * Returns an initializer of truncated normal samples: {@code mean + stddev * t}, t a standard
     * normal redrawn while {@code |t| > 2} (so every value lies within two {@code stddev} of the
     * mean, and the actual standard deviation is about {@code 0.88 * stddev}).
     *
     * @param mean the mean
     * @param stddev the standard deviation before truncation, not negative
     * @param seed the seed
     * @return the initializer
     */
    public static Initializer truncatedNormal(double mean, double stddev, long seed) {
        checkArgument(stddev >= 0, "stddev %s is negative", stddev);
        return (tf, dtype, shape) -> affine(tf, tf.truncatedNormal(shape, dtype, seed), stddev, mean);
    }

    /**
     * Returns the Glorot (Xavier) uniform initializer: uniform on {@code [-limit, limit)} with
     * {@code limit = sqrt(6 / (fanIn + fanOut))} (Glorot and Bengio, 2010).
     *
     * @param seed the seed
     * @return the initializer
     */
    public static Initializer glorotUniform(long seed) {
        return (tf, dtype, shape) -> uniformWithVariance(tf, dtype, shape, 1 / Math.max(1, fanAverage(shape)), seed);
    }

    /**
     * Returns the Glorot (Xavier) normal initializer, as Keras: a normal truncated at two standard
     * deviations, whose actual standard deviation is {@code sqrt(2 / (fanIn + fanOut))}.
     *
     * @param seed the seed
     * @return the initializer
     */
    public static Initializer glorotNormal(long seed) {
        return (tf, dtype, shape) -> truncatedWithVariance(tf, dtype, shape, 1 / Math.max(1, fanAverage(shape)), seed);
    }

    /**
     * Returns the He normal initializer, as Keras: a normal truncated at two standard deviations,
     * whose actual standard deviation is {@code sqrt(2 / fanIn)} (He et al., 2015).
     *
     * @param seed the seed
     * @return the initializer
     */
    public static Initializer heNormal(long seed) {
        return (tf, dtype, shape) -> truncatedWithVariance(tf, dtype, shape, 2 / Math.max(1, fans(shape)[0]), seed);
    }

    /**
     * Returns the He uniform initializer: uniform on {@code [-limit, limit)} with
     * {@code limit = sqrt(6 / fanIn)}.
     *
     * @param seed the seed
     * @return the initializer
     */
    public static Initializer heUniform(long seed) {
        return (tf, dtype, shape) -> uniformWithVariance(tf, dtype, shape, 2 / Math.max(1, fans(shape)[0]), seed);
    }

    /** Returns {fanIn, fanOut} of a shape, by Keras' rules (see the class comment). */
    static double[] fans(Shape shape) {
        long[] d = shape.dims();
        if (d.length == 0) {
            return new double[] {1, 1};
        }
        if (d.length == 1) {
            return new double[] {d[0], d[0]};
        }
        double receptiveField = 1;
        for (int i = 0; i < d.length - 2; i++) {
            receptiveField *= d[i];
        }
        return new double[] {d[d.length - 2] * receptiveField, d[d.length - 1] * receptiveField};
    }

    private static double fanAverage(Shape shape) {
        double[] f = fans(shape);
        return (f[0] + f[1]) / 2;
    }

    /** Uniform on {@code [-limit, limit)}, {@code limit = sqrt(3 * variance)}: variance {@code limit^2 / 3}. */
    private static Output uniformWithVariance(Ops tf, DType dtype, Shape shape, double variance, long seed) {
        double limit = Math.sqrt(3 * variance);
        return affine(tf, tf.randomUniform(shape, dtype, seed), 2 * limit, -limit);
    }

    /** A normal truncated at two standard deviations whose variance, after truncation, is {@code variance}. */
    private static Output truncatedWithVariance(Ops tf, DType dtype, Shape shape, double variance, long seed) {
        return affine(tf, tf.truncatedNormal(shape, dtype, seed), Math.sqrt(variance) / TRUNCATED_STDDEV, 0);
    }

    /** {@code offset + scale * x}, with the constants in x's dtype. */
    private static Output affine(Ops tf, Output x, double scale, double offset) {
        Output scaled = tf.mul(x, tf.constant(scalar(x.dtype(), scale)));
        return offset == 0 ? scaled : tf.add(scaled, tf.constant(scalar(x.dtype(), offset)));
    }

    /** A scalar of {@code dtype} holding {@code value}, converted as a Java cast does. */
    static Tensor scalar(DType dtype, double value) {
        return switch (dtype) {
            case FLOAT32 -> Tensor.scalar((float) value);
            case FLOAT64 -> Tensor.scalar(value);
            case INT32 -> Tensor.scalar((int) value);
            case INT64 -> Tensor.scalar((long) value);
            case BOOL -> Tensor.scalar(value != 0);
        };
    }
}
