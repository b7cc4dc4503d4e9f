package dev.flowgraph.ops.math;

import static dev.flowgraph.ops.TestRuns.eval;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.GraphBuildException;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.TestRuns;
import dev.flowgraph.spi.Attrs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cast where NumPy leaves the result to the platform (NaN, infinities and out-of-range floats to
 * integers: Java's cast decides), wrapping, BOOL both ways, the same-dtype shortcut, and the shape
 * rule. The NumPy-defined conversions are checked in {@link UnaryGoldenTest}.
 */
class CastTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);

    private Tensor cast(Tensor x, DType dtype) {
        return eval(tf.cast(tf.constant(x), dtype));
    }

    @Test
    void floatsToInt32TruncateWithNanZeroAndSaturation() {
        // NaN -> 0; +-inf and +-3e9 (beyond +-2^31) -> MAX/MIN; 2.9 -> 2, -2.9 -> -2; -0.0 -> 0.
        int[] expected = {0, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE, 2, -2, 0};
        assertArrayEquals(expected, cast(Tensor.vector(Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, 3e9, -3e9, 2.9, -2.9, -0.0), DType.INT32).toIntArray());
        assertArrayEquals(expected, cast(Tensor.vector(Float.NaN, Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY, 3e9f, -3e9f, 2.9f, -2.9f, -0f), DType.INT32).toIntArray());
    }

    @Test
    void floatsToInt64TruncateWithNanZeroAndSaturation() {
        // 3e9 fits in a long; 1e19 > 2^63 - 1 saturates; -7.5 -> -7.
        long[] expected = {0, Long.MAX_VALUE, Long.MIN_VALUE, 3_000_000_000L, Long.MAX_VALUE, -7};
        assertArrayEquals(expected, cast(Tensor.vector(Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, 3e9, 1e19, -7.5), DType.INT64).toLongArray());
        assertArrayEquals(expected, cast(Tensor.vector(Float.NaN, Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY, 3e9f, 1e19f, -7.5f), DType.INT64).toLongArray());
    }

    @Test
    void int64ToInt32KeepsTheLow32Bits() {
        // 2^32 + 5 -> 5; 2^31 -> -2^31; -2^31 - 1 -> 2^31 - 1.
        assertArrayEquals(new int[] {5, Integer.MIN_VALUE, Integer.MAX_VALUE},
                cast(Tensor.vector((1L << 32) + 5, 1L << 31, -(1L << 31) - 1), DType.INT32).toIntArray());
    }

    @Test
    void int64ToFloat32RoundsOnce() {
        // 2^62 + 2^38 + 1 lies just above the midpoint 2^62 + 2^38 of the floats 2^62 and
        // 2^62 + 2^39, so it rounds up; through a double it would first become the midpoint and
        // then round to the even 2^62.
        long x = (1L << 62) + (1L << 38) + 1;
        assertArrayEquals(new float[] {(float) ((1L << 62) + (1L << 39))},
                cast(Tensor.vector(x), DType.FLOAT32).toFloatArray());
    }

    @Test
    void numbersToBoolAreNonZero() {
        assertArrayEquals(new boolean[] {true, false, false, true, true},
                cast(Tensor.vector(Double.NaN, -0.0, 0.0, 1e-300, Double.NEGATIVE_INFINITY), DType.BOOL)
                        .toBooleanArray());
        assertArrayEquals(new boolean[] {false, true, true},
                cast(Tensor.vector(0, -1, Integer.MIN_VALUE), DType.BOOL).toBooleanArray());
        assertArrayEquals(new boolean[] {true, false}, cast(Tensor.vector(1L << 40, 0L), DType.BOOL).toBooleanArray());
    }

    @Test
    void boolToNumbersIsOneOrZero() {
        Tensor b = Tensor.vector(true, false);
        assertEquals(Tensor.vector(1f, 0f), cast(b, DType.FLOAT32));
        assertEquals(Tensor.vector(1.0, 0.0), cast(b, DType.FLOAT64));
        assertEquals(Tensor.vector(1, 0), cast(b, DType.INT32));
        assertEquals(Tensor.vector(1L, 0L), cast(b, DType.INT64));
    }

    @Test
    void castToTheSameDTypeReturnsTheInputTensor() {
        for (Tensor x : List.of(Tensor.vector(1f, Float.NaN), Tensor.vector(-0.0), Tensor.vector(3),
                Tensor.vector(4L), Tensor.vector(true))) {
            assertSame(x, cast(x, x.dtype()));
        }
    }

    @Test
    void keepsTheShapeAndInfersTheNewDType() {
        Output x = tf.placeholder("x", DType.FLOAT64, Shape.of(-1, 2));
        Output y = tf.cast(x, DType.INT64);
        assertEquals(DType.INT64, y.dtype());
        assertEquals(Shape.of(-1, 2), y.shape());
        Tensor out = TestRuns.eval(y, 1, Map.of("x", Tensor.matrix(new double[][] {{1.5, -1.5}, {2e10, 0}})));
        assertEquals(Tensor.matrix(new long[][] {{1, -1}, {20_000_000_000L, 0}}), out);
        assertEquals(Shape.of(0), cast(Tensor.zeros(DType.INT32, Shape.of(0)), DType.BOOL).shape());
        assertEquals(Tensor.scalar(3f), cast(Tensor.scalar(3L), DType.FLOAT32));
        assertEquals(Shape.unknown(), tf.cast(tf.placeholder("u", DType.BOOL, Shape.unknown()), DType.INT32).shape());
    }

    @Test
    void refusesAMissingOrMistypedDTypeAttribute() {
        Output x = tf.constant(Tensor.vector(1.0));
        GraphBuildException missing = assertThrows(GraphBuildException.class,
                () -> tf.withName("c").node(Cast.TYPE, Attrs.empty(), x));
        AddTest.assertMessage(missing, "'c'", "Cast", "float64[1]", "attribute 'dtype' is missing");
        GraphBuildException mistyped = assertThrows(GraphBuildException.class,
                () -> tf.withName("d").node(Cast.TYPE, Attrs.of(Cast.DTYPE, "int32"), x));
        AddTest.assertMessage(mistyped, "'d'", "Cast", "attribute 'dtype' is a String, not a DType");
    }
}
