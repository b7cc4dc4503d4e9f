package dev.flowgraph.ops.math;

import static dev.flowgraph.ops.TestRuns.eval;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pow, Mod, Maximum and Minimum against NumPy on edge operands (negative operands, signed zeros,
 * NaN, ±infinity, extremes, integer overflow), in every numeric dtype; floats must match bit for
 * bit, the sign of zero included. The expected values are in {@code math/binary_golden.txt},
 * written by {@code math/binary_golden.py}; regenerate with
 * {@code python3 engine-ops/src/test/resources/math/binary_golden.py}.
 */
class BinaryGoldenTest {
    /** The golden cases of one op and dtype, in file order. */
    record Group(String op, DType dtype, List<String[]> rows) {
        @Override
        public String toString() {
            return op + " " + dtype + " (" + rows.size() + " cases)";
        }
    }

    static Stream<Group> groups() throws IOException {
        Map<String, Group> groups = new LinkedHashMap<>();
        try (InputStream in = BinaryGoldenTest.class.getResourceAsStream("/math/binary_golden.txt")) {
            assertNotNull(in, "math/binary_golden.txt is missing from the test resources");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split(" ");
                assertEquals(5, f.length, line);
                DType dtype = DType.valueOf(f[1].toUpperCase(java.util.Locale.ROOT));
                groups.computeIfAbsent(f[0] + " " + f[1], k -> new Group(f[0], dtype, new ArrayList<>()))
                        .rows().add(new String[] {f[2], f[3], f[4]});
            }
        }
        assertEquals(16, groups.size(), "4 ops in 4 dtypes");
        return groups.values().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void matchesNumPy(Group group) {
        try (Graph g = new Graph()) {
            Ops tf = Ops.on(g);
            Map<String, BinaryOperator<Output>> ops = Map.of("pow", tf::pow, "mod", tf::mod, "maximum", tf::maximum,
                    "minimum", tf::minimum);
            int n = group.rows().size();
            Tensor out = eval(ops.get(group.op()).apply(tf.constant(column(group, 0)), tf.constant(column(group, 1))));
            Tensor expected = column(group, 2);
            assertEquals(group.dtype(), out.dtype());
            assertEquals(Shape.of(n), out.shape());
            List<String> wrong = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (!sameValue(group.dtype(), out, expected, i)) {
                    String[] row = group.rows().get(i);
                    wrong.add(group.op() + "(" + row[0] + ", " + row[1] + ") = " + value(out, i) + ", NumPy "
                            + value(expected, i));
                }
            }
            assertTrue(wrong.isEmpty(), wrong.size() + " of " + n + " differ: " + wrong);
        }
    }

    private static Tensor column(Group group, int c) {
        int n = group.rows().size();
        Shape shape = Shape.of(n);
        switch (group.dtype()) {
            case FLOAT32: {
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    double d = Double.parseDouble(group.rows().get(i)[c]);
                    v[i] = (float) d;
                    assertTrue(Double.isNaN(d) || v[i] == d, "not a float32 value: " + group.rows().get(i)[c]);
                }
                return Tensor.of(v, shape);
            }
            case FLOAT64: {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = Double.parseDouble(group.rows().get(i)[c]);
                }
                return Tensor.of(v, shape);
            }
            case INT32: {
                int[] v = new int[n];
                for (int i = 0; i < n; i++) {
                    v[i] = Integer.parseInt(group.rows().get(i)[c]);
                }
                return Tensor.of(v, shape);
            }
            default: {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    v[i] = Long.parseLong(group.rows().get(i)[c]);
                }
                return Tensor.of(v, shape);
            }
        }
    }

    /** Equal bits for floats (any NaN matches any NaN; -0.0 differs from 0.0), equal values otherwise. */
    private static boolean sameValue(DType dtype, Tensor a, Tensor b, int i) {
        switch (dtype) {
            case FLOAT32:
                return Float.floatToIntBits(a.toFloatArray()[i]) == Float.floatToIntBits(b.toFloatArray()[i]);
            case FLOAT64:
                return Double.doubleToLongBits(a.toDoubleArray()[i]) == Double.doubleToLongBits(b.toDoubleArray()[i]);
            default:
                return a.toLongArray()[i] == b.toLongArray()[i];
        }
    }

    private static String value(Tensor t, int i) {
        switch (t.dtype()) {
            case FLOAT32:
                return Float.toString(t.toFloatArray()[i]);
            case FLOAT64:
                return Double.toString(t.toDoubleArray()[i]);
            default:
                return Long.toString(t.toLongArray()[i]);
        }
    }
}
