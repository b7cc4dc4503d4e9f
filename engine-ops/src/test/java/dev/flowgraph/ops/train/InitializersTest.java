package dev.flowgraph.ops.train;

import static dev.flowgraph.ops.SampleStats.mean;
import static dev.flowgraph.ops.SampleStats.variance;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.GraphBuildException;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.TestRuns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The initializers: exact values for the constant ones, Keras' fan rules, the exact relation of the
 * random ones to the seeded random ops, and statistics of the variance-scaling ones.
 *
 * <p>Tolerances of the statistics are about 5 standard errors, so a correct initializer fails
 * with probability below 1e-6 while a wrong scale (a factor 2 in the variance, a missing
 * truncation correction of 0.88^2 = 0.77) fails surely. For n samples of variance v, the sample
 * variance has standard error about {@code v * sqrt(2 / n)} for a (truncated) normal and
 * {@code v * sqrt(0.8 / n)} for a uniform ({@code var(x^2) = 4 a^4 / 45} on {@code [-a, a]}, and
 * {@code v = a^2 / 3}).
 */
class InitializersTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);
    private int count;

    @AfterEach
    void closeGraph() {
        g.close();
    }

    /** The value a fresh session gives a new variable after initialisation. */
    private Tensor initial(Initializer init, DType dtype, Shape shape) {
        Variable v = tf.variable("v" + count++, dtype, shape, init);
        try (Session s = new Session(g, 2)) {
            s.runner().addTarget(v.initializer()).run();
            return s.variableValues().get(v.name());
        }
    }

    private static void assertWithin(double[] x, double low, double high) {
        for (double v : x) {
            assertTrue(v >= low && v <= high, v + " is outside [" + low + ", " + high + "]");
        }
    }

    @Test
    void constantsInEveryDType() {
        assertEquals(Tensor.zeros(DType.FLOAT32, Shape.of(2, 3)), initial(Initializers.zeros(), DType.FLOAT32,
                Shape.of(2, 3)));
        assertEquals(Tensor.vector(1.0, 1.0), initial(Initializers.ones(), DType.FLOAT64, Shape.of(2)));
        assertEquals(Tensor.vector(1L, 1L, 1L), initial(Initializers.ones(), DType.INT64, Shape.of(3)));
        assertEquals(Tensor.scalar(true), initial(Initializers.ones(), DType.BOOL, Shape.scalar()));
        assertEquals(Tensor.scalar(false), initial(Initializers.zeros(), DType.BOOL, Shape.scalar()));
        // Converted as Java casts: (float) 0.1 and (int) -2.7 = -2.
        assertEquals(Tensor.vector(0.1f, 0.1f), initial(Initializers.constant(0.1), DType.FLOAT32, Shape.of(2)));
        assertEquals(Tensor.vector(-2, -2), initial(Initializers.constant(-2.7), DType.INT32, Shape.of(2)));
    }

    @Test
    void fansFollowKeras() {
        assertArrayEquals(new double[] {1, 1}, Initializers.fans(Shape.scalar()));
        assertArrayEquals(new double[] {5, 5}, Initializers.fans(Shape.of(5)));
        assertArrayEquals(new double[] {3, 4}, Initializers.fans(Shape.of(3, 4)));
        // A [2, 3, 4, 5] kernel: receptive field 2 * 3 = 6, fanIn 6 * 4 = 24, fanOut 6 * 5 = 30.
        assertArrayEquals(new double[] {24, 30}, Initializers.fans(Shape.of(2, 3, 4, 5)));
    }

    @Test
    void randomInitializersAreAffineMapsOfTheSeededOps() {
        Shape shape = Shape.of(50, 40);
        double[] z = TestRuns.eval(tf.randomNormal(shape, DType.FLOAT64, 11)).toDoubleArray();
        double[] u = TestRuns.eval(tf.randomUniform(shape, DType.FLOAT64, 12)).toDoubleArray();
        double[] t = TestRuns.eval(tf.truncatedNormal(shape, DType.FLOAT64, 13)).toDoubleArray();
        double[] normal = initial(Initializers.randomNormal(2, 0.5, 11), DType.FLOAT64, shape).toDoubleArray();
        double[] uniform = initial(Initializers.randomUniform(-3, 1, 12), DType.FLOAT64, shape).toDoubleArray();
        double[] truncated = initial(Initializers.truncatedNormal(-1, 0.1, 13), DType.FLOAT64, shape).toDoubleArray();
        for (int i = 0; i < z.length; i++) {
            assertEquals(z[i] * 0.5 + 2, normal[i]);
            // min + (max - min) * u = -3 + 4u.
            assertEquals(u[i] * 4 + -3, uniform[i]);
            assertEquals(t[i] * 0.1 + -1, truncated[i]);
        }
        assertEquals(Tensor.of(normal, shape), initial(Initializers.randomNormal(2, 0.5, 11), DType.FLOAT64, shape),
                "the same seed gives the same value");
    }

    @Test
    void randomNormalAndUniformHaveTheirMomentsAndBounds() {
        double[] normal = initial(Initializers.randomNormal(2, 0.5, 21), DType.FLOAT64, Shape.of(100_000))
                .toDoubleArray();
        // Standard errors: 0.5 / sqrt(1e5) = 0.0016 for the mean, 0.25 * sqrt(2e-5) = 0.0011 for the variance.
        assertEquals(2, mean(normal), 0.008);
        assertEquals(0.25, variance(normal), 0.0056);
        double[] uniform = initial(Initializers.randomUniform(-3, 1, 22), DType.FLOAT32, Shape.of(100_000))
                .toDoubleArray();
        assertWithin(uniform, -3, 1);
        // Variance 4^2 / 12 = 1.333; standard errors 0.0037 (mean) and 1.333 * sqrt(8e-6) = 0.0038.
        assertEquals(-1, mean(uniform), 0.018);
        assertEquals(16.0 / 12, variance(uniform), 0.019);
        double[] truncated = initial(Initializers.truncatedNormal(0, 3, 23), DType.FLOAT64, Shape.of(100_000))
                .toDoubleArray();
        assertWithin(truncated, -6, 6);
        // Variance 9 * 0.8796^2 = 6.963 after truncation; standard error at most 6.963 * sqrt(2e-5) = 0.031.
        assertEquals(9 * Initializers.TRUNCATED_STDDEV * Initializers.TRUNCATED_STDDEV, variance(truncated), 0.16);
    }

    @Test
    void glorotUniformHasLimitSqrtSixOverFanSum() {
        // [200, 300]: limit sqrt(6 / 500) = 0.10954, variance limit^2 / 3 = 0.004;
        // standard error of the variance 0.004 * sqrt(0.8 / 60,000) = 1.5e-5.
        double[] x = initial(Initializers.glorotUniform(31), DType.FLOAT64, Shape.of(200, 300)).toDoubleArray();
        double limit = Math.sqrt(6.0 / 500);
        assertWithin(x, -limit, limit);
        assertEquals(0, mean(x), 0.0023);
        assertEquals(0.004, variance(x), 7.5e-5);
    }

    @Test
    void heUniformHasLimitSqrtSixOverFanIn() {
        // [250, 40]: limit sqrt(6 / 250) = 0.15492, variance 0.008;
        // standard error of the variance 0.008 * sqrt(0.8 / 10,000) = 7.2e-5.
        double[] x = initial(Initializers.heUniform(32), DType.FLOAT32, Shape.of(250, 40)).toDoubleArray();
        double limit = Math.sqrt(6.0 / 250);
        assertWithin(x, -limit, limit);
        assertEquals(0.008, variance(x), 3.6e-4);
    }

    @Test
    void glorotNormalAndHeNormalHaveTheKerasVarianceAfterTruncation() {
        // [300, 500]: variance 2 / 800 = 0.0025, stddev 0.05 before the truncation correction, so
        // values within 2 * 0.05 / 0.8796 = 0.1137; standard error of the variance
        // 0.0025 * sqrt(2 / 150,000) = 9.1e-6.
        double[] glorot = initial(Initializers.glorotNormal(41), DType.FLOAT64, Shape.of(300, 500)).toDoubleArray();
        assertWithin(glorot, -2 * 0.05 / Initializers.TRUNCATED_STDDEV, 2 * 0.05 / Initializers.TRUNCATED_STDDEV);
        assertEquals(0.0025, variance(glorot), 4.6e-5);
        // [400, 100]: variance 2 / 400 = 0.005; standard error 0.005 * sqrt(2 / 40,000) = 3.5e-5.
        double[] he = initial(Initializers.heNormal(42), DType.FLOAT64, Shape.of(400, 100)).toDoubleArray();
        double bound = 2 * Math.sqrt(0.005) / Initializers.TRUNCATED_STDDEV;
        assertWithin(he, -bound, bound);
        assertEquals(0.005, variance(he), 1.8e-4);
    }

    @Test
    void randomInitializersNeedAFloatDType() {
        GraphBuildException e = assertThrows(GraphBuildException.class,
                () -> tf.variable("n", DType.INT32, Shape.of(2), Initializers.glorotUniform(1)));
        assertTrue(e.getMessage().contains("not a float dtype"), e.getMessage());
    }

    @Test
    void badParametersAreRefusedWhenTheInitializerIsMade() {
        assertEquals("max 1.0 must be above min 1.0", assertThrows(IllegalArgumentException.class,
                () -> Initializers.randomUniform(1, 1, 0)).getMessage());
        assertEquals("stddev -1.0 is negative", assertThrows(IllegalArgumentException.class,
                () -> Initializers.randomNormal(0, -1, 0)).getMessage());
    }
}
