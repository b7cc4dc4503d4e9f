package dev.flowgraph.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowgraph.Output;
import dev.flowgraph.Runner;
import dev.flowgraph.Session;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a sample's gradients against central finite differences. The scalar differentiated is
 * {@code L = sum(y * w)} for a fixed random {@code w}, so every element of y's gradient is
 * exercised with a different weight, not only the all-ones one.
 */
final class GradientCheck {
    /** Step of the central differences; their error is O(h^2) plus rounding of about 1e-16 * |L| / h. */
    private static final double H = 1e-6;
    private static final double ABSOLUTE_TOLERANCE = 1e-6;
    private static final double RELATIVE_TOLERANCE = 1e-5;

    private GradientCheck() {}

    /**
     * Asserts that the sample's symbolic gradients equal finite differences, element by element.
     *
     * @param tf the facade of the sample's graph
     * @param sample the sample
     */
    static void assertMatchesFiniteDifferences(Ops tf, GradientSample sample) {
        try (Session session = new Session(tf.graph(), 1)) {
            Tensor y = run(session, sample.feeds(), List.of(sample.y())).get(0);
            Output w = tf.constant(GradientSample.uniform(99, -1, 1, y.shape().dims()));
            Output loss = tf.sum(tf.mul(sample.y(), w));
            List<Output> grads = Gradients.of(loss, sample.xs());
            List<Tensor> symbolic = run(session, sample.feeds(), grads);
            for (int i = 0; i < sample.xs().size(); i++) {
                Output x = sample.xs().get(i);
                String name = x.node().name();
                Tensor at = sample.feeds().get(name);
                assertEquals(at.shape(), symbolic.get(i).shape(), "gradient shape for " + name);
                double[] numeric = finiteDifferences(session, sample.feeds(), name, at, loss);
                double[] analytic = symbolic.get(i).toDoubleArray();
                for (int j = 0; j < numeric.length; j++) {
                    double tolerance = ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * Math.abs(numeric[j]);
                    if (!(Math.abs(analytic[j] - numeric[j]) <= tolerance)) {
                        throw new AssertionError(String.format(
                                "d loss / d %s[%d]: symbolic %.10g, finite differences %.10g", name, j, analytic[j],
                                numeric[j]));
                    }
                }
            }
        }
    }

    private static double[] finiteDifferences(Session session, Map<String, Tensor> feeds, String name, Tensor at,
            Output loss) {
        double[] base = at.toDoubleArray();
        double[] result = new double[base.length];
        Map<String, Tensor> moved = new HashMap<>(feeds);
        for (int j = 0; j < base.length; j++) {
            double[] plus = base.clone();
            plus[j] += H;
            double[] minus = base.clone();
            minus[j] -= H;
            moved.put(name, Tensor.of(plus, at.shape()));
            double up = run(session, moved, List.of(loss)).get(0).getDouble();
            moved.put(name, Tensor.of(minus, at.shape()));
            double down = run(session, moved, List.of(loss)).get(0).getDouble();
            result[j] = (up - down) / (plus[j] - minus[j]);
        }
        return result;
    }

    private static List<Tensor> run(Session session, Map<String, Tensor> feeds, List<Output> fetches) {
        Runner r = session.runner();
        feeds.forEach(r::feed);
        fetches.forEach(r::fetch);
        List<Tensor> values = new ArrayList<>();
        r.run().forEach(values::add);
        return values;
    }
}
