package dev.flowgraph.ops.nn;

import static dev.flowgraph.ops.TestRuns.eval;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Batched matMul, softmax, logSoftmax, both cross-entropies and meanSquaredError against NumPy,
 * on inputs that include logits of 1000 and -1000. The expected values are in
 * {@code src/test/resources/nn/nn_golden.txt}, written by {@code nn_golden.py} next to it;
 * regenerate with {@code python3 engine-ops/src/test/resources/nn/nn_golden.py >
 * engine-ops/src/test/resources/nn/nn_golden.txt}.
 */
class NnGoldenTest {
    private static final Map<String, Tensor> GOLDEN = load();
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);

    private static Map<String, Tensor> load() {
        Map<String, Tensor> m = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                NnGoldenTest.class.getResourceAsStream("/nn/nn_golden.txt"), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] parts = line.trim().split(" ");
                long[] dims = parts[1].equals("-") ? new long[0]
                        : Arrays.stream(parts[1].split(",")).mapToLong(Long::parseLong).toArray();
                double[] values = Arrays.stream(parts, 2, parts.length).mapToDouble(Double::parseDouble).toArray();
                m.put(parts[0], Tensor.of(values, Shape.of(dims)));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return m;
    }

    private Output in(String name, DType dtype) {
        Tensor t = GOLDEN.get(name);
        return tf.constant(dtype == DType.FLOAT64 ? t : toFloat(t));
    }

    /** Rounds a FLOAT64 tensor to FLOAT32. */
    static Tensor toFloat(Tensor t) {
        double[] d = t.toDoubleArray();
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return Tensor.of(f, t.shape());
    }

    /** Asserts equal shapes and values within a relative tolerance fit for the dtype. */
    private static void assertClose(String expectedName, Tensor actual, DType dtype) {
        Tensor expected = GOLDEN.get(expectedName);
        assertEquals(dtype, actual.dtype());
        assertEquals(expected.shape(), actual.shape(), expectedName);
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        double tol = dtype == DType.FLOAT64 ? 1e-12 : 1e-5;
        for (int i = 0; i < e.length; i++) {
            assertTrue(Math.abs(e[i] - a[i]) <= tol * Math.max(1, Math.abs(e[i])),
                    expectedName + "[" + i + "]: expected " + e[i] + " but was " + a[i]);
        }
    }

    @Test
    void batchedMatMulBroadcastsBatchAxes() {
        Output y = tf.matMul(in("mm_a", DType.FLOAT64), in("mm_b", DType.FLOAT64));
        assertEquals(Shape.of(2, 3, 3, 5), y.shape());
        assertClose("mm_out", eval(y), DType.FLOAT64);
    }

    @Test
    void batchedMatMulTransposesTheLastTwoAxes() {
        Output y = tf.matMul(in("mmt_a", DType.FLOAT64), in("mmt_b", DType.FLOAT64), true, true);
        assertEquals(Shape.of(2, 3, 5), y.shape());
        assertClose("mmt_out", eval(y), DType.FLOAT64);
    }

    @Test
    void batchedMatMulPromotesAndSqueezesVectors() {
        assertClose("mmv_out", eval(tf.matMul(in("mmv_a", DType.FLOAT64), in("mmv_v", DType.FLOAT64))),
                DType.FLOAT64);
        assertClose("vmm_out", eval(tf.matMul(in("mmv_v", DType.FLOAT64), in("mmv_b", DType.FLOAT64))),
                DType.FLOAT64);
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void softmaxAndLogSoftmaxAreStableOnEveryAxis(DType dtype) {
        Output x = in("sm_x", dtype);
        assertClose("sm_out_m1", eval(tf.softmax(x)), dtype);
        assertClose("lsm_out_m1", eval(tf.logSoftmax(x)), dtype);
        assertClose("sm_out_0", eval(tf.softmax(x, 0)), dtype);
        assertClose("lsm_out_0", eval(tf.logSoftmax(x, -3)), dtype);
        assertClose("sm_out_1", eval(tf.softmax(x, -2)), dtype);
        assertClose("lsm_out_1", eval(tf.logSoftmax(x, 1)), dtype);
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void crossEntropiesAreStableForLargeLogits(DType dtype) {
        Output logits = in("ce_logits", dtype);
        assertClose("ce_out", eval(tf.softmaxCrossEntropy(logits, in("ce_labels", dtype))), dtype);
        Tensor labels = GOLDEN.get("sce_labels");
        long[] l = Arrays.stream(labels.toDoubleArray()).mapToLong(v -> (long) v).toArray();
        assertClose("sce_out", eval(tf.sparseSoftmaxCrossEntropy(logits, tf.constant(Tensor.vector(l)))), dtype);
        int[] li = Arrays.stream(l).mapToInt(v -> (int) v).toArray();
        assertClose("sce_out", eval(tf.sparseSoftmaxCrossEntropy(logits, tf.constant(Tensor.vector(li)))), dtype);
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void meanSquaredErrorBroadcasts(DType dtype) {
        Output y = tf.meanSquaredError(in("mse_p", dtype), in("mse_t", dtype));
        assertEquals(Shape.scalar(), y.shape());
        assertClose("mse_out", eval(y), dtype);
    }
}
