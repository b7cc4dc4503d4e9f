package dev.flowgraph.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.GraphBuildException;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.TestRuns;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gradients of the array ops: by hand, other forms against finite differences, second order, refusals. */
class ArrayGradientsTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);
    private final Output x = tf.constant(Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}}));

    private double[] gradientOfSum(Output y) {
        return TestRuns.eval(Gradients.of(tf.sum(y), List.of(x)).get(0)).toDoubleArray();
    }

    @Test
    void gatherWithRepeatedIndicesAccumulates() {
        // rows 1, 0, 1, 1: row 0 is used once, row 1 three times
        Output rows = tf.gather(x, tf.constant(Tensor.vector(1, 0, 1, 1)), 0);
        assertArrayEquals(new double[] {1, 1, 1, 3, 3, 3}, gradientOfSum(rows), 0);
        // columns 2, 2 along the last axis: column 2 counts twice, the others not at all
        Output cols = tf.gather(x, tf.constant(Tensor.vector(2L, 2L)), -1);
        assertArrayEquals(new double[] {0, 0, 2, 0, 0, 2}, gradientOfSum(cols), 0);
    }

    @Test
    void sliceTileConcatAndStackByHand() {
        // the middle column only
        Output mid = tf.slice(x, new long[] {0, 1}, new long[] {2, 1});
        assertArrayEquals(new double[] {0, 1, 0, 0, 1, 0}, gradientOfSum(mid), 0);
        // each element is copied 2 * 3 = 6 times
        assertArrayEquals(new double[] {6, 6, 6, 6, 6, 6}, gradientOfSum(tf.tile(x, 2, 3)), 0);
        // x joined with itself and its first row: 2 copies of every element, plus one of row 0
        Output row0 = tf.slice(x, new long[] {0, 0}, new long[] {1, -1});
        assertArrayEquals(new double[] {3, 3, 3, 2, 2, 2}, gradientOfSum(tf.concat(0, x, row0, x)), 0);
        // stack(x, 2x): d/dx = 1 + 2
        assertArrayEquals(new double[] {3, 3, 3, 3, 3, 3},
                gradientOfSum(tf.stack(1, x, tf.add(x, x))), 0);
        // the weight of x[i, j] after transposing and weighting by w[j, i] = 10 j + i is 10 j + i
        Output w = tf.constant(Tensor.matrix(new double[][] {{0, 1}, {10, 11}, {20, 21}}));
        assertArrayEquals(new double[] {0, 10, 20, 1, 11, 21}, gradientOfSum(tf.mul(tf.transpose(x), w)), 0);
    }

    @Test
    void otherFormsAgainstFiniteDifferences() {
        SampleInputs.check((t, in) -> t.gather(in.input(1, 2, 3, 2), t.constant(Tensor.of(new int[] {2, 0, 2, 1},
                Shape.of(2, 2))), 1));
        SampleInputs.check((t, in) -> t.concat(0, in.input(1, 1, 3), in.input(2, 2, 3)));
        SampleInputs.check((t, in) -> t.stack(0, in.input(1, 2, 2), in.input(2, 2, 2)));
        SampleInputs.check((t, in) -> t.transpose(in.input(1, 2, 3, 2)));
        SampleInputs.check((t, in) -> t.squeeze(in.unknown(1, Shape.unknown(), 2, 1, 3)));
        SampleInputs.check((t, in) -> t.tile(in.input(1, 2, 1, 2), 1, 3, 2));
    }

    @Test
    void secondOrderThroughGatherScatterAddSliceAndPad() {
        // d/dp of the gradient of sum(gather(p)^2) goes through scatterAdd's gradient, a gather.
        SampleInputs.check((t, in) -> {
            Output p = in.input(1, 4, 2);
            Output picked = t.gather(p, t.constant(Tensor.vector(3, 1, 3)), 0);
            Output w = t.constant(GradientSample.uniform(4, -1, 1, 3, 2));
            return Gradients.of(t.sum(t.mul(t.mul(picked, picked), w)), List.of(p)).get(0);
        });
        // and of sum(slice(p)^2) through pad's gradient, a slice.
        SampleInputs.check((t, in) -> {
            Output p = in.input(2, 3, 4);
            Output box = t.slice(p, new long[] {1, 1}, new long[] {2, 2});
            return Gradients.of(t.sum(t.mul(box, box)), List.of(p)).get(0);
        });
    }

    @Test
    void gradientsTheStaticShapesDoNotDetermineAreRefused() {
        Output u = tf.placeholder("u", DType.FLOAT64, Shape.of(-1, 2));
        Output joined = tf.withName("j").concat(0, u, tf.slice(x, new long[] {0, 0}, new long[] {-1, 2}));
        GraphBuildException concat = assertThrows(GraphBuildException.class,
                () -> Gradients.of(tf.sum(joined), List.of(u)));
        assertMessage(concat, "cannot differentiate node 'j' (op Concat)", "input 0 ([-1, 2])",
                "unknown size along axis 0");
        Output box = tf.withName("s").slice(u, new long[] {0, 0}, new long[] {1, 2});
        GraphBuildException slice = assertThrows(GraphBuildException.class,
                () -> Gradients.of(tf.sum(box), List.of(u)));
        assertMessage(slice, "cannot differentiate node 's' (op Slice)", "unknown size on axis 0");
        Output v = tf.placeholder("v", DType.FLOAT64, Shape.of(-1, -1));
        Output tiled = tf.withName("t").tile(v, 2, 2);
        GraphBuildException tile = assertThrows(GraphBuildException.class,
                () -> Gradients.of(tf.sum(tiled), List.of(v)));
        assertMessage(tile, "cannot differentiate node 't' (op Tile)", "more than one unknown dimension");
    }

    private static void assertMessage(Exception e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message lacks '" + p + "': " + e.getMessage());
        }
    }
}
