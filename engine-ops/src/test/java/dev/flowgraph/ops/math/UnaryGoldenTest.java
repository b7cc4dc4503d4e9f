package dev.flowgraph.ops.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.TestRuns;
import dev.flowgraph.spi.Attrs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The unary math ops and Cast against NumPy, on 0, -0.0, ±1, halves, tiny and huge magnitudes,
 * the overflow edges of exp, NaN and ±infinity in FLOAT32 and FLOAT64, and integer extremes.
 * The expected values are in {@code src/test/resources/math/unary_golden.txt}, written by
 * {@code unary_golden.py} next to it; regenerate with
 * {@code python3 engine-ops/src/test/resources/math/unary_golden.py}.
 *
 * <p>Every op must match NumPy bit for bit (so -0.0 and 0.0 differ), except the ones computed
 * with {@link StrictMath} (exp, log, log1p, sin, cos, tanh, sigmoid, softplus), which may differ
 * by 1 ulp; infinities, zeros and NaN must match exactly for those too.
 */
class UnaryGoldenTest {
    private static final String RESOURCE = "/math/unary_golden.txt";
    private static final Set<String> WITHIN_ONE_ULP =
            Set.of("Exp", "Log", "Log1p", "Sin", "Cos", "Tanh", "Sigmoid", "Softplus");

    /** One op on one dtype pair: the inputs and NumPy's outputs, as written in the file. */
    record Case(String op, DType in, DType out, List<String> inputs, List<String> expected) {
        @Override
        public String toString() {
            return op + " " + in + " -> " + out + " (" + inputs.size() + " values)";
        }
    }

    static Stream<Case> cases() throws IOException {
        Map<String, Case> cases = new LinkedHashMap<>();
        try (InputStream s = UnaryGoldenTest.class.getResourceAsStream(RESOURCE)) {
            assertTrue(s != null, RESOURCE + " is missing");
            BufferedReader r = new BufferedReader(new InputStreamReader(s, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(" ");
                assertEquals(5, f.length, line);
                Case c = cases.computeIfAbsent(f[0] + " " + f[1] + " " + f[2], k -> new Case(f[0],
                        dtype(f[1]), dtype(f[2]), new ArrayList<>(), new ArrayList<>()));
                c.inputs().add(f[3]);
                c.expected().add(f[4]);
            }
        }
        return cases.values().stream();
    }

    @Test
    void theGoldenFileCoversEveryUnaryOp() throws IOException {
        Set<String> ops = new java.util.HashSet<>();
        cases().forEach(c -> ops.add(c.op().split(":")[0]));
        for (var def : new UnaryMathOps().defs()) {
            assertTrue(ops.contains(def.type()), def.type() + " has no golden values");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesNumPy(Case c) {
        try (Graph g = new Graph()) {
            Ops tf = Ops.on(g);
            Output x = tf.constant(tensor(c.in(), c.inputs()));
            String[] op = c.op().split(":");
            Attrs attrs = op[0].equals(Cast.TYPE) ? Attrs.of(Cast.DTYPE, c.out())
                    : op.length > 1 ? Attrs.of(LeakyRelu.ALPHA, Double.parseDouble(op[1])) : Attrs.empty();
            Tensor actual = TestRuns.eval(tf.node(op[0], attrs, x).output(0));
            assertEquals(c.out(), actual.dtype());
            assertEquals(Shape.of(c.inputs().size()), actual.shape());
            int ulps = WITHIN_ONE_ULP.contains(op[0]) ? 1 : 0;
            for (int i = 0; i < c.inputs().size(); i++) {
                String where = c + ", input " + c.inputs().get(i);
                assertClose(c.out(), c.expected().get(i), actual, i, ulps, where);
            }
        }
    }

    private static void assertClose(DType dtype, String expected, Tensor actual, int i, int ulps, String where) {
        switch (dtype) {
            case FLOAT32 -> assertFloatClose(Double.parseDouble(expected), actual.getFloat(i), true, ulps, where);
            case FLOAT64 -> assertFloatClose(Double.parseDouble(expected), actual.getDouble(i), false, ulps, where);
            case INT32 -> assertEquals((int) Long.parseLong(expected), actual.getInt(i), where);
            case INT64 -> assertEquals(Long.parseLong(expected), actual.getLong(i), where);
            case BOOL -> assertEquals(Boolean.parseBoolean(expected), actual.getBoolean(i), where);
        }
    }

    /** Exact (sign of zero included) when ulps is 0, or when the value is not finite or zero. */
    private static void assertFloatClose(double expected, double actual, boolean float32, int ulps, String where) {
        String message = where + ": expected " + expected + ", got " + actual;
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), message);
        } else if (ulps == 0 || Double.isInfinite(expected) || expected == 0) {
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual), message);
        } else {
            assertFalse(Double.isNaN(actual), message);
            long distance = Math.abs(ordered(expected, float32) - ordered(actual, float32));
            assertTrue(distance <= ulps, message + ", " + distance + " ulp apart");
        }
    }

    /**
     * Maps a float (or double) to a long that counts representable values: neighbours differ by
     * 1, and -0.0 and 0.0 both map to 0.
     */
    static long ordered(double v, boolean float32) {
        long bits = float32 ? Float.floatToIntBits((float) v) : Double.doubleToLongBits(v);
        long signBit = float32 ? Integer.MIN_VALUE : Long.MIN_VALUE;
        // The sign-magnitude bits of a negative value become minus its magnitude.
        return bits >= 0 ? bits : signBit - bits;
    }

    private static Tensor tensor(DType dtype, List<String> values) {
        int n = values.size();
        Shape shape = Shape.of(n);
        switch (dtype) {
            case FLOAT32: {
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = (float) Double.parseDouble(values.get(i));
                }
                return Tensor.of(v, shape);
            }
            case FLOAT64:
                return Tensor.of(values.stream().mapToDouble(Double::parseDouble).toArray(), shape);
            case INT32:
                return Tensor.of(values.stream().mapToInt(s -> (int) Long.parseLong(s)).toArray(), shape);
            case INT64:
                return Tensor.of(values.stream().mapToLong(Long::parseLong).toArray(), shape);
            case BOOL: {
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) {
                    v[i] = Boolean.parseBoolean(values.get(i));
                }
                return Tensor.of(v, shape);
            }
            default:
                return fail("dtype " + dtype);
        }
    }

    private static DType dtype(String name) {
        return DType.valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
