package dev.flowgraph.ops.math;

import static dev.flowgraph.ops.TestRuns.eval;
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
import org.junit.jupiter.api.Test;

/** Neg on every numeric dtype: integers wrap, floats flip their sign bit. */
class NegTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);

    private Tensor neg(Tensor x) {
        return eval(tf.neg(tf.constant(x)));
    }

    @Test
    void negatesFloat32() {
        assertArrayEquals(new float[] {-1.5f, 2f, Float.NEGATIVE_INFINITY}, neg(Tensor.vector(1.5f, -2f,
                Float.POSITIVE_INFINITY)).toFloatArray());
    }

    @Test
    void negatesFloat64FlippingTheSignOfZero() {
        // Tensor equality is bitwise, so -0.0 and 0.0 are told apart here.
        assertEquals(Tensor.vector(-0.0, 0.0, -3.25), neg(Tensor.vector(0.0, -0.0, 3.25)));
    }

    @Test
    void negatesInt32WrappingAtMinValue() {
        // -MIN_VALUE = 2^31 is one past MAX_VALUE and wraps to MIN_VALUE.
        assertArrayEquals(new int[] {-7, 7, -Integer.MAX_VALUE, Integer.MIN_VALUE},
                neg(Tensor.vector(7, -7, Integer.MAX_VALUE, Integer.MIN_VALUE)).toIntArray());
    }

    @Test
    void negatesInt64WrappingAtMinValue() {
        assertArrayEquals(new long[] {-(1L << 40), Long.MIN_VALUE},
                neg(Tensor.vector(1L << 40, Long.MIN_VALUE)).toLongArray());
    }

    @Test
    void keepsShapesIncludingEmptyAndScalar() {
        assertEquals(Tensor.matrix(new double[][] {{-1, -2}, {-3, -4}}),
                neg(Tensor.matrix(new double[][] {{1, 2}, {3, 4}})));
        assertEquals(Tensor.scalar(-2), neg(Tensor.scalar(2)));
        assertEquals(Shape.of(0, 4), neg(Tensor.zeros(DType.FLOAT32, Shape.of(0, 4))).shape());
    }

    @Test
    void infersTheInputsStaticShape() {
        Output x = tf.placeholder("x", DType.FLOAT32, Shape.of(-1, 3));
        assertEquals(Shape.of(-1, 3), tf.neg(x).shape());
        assertEquals(DType.FLOAT32, tf.neg(x).dtype());
    }

    @Test
    void refusesBool() {
        GraphBuildException e = assertThrows(GraphBuildException.class, () -> tf.withName("n").neg(tf.constant(true)));
        AddTest.assertMessage(e, "'n'", "Neg", "bool[]", "bool is not a numeric dtype");
    }
}
