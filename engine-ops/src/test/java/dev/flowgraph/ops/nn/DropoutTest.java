package dev.flowgraph.ops.nn;

import static dev.flowgraph.ops.TestRuns.eval;
import static dev.flowgraph.ops.nn.SoftmaxTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.GraphBuildException;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.TestRuns;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dropout: rate of kept elements, scaling, reproducibility of the mask, dtypes and refusals. */
class DropoutTest {
    private static final int N = 100_000;
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);

    private Output ones(DType dtype, long... dims) {
        double[] d = new double[(int) Shape.of(dims).size()];
        Arrays.fill(d, 1);
        Tensor t = Tensor.of(d, Shape.of(dims));
        return tf.constant(dtype == DType.FLOAT64 ? t : NnGoldenTest.toFloat(t));
    }

    @Test
    void keepsAboutOneMinusRateAndScalesThem() {
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            // rate 0.25: kept values 1 / 0.75 = 4/3; expected 75,000 kept, standard deviation 137.
            double[] y = eval(tf.dropout(ones(dtype, N), 0.25, 3)).toDoubleArray();
            double scaled = dtype == DType.FLOAT64 ? 1 / 0.75 : (float) (1 / 0.75);
            long kept = Arrays.stream(y).filter(v -> v == scaled).count();
            long zero = Arrays.stream(y).filter(v -> v == 0).count();
            assertEquals(N, kept + zero, "every value is 0 or 4/3");
            assertEquals(75_000, kept, 700, dtype.toString());
        }
    }

    @Test
    void rateZeroIsTheIdentityAndZeroStaysZero() {
        Output x = tf.constant(Tensor.vector(1.5, -2.0, 0.0));
        assertEquals(Tensor.vector(1.5, -2.0, 0.0), eval(tf.dropout(x, 0.0, 9)));
        Output z = tf.constant(Tensor.zeros(DType.FLOAT32, Shape.of(10)));
        assertEquals(Tensor.zeros(DType.FLOAT32, Shape.of(10)), eval(tf.dropout(z, 0.5, 9)));
        assertEquals(Shape.of(0, 3), eval(tf.dropout(tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(0, 3))), 0.5, 1))
                .shape());
    }

    @Test
    void theMaskIsTheSameOnEveryRunAndThreadCountAndChangesWithTheSeed() {
        Output y = tf.dropout(ones(DType.FLOAT64, 300, 300), 0.5, 77);
        Tensor one = TestRuns.eval(y, 1, Map.of());
        assertEquals(one, TestRuns.eval(y, 4, Map.of()));
        assertEquals(one, TestRuns.eval(y, 1, Map.of()));
        assertNotEquals(one, eval(tf.dropout(ones(DType.FLOAT64, 300, 300), 0.5, 78)));
    }

    @Test
    void infersTheInputShapeAndRefusesBadRatesAndIntegers() {
        Output x = tf.placeholder("x", DType.FLOAT32, Shape.of(-1, 8));
        assertEquals(Shape.of(-1, 8), tf.dropout(x, 0.1, 1).shape());
        for (double bad : new double[] {1.0, -0.1, Double.NaN}) {
            GraphBuildException e = assertThrows(GraphBuildException.class, () -> tf.withName("d").dropout(x, bad, 1));
            assertMessage(e, "'d'", "Dropout", "float32[-1, 8]", "rate " + bad, "[0, 1)");
        }
        Output ints = tf.constant(Tensor.vector(1, 2));
        assertMessage(assertThrows(GraphBuildException.class, () -> tf.dropout(ints, 0.5, 1)), "int32[2]",
                "cast to float32");
    }
}
