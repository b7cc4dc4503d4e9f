package dev.flowgraph.ops.array;

import static dev.flowgraph.ops.TestRuns.eval;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.Output;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import org.junit.jupiter.api.Test;

/** Identity passes any dtype through, as the very same tensor. */
class IdentityTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);

    @Test
    void passesBoolThrough() {
        Tensor t = Tensor.of(new boolean[] {true, false, true}, Shape.of(3));
        assertEquals(t, eval(tf.identity(tf.constant(t))));
    }

    @Test
    void passesEveryNumericDTypeThrough() {
        for (Tensor t : new Tensor[] {Tensor.vector(1f, 2f), Tensor.vector(1.0, -0.0), Tensor.vector(1, 2),
                Tensor.vector(1L << 40), Tensor.scalar(3.0)}) {
            assertEquals(t, eval(tf.identity(tf.constant(t))));
        }
    }

    @Test
    void returnsTheInputTensorItself() {
        Tensor fed = Tensor.matrix(new double[][] {{1, 2}, {3, 4}});
        tf.withName("out").identity(tf.placeholder("x", DType.FLOAT64, Shape.of(-1, 2)));
        try (Session s = new Session(g, 1)) {
            assertSame(fed, s.runner().feed("x", fed).fetch("out").run().get("out"));
        }
    }

    @Test
    void keepsTheStaticSpec() {
        Output x = tf.placeholder("x", DType.BOOL, Shape.of(-1, 7));
        Output y = tf.identity(x);
        assertEquals(DType.BOOL, y.dtype());
        assertEquals(Shape.of(-1, 7), y.shape());
        Output u = tf.identity(tf.placeholder("u", DType.INT32, Shape.unknown()));
        assertEquals(Shape.unknown(), u.shape());
    }
}
