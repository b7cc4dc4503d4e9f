package dev.flowgraph.ops.array;

import static dev.flowgraph.ops.array.ArrayTesting.assertIota;
import static dev.flowgraph.ops.array.ArrayTesting.assertMessage;
import static dev.flowgraph.ops.array.ArrayTesting.iota;
import static dev.flowgraph.ops.array.ArrayTesting.run;
import static dev.flowgraph.ops.array.ArrayTesting.runFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.GraphBuildException;
import dev.flowgraph.KernelException;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ReshapeLike: x's elements in another tensor's run-time shape. */
class ReshapeLikeTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);

    @Test
    void takesTheRunTimeShapeOfLike() {
        Output x = tf.constant(iota(DType.INT32, 2, 3));
        Output like = tf.placeholder("like", DType.BOOL, Shape.of(-1, -1));
        Output y = tf.withName("y").reshapeLike(x, like);
        assertEquals(Shape.of(-1, -1), y.shape());
        Tensor out = run(g, "y", Map.of("like", Tensor.zeros(DType.BOOL, Shape.of(3, 2))));
        assertIota(out, DType.INT32, Shape.of(3, 2), 0, 1, 2, 3, 4, 5);
    }

    @Test
    void unequalSizesAreRefusedWhenKnownAndFailTheRunOtherwise() {
        Output x = tf.constant(iota(DType.FLOAT64, 2, 3));
        GraphBuildException e = assertThrows(GraphBuildException.class,
                () -> tf.withName("r").reshapeLike(x, tf.constant(iota(DType.FLOAT64, 4))));
        assertMessage(e, "'r'", "ReshapeLike", "cannot reshape [2, 3] (6 elements) like [4] (4 elements)");
        Output like = tf.placeholder("like", DType.FLOAT64, Shape.of(-1));
        tf.withName("s").reshapeLike(x, like);
        KernelException k = runFails(g, "s", Map.of("like", Tensor.vector(1.0, 2.0)));
        assertMessage(k, "'s'", "cannot reshape [2, 3] (6 elements) like [2] (2 elements)");
    }
}
