package dev.flowgraph.ops.random;

import static dev.flowgraph.ops.SampleStats.mean;
import static dev.flowgraph.ops.SampleStats.variance;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.GraphBuildException;
import dev.flowgraph.Output;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.TestRuns;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * RandomUniform, RandomNormal and TruncatedNormal: statistics of 100,000 samples with fixed seeds,
 * ranges, and reproducibility across runs, sessions and thread counts.
 *
 * <p>Bounds: the mean of n = 100,000 samples has standard error {@code sigma / sqrt(n)}; the bounds
 * below are about 5 standard errors, so a correct generator fails them with probability below
 * 1e-6, while an off-by-a-bit generator (say variance 1.05) fails them surely. The sample variance
 * has standard error about {@code sigma^2 * sqrt(2 / n)} for normals.
 */
class RandomOpsTest {
    private static final int N = 100_000;
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);

    @Test
    void uniformIsInZeroOneWithMeanHalfAndVarianceOneTwelfth() {
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor t = TestRuns.eval(tf.randomUniform(Shape.of(N), dtype, 1234));
            assertEquals(dtype, t.dtype());
            double[] x = t.toDoubleArray();
            for (double v : x) {
                assertTrue(v >= 0 && v < 1, "out of [0, 1): " + v);
            }
            // sigma = sqrt(1/12) = 0.2887: standard error 0.00091 of the mean.
            assertEquals(0.5, mean(x), 0.0046, dtype.toString());
            assertEquals(1.0 / 12, variance(x), 0.0015, dtype.toString());
        }
    }

    @Test
    void normalHasMeanZeroAndVarianceOne() {
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            double[] x = TestRuns.eval(tf.randomNormal(Shape.of(N), dtype, 99)).toDoubleArray();
            // Standard errors: 0.0032 for the mean, 0.0045 for the variance.
            assertEquals(0, mean(x), 0.016, dtype.toString());
            assertEquals(1, variance(x), 0.023, dtype.toString());
            long beyond2 = java.util.Arrays.stream(x).filter(v -> Math.abs(v) > 2).count();
            // P(|z| > 2) = 0.0455: about 4,550 of 100,000, standard error about 66.
            assertEquals(4550, beyond2, 330, dtype.toString());
        }
    }

    @Test
    void truncatedNormalStaysWithinTwoWithTheTruncatedVariance() {
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            double[] x = TestRuns.eval(tf.truncatedNormal(Shape.of(N), dtype, 7)).toDoubleArray();
            for (double v : x) {
                assertTrue(Math.abs(v) <= 2, "outside [-2, 2]: " + v);
            }
            // Variance of N(0, 1) truncated to [-2, 2]: 1 - 2 * 2 * phi(2) / (Phi(2) - Phi(-2))
            // = 1 - 4 * 0.053991 / 0.954500 = 0.773741.
            assertEquals(0, mean(x), 0.014, dtype.toString());
            assertEquals(0.773741, variance(x), 0.012, dtype.toString());
        }
    }

    @Test
    void isReproducibleAcrossRunsSessionsAndThreadCounts() {
        Output u = tf.randomNormal(Shape.of(300, 300), DType.FLOAT64, 42);
        Tensor first;
        try (Session s = new Session(g, 1)) {
            first = s.runner().fetch(u).run().get(0);
            assertEquals(first, s.runner().fetch(u).run().get(0), "a second run of the same node");
        }
        assertEquals(first, TestRuns.eval(u, 4, Map.of()), "another session with 4 threads");
        Graph other = new Graph();
        Tensor rebuilt = TestRuns.eval(Ops.on(other).randomNormal(Shape.of(300, 300), DType.FLOAT64, 42));
        assertEquals(first, rebuilt, "the same seed in another graph");
    }

    @Test
    void elementIDependsOnlyOnSeedAndI() {
        // A longer tensor with the same seed starts with the shorter one's values.
        double[] shortT = TestRuns.eval(tf.randomUniform(Shape.of(10), DType.FLOAT64, 5)).toDoubleArray();
        double[] longT = TestRuns.eval(tf.randomUniform(Shape.of(2, 10), DType.FLOAT64, 5)).toDoubleArray();
        assertArrayEquals(shortT, java.util.Arrays.copyOf(longT, 10));
        double[] otherSeed = TestRuns.eval(tf.randomUniform(Shape.of(10), DType.FLOAT64, 6)).toDoubleArray();
        assertNotEquals(shortT[0], otherSeed[0]);
    }

    @Test
    void scalarsAndEmptyShapes() {
        assertEquals(Shape.scalar(), TestRuns.eval(tf.truncatedNormal(Shape.scalar(), DType.FLOAT32, 1)).shape());
        assertEquals(Shape.of(0, 4), TestRuns.eval(tf.randomUniform(Shape.of(0, 4), DType.FLOAT64, 1)).shape());
    }

    @Test
    void refusesPartialShapesAndNonFloatDTypes() {
        GraphBuildException e = assertThrows(GraphBuildException.class,
                () -> tf.withName("r").randomNormal(Shape.of(-1, 3), DType.FLOAT32, 1));
        assertMessage(e, "'r'", "RandomNormal", "[-1, 3]", "not fully defined");
        assertMessage(assertThrows(GraphBuildException.class,
                () -> tf.randomUniform(Shape.unknown(), DType.FLOAT32, 1)), "RandomUniform", "not fully defined");
        assertMessage(assertThrows(GraphBuildException.class,
                () -> tf.withName("t").truncatedNormal(Shape.of(2), DType.INT32, 1)), "'t'", "TruncatedNormal",
                "int32", "not a float dtype");
    }

    private static void assertMessage(Exception e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message lacks '" + p + "': " + e.getMessage());
        }
    }
}
