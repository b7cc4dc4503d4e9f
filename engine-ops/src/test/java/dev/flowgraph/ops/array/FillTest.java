package dev.flowgraph.ops.array;

import static dev.flowgraph.ops.TestRuns.eval;
import static dev.flowgraph.ops.array.ArrayTesting.assertMessage;
import static dev.flowgraph.ops.array.ArrayTesting.iota;
import static dev.flowgraph.ops.array.ArrayTesting.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.GraphBuildException;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fill, ZerosLike, OnesLike, Shape, Size and Range: tensors made from shapes and scalars. */
class FillTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);

    @Test
    void fillRepeatsAScalarOfAnyDType() {
        Tensor f = eval(tf.fill(Shape.of(2, 3), Tensor.scalar(2.5f)));
        assertEquals(DType.FLOAT32, f.dtype());
        assertArrayEquals(new float[] {2.5f, 2.5f, 2.5f, 2.5f, 2.5f, 2.5f}, f.toFloatArray());
        assertEquals(Tensor.vector(true, true), eval(tf.fill(Shape.of(2), Tensor.scalar(true))));
        assertEquals(Tensor.vector(-7L, -7L, -7L), eval(tf.fill(Shape.of(3), Tensor.scalar(-7L))));
        assertEquals(Tensor.vector(9, 9), eval(tf.fill(Shape.of(2), Tensor.scalar(9))));
        assertEquals(Tensor.scalar(Double.NaN), eval(tf.fill(Shape.scalar(), Tensor.scalar(Double.NaN))));
        assertEquals(Shape.of(0, 3), eval(tf.fill(Shape.of(0, 3), Tensor.scalar(1.0))).shape());
        // 1000 elements: the doubling copy crosses several powers of two
        double[] big = eval(tf.fill(Shape.of(10, 100), Tensor.scalar(0.25))).toDoubleArray();
        assertEquals(1000, big.length);
        assertEquals(1000, Arrays.stream(big).filter(v -> v == 0.25).count());
    }

    @Test
    void fillRefusals() {
        GraphBuildException vector = assertThrows(GraphBuildException.class,
                () -> tf.withName("f").fill(Shape.of(2), Tensor.vector(1.0, 2.0)));
        assertMessage(vector, "'f'", "Fill", "the fill value must be a scalar, not float64[2]");
        GraphBuildException unknown = assertThrows(GraphBuildException.class,
                () -> tf.withName("u").fill(Shape.of(-1, 2), Tensor.scalar(1.0)));
        assertMessage(unknown, "'u'", "fill needs a fully defined shape, not [-1, 2]");
    }

    @Test
    void zerosAndOnesLikeEveryDType() {
        assertEquals(Tensor.matrix(new double[][] {{0, 0}, {0, 0}}),
                eval(tf.zerosLike(tf.constant(Tensor.matrix(new double[][] {{1, 2}, {3, Double.NaN}})))));
        assertEquals(Tensor.matrix(new double[][] {{1, 1}, {1, 1}}),
                eval(tf.onesLike(tf.constant(Tensor.matrix(new double[][] {{1, 2}, {3, Double.NaN}})))));
        assertEquals(Tensor.vector(0f, 0f), eval(tf.zerosLike(tf.constant(Tensor.vector(3f, -1f)))));
        assertEquals(Tensor.vector(1f, 1f), eval(tf.onesLike(tf.constant(Tensor.vector(3f, -1f)))));
        assertEquals(Tensor.vector(0, 0), eval(tf.zerosLike(tf.constant(Tensor.vector(5, 6)))));
        assertEquals(Tensor.vector(1, 1), eval(tf.onesLike(tf.constant(Tensor.vector(5, 6)))));
        assertEquals(Tensor.vector(0L), eval(tf.zerosLike(tf.constant(Tensor.vector(5L)))));
        assertEquals(Tensor.vector(1L), eval(tf.onesLike(tf.constant(Tensor.vector(5L)))));
        assertEquals(Tensor.vector(false, false), eval(tf.zerosLike(tf.constant(Tensor.vector(true, false)))));
        assertEquals(Tensor.vector(true, true), eval(tf.onesLike(tf.constant(Tensor.vector(true, false)))));
        assertEquals(Tensor.scalar(1L), eval(tf.onesLike(tf.constant(4L))));
        assertEquals(Shape.of(0, 2), eval(tf.onesLike(tf.constant(Tensor.zeros(DType.INT32, Shape.of(0, 2))))).shape());
    }

    @Test
    void zerosAndOnesLikeKeepTheStaticShape() {
        Output x = tf.placeholder("x", DType.INT64, Shape.of(-1, 3));
        Output ones = tf.withName("ones").onesLike(x);
        assertEquals(Shape.of(-1, 3), ones.shape());
        assertEquals(DType.INT64, ones.dtype());
        assertEquals(Shape.unknown(), tf.zerosLike(tf.placeholder("u", DType.BOOL, Shape.unknown())).shape());
        assertArrayEquals(new long[] {1, 1, 1, 1, 1, 1},
                run(g, "ones", Map.of("x", iota(DType.INT64, 2, 3))).toLongArray());
    }

    @Test
    void shapeAndSizeAreRuntimeValues() {
        Output x = tf.placeholder("x", DType.BOOL, Shape.of(-1, 3));
        Output shape = tf.withName("shape").shape(x);
        Output size = tf.withName("size").size(x);
        assertEquals(DType.INT64, shape.dtype());
        assertEquals(Shape.of(2), shape.shape());
        assertEquals(Shape.scalar(), size.shape());
        assertEquals(Tensor.vector(5L, 3L), run(g, "shape", Map.of("x", iota(DType.BOOL, 5, 3))));
        assertEquals(Tensor.scalar(15L), run(g, "size", Map.of("x", iota(DType.BOOL, 5, 3))));
        assertEquals(Tensor.vector(0L, 3L), run(g, "shape", Map.of("x", iota(DType.BOOL, 0, 3))));
        assertEquals(Tensor.scalar(0L), run(g, "size", Map.of("x", iota(DType.BOOL, 0, 3))));
        assertEquals(Shape.of(-1), tf.shape(tf.placeholder("u", DType.FLOAT32, Shape.unknown())).shape());
        Tensor scalarShape = eval(tf.shape(tf.constant(2.0)));
        assertEquals(Shape.of(0), scalarShape.shape());
        assertEquals(DType.INT64, scalarShape.dtype());
        assertEquals(Tensor.scalar(1L), eval(tf.size(tf.constant(2.0))));
    }

    @Test
    void rangeOfLongsIsInt64() {
        Tensor t = eval(tf.range(0, 5, 1));
        assertEquals(Tensor.vector(0L, 1L, 2L, 3L, 4L), t);
        // ceil(10 / 3) = 4 values
        assertEquals(Tensor.vector(0L, 3L, 6L, 9L), eval(tf.range(0, 10, 3)));
        // ceil(-10 / -3) = 4 values
        assertEquals(Tensor.vector(10L, 7L, 4L, 1L), eval(tf.range(10, 0, -3)));
        assertEquals(Tensor.vector(5L, 3L, 1L), eval(tf.range(5, 0, -2)));
        assertEquals(Shape.of(0), eval(tf.range(3, 3, 1)).shape());
        assertEquals(Shape.of(0), eval(tf.range(0, 5, -1)).shape());
        assertEquals(Shape.of(4), tf.range(0, 10, 3).shape());
    }

    @Test
    void rangeOfDoublesAndOtherDTypes() {
        // ceil((1 - 0) / 0.3) = ceil(3.33) = 4 values: 0, 0.3, 0.6, 0.9 (computed as start + i * delta)
        Tensor d = eval(tf.range(0.0, 1.0, 0.3));
        assertEquals(DType.FLOAT64, d.dtype());
        assertArrayEquals(new double[] {0, 0.3, 0.6, 3 * 0.3}, d.toDoubleArray(), 0.0);
        Tensor f = eval(tf.range(1, 2, 0.25, DType.FLOAT32));
        assertArrayEquals(new float[] {1f, 1.25f, 1.5f, 1.75f}, f.toFloatArray());
        assertEquals(Tensor.vector(-2, 0, 2), eval(tf.range(-2, 3, 2, DType.INT32)));
        assertEquals(Tensor.vector(2.5, 1.5, 0.5, -0.5), eval(tf.range(2.5, -1.0, -1.0)));
    }

    @Test
    void rangeRefusals() {
        GraphBuildException zero = assertThrows(GraphBuildException.class, () -> tf.withName("r").range(0, 5, 0));
        assertMessage(zero, "'r'", "Range", "delta is 0");
        GraphBuildException bool = assertThrows(GraphBuildException.class,
                () -> tf.withName("b").range(0, 2, 1, DType.BOOL));
        assertMessage(bool, "'b'", "range of bool is not defined");
        GraphBuildException frac = assertThrows(GraphBuildException.class,
                () -> tf.withName("f").range(0.5, 3, 1, DType.INT64));
        assertMessage(frac, "'f'", "a int64 range needs whole numbers", "not 0.5");
        // ceil(10 / 3) = 4 values; the last, 2147483649, is above int32 max 2147483647
        GraphBuildException wide = assertThrows(GraphBuildException.class,
                () -> tf.withName("w").range(2147483640.0, 2147483650.0, 3, DType.INT32));
        assertMessage(wide, "'w'", "leaves int32; use int64");
        GraphBuildException inf = assertThrows(GraphBuildException.class,
                () -> tf.withName("i").range(0, Double.POSITIVE_INFINITY, 1.0));
        assertMessage(inf, "'i'", "must be finite");
    }
}
