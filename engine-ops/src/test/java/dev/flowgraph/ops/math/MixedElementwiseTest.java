package dev.flowgraph.ops.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.Output;
import dev.flowgraph.Result;
import dev.flowgraph.Runner;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.kernels.Arithmetic;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A program that mixes every float op with a loop of its own (the elementwise arithmetic,
 * activations, exp and log family, and comparisons) in one run, several times, on tensors of
 * several blocks: each result must carry the bits of the Java expression the op computed per
 * element through its lambda before it had a loop of its own (the single-op path), whatever the
 * other ops in the program and the pool size. Every NaN counts as the same value: Java leaves the
 * sign and payload of a NaN that arithmetic produces unspecified, and on x86 they follow the
 * order of the operands the JIT chose (softplus of NaN is +NaN compiled and -NaN interpreted).
 */
class MixedElementwiseTest {
    private static final int COLUMNS = 20_000;
    private static final String[] UNARY = {"neg", "abs", "square", "sqrt", "rsqrt", "reciprocal", "relu", "exp", "log",
        "log1p", "tanh", "sigmoid", "softplus"};
    private static final String[] BINARY = {"add", "sub", "mul", "div", "maximum", "minimum", "pow",
        "squaredDifference"};
    private static final String[] COMPARISONS = {"greater", "greaterEqual", "less", "lessEqual", "equal", "notEqual"};

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void everyOpKeepsTheBitsOfItsScalarExpression(int threads) {
        // x: [2, COLUMNS] (40,000 elements, three blocks); y the same shape, and s a scalar for
        // the broadcast path. Special values first, then seeded values in (-6, 6) with repeats
        // between x and y so that comparisons see equal operands.
        SplittableRandom random = new SplittableRandom(3);
        int n = 2 * COLUMNS;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] special = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, -0.0, 1, -1, 100, -100};
        for (int i = 0; i < n; i++) {
            x[i] = i < special.length ? special[i] : random.nextDouble(-6, 6);
            y[i] = i % 5 == 0 ? x[i] : i < 4 * special.length ? special[i % special.length] : random.nextDouble(-6, 6);
        }
        double s = 1.5;
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Graph g = new Graph();
            Ops tf = Ops.on(g);
            Output vx = tf.placeholder("x", dtype, Shape.of(2, COLUMNS));
            Output vy = tf.placeholder("y", dtype, Shape.of(2, COLUMNS));
            Output vs = tf.placeholder("s", dtype, Shape.scalar());
            List<Output> fetches = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (String op : UNARY) {
                fetches.add(unary(tf, op, vx));
                names.add(op);
            }
            for (String op : BINARY) {
                fetches.add(binary(tf, op).apply(vx, vy));
                names.add(op);
                fetches.add(binary(tf, op).apply(vx, vs));
                names.add(op + " by a scalar");
            }
            for (String op : COMPARISONS) {
                fetches.add(binary(tf, op).apply(vx, vy));
                names.add(op);
                fetches.add(binary(tf, op).apply(vx, vs));
                names.add(op + " by a scalar");
            }
            try (Session session = new Session(g, threads)) {
                for (int repeat = 0; repeat < 3; repeat++) {
                    Runner r = session.runner().feed(vx, tensor(dtype, x)).feed(vy, tensor(dtype, y))
                            .feed(vs, dtype == DType.FLOAT32 ? Tensor.scalar((float) s) : Tensor.scalar(s));
                    fetches.forEach(r::fetch);
                    Result result = r.run();
                    for (int k = 0; k < fetches.size(); k++) {
                        String name = names.get(k);
                        String op = name.split(" ")[0];
                        boolean byScalar = name.endsWith("scalar");
                        assertBits(dtype, op, result.get(k), x, byScalar ? null : y, s, name + " on " + dtype);
                    }
                }
            }
        }
    }

    private static Tensor tensor(DType dtype, double[] values) {
        if (dtype == DType.FLOAT64) {
            return Tensor.of(values, Shape.of(2, COLUMNS));
        }
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return Tensor.of(f, Shape.of(2, COLUMNS));
    }

    private static Output unary(Ops tf, String op, Output x) {
        return switch (op) {
            case "neg" -> tf.neg(x);
            case "abs" -> tf.abs(x);
            case "square" -> tf.square(x);
            case "sqrt" -> tf.sqrt(x);
            case "rsqrt" -> tf.rsqrt(x);
            case "reciprocal" -> tf.reciprocal(x);
            case "relu" -> tf.relu(x);
            case "exp" -> tf.exp(x);
            case "log" -> tf.log(x);
            case "log1p" -> tf.log1p(x);
            case "tanh" -> tf.tanh(x);
            case "sigmoid" -> tf.sigmoid(x);
            default -> tf.softplus(x);
        };
    }

    private static BiFunction<Output, Output, Output> binary(Ops tf, String op) {
        return switch (op) {
            case "add" -> tf::add;
            case "sub" -> tf::sub;
            case "mul" -> tf::mul;
            case "div" -> tf::div;
            case "maximum" -> tf::maximum;
            case "minimum" -> tf::minimum;
            case "pow" -> tf::pow;
            case "squaredDifference" -> tf::squaredDifference;
            case "greater" -> tf::greater;
            case "greaterEqual" -> tf::greaterEqual;
            case "less" -> tf::less;
            case "lessEqual" -> tf::lessEqual;
            case "equal" -> tf::equal;
            default -> tf::notEqual;
        };
    }

    /** Checks every element against the scalar expression, y null meaning the scalar s. */
    private static void assertBits(DType dtype, String op, Tensor got, double[] x, double[] y, double s, String what) {
        boolean comparison = List.of(COMPARISONS).contains(op);
        boolean[] b = comparison ? got.toBooleanArray() : null;
        float[] f = !comparison && dtype == DType.FLOAT32 ? got.toFloatArray() : null;
        double[] d = !comparison && dtype == DType.FLOAT64 ? got.toDoubleArray() : null;
        for (int i = 0; i < x.length; i++) {
            double yi = y == null ? s : y[i];
            if (comparison) {
                // Floats widen exactly, so the comparison in double is the one in float.
                double xi = dtype == DType.FLOAT32 ? (float) x[i] : x[i];
                double yw = dtype == DType.FLOAT32 ? (float) yi : yi;
                assertEquals(compare(op, xi, yw), b[i], what + " at " + i);
            } else if (f != null) {
                assertEquals(Float.floatToIntBits(f32(op, (float) x[i], (float) yi)), Float.floatToIntBits(f[i]),
                        what + " at " + i + " of " + (float) x[i] + ", " + (float) yi);
            } else {
                assertEquals(Double.doubleToLongBits(f64(op, x[i], yi)), Double.doubleToLongBits(d[i]),
                        what + " at " + i + " of " + x[i] + ", " + yi);
            }
        }
    }

    /** The FLOAT32 lambdas the ops had (y unused by unary ops). */
    private static float f32(String op, float x, float y) {
        return switch (op) {
            case "neg" -> -x;
            case "abs" -> Math.abs(x);
            case "square" -> x * x;
            case "sqrt" -> (float) Math.sqrt(x);
            case "rsqrt" -> 1f / (float) Math.sqrt(x);
            case "reciprocal" -> 1f / x;
            case "relu" -> Math.max(x, 0f);
            case "exp" -> (float) StrictMath.exp(x);
            case "log" -> (float) StrictMath.log(x);
            case "log1p" -> (float) StrictMath.log1p(x);
            case "tanh" -> (float) StrictMath.tanh(x);
            case "sigmoid" -> (float) Arithmetic.sigmoid(x);
            case "softplus" -> (float) Arithmetic.softplus(x);
            case "add" -> x + y;
            case "sub" -> x - y;
            case "mul" -> x * y;
            case "div" -> x / y;
            case "maximum" -> (float) Arithmetic.maximum(x, y);
            case "minimum" -> (float) Arithmetic.minimum(x, y);
            case "pow" -> (float) Arithmetic.pow(x, y);
            default -> (x - y) * (x - y);
        };
    }

    /** The FLOAT64 lambdas the ops had (y unused by unary ops). */
    private static double f64(String op, double x, double y) {
        return switch (op) {
            case "neg" -> -x;
            case "abs" -> Math.abs(x);
            case "square" -> x * x;
            case "sqrt" -> Math.sqrt(x);
            case "rsqrt" -> 1 / Math.sqrt(x);
            case "reciprocal" -> 1 / x;
            case "relu" -> Math.max(x, 0.0);
            case "exp" -> StrictMath.exp(x);
            case "log" -> StrictMath.log(x);
            case "log1p" -> StrictMath.log1p(x);
            case "tanh" -> StrictMath.tanh(x);
            case "sigmoid" -> Arithmetic.sigmoid(x);
            case "softplus" -> Arithmetic.softplus(x);
            case "add" -> x + y;
            case "sub" -> x - y;
            case "mul" -> x * y;
            case "div" -> x / y;
            case "maximum" -> Arithmetic.maximum(x, y);
            case "minimum" -> Arithmetic.minimum(x, y);
            case "pow" -> Arithmetic.pow(x, y);
            default -> (x - y) * (x - y);
        };
    }

    private static boolean compare(String op, double x, double y) {
        return switch (op) {
            case "greater" -> x > y;
            case "greaterEqual" -> x >= y;
            case "less" -> x < y;
            case "lessEqual" -> x <= y;
            case "equal" -> x == y;
            default -> x != y;
        };
    }
}
