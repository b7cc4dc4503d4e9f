package dev.flowgraph.autodiff;

import dev.flowgraph.DType;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A small FLOAT64 use of one op, for {@link GradientContractTest}: the op's output, the placeholders
 * to differentiate it with respect to, and their values.
 *
 * @param y the op's output
 * @param xs FLOAT64 placeholders feeding it
 * @param feeds a value per placeholder, by name
 */
record GradientSample(Output y, List<Output> xs, Map<String, Tensor> feeds) {
    /** Builds samples: placeholders with uniform random values in a chosen range. */
    static final class Builder {
        private final Ops tf;
        private final Map<String, Tensor> feeds = new LinkedHashMap<>();
        private final List<Output> xs = new java.util.ArrayList<>();

        Builder(Ops tf) {
            this.tf = tf;
        }

        /**
         * Adds a FLOAT64 placeholder fed with values uniform in {@code [lo, hi)}.
         *
         * @param seed the values' seed
         * @param lo the lowest value
         * @param hi the bound above the values
         * @param dims the shape
         * @return the placeholder
         */
        Output input(long seed, double lo, double hi, long... dims) {
            String name = "x" + xs.size();
            Output x = tf.placeholder(name, DType.FLOAT64, Shape.of(dims));
            feeds.put(name, uniform(seed, lo, hi, dims));
            xs.add(x);
            return x;
        }

        /** An input in [-1, 1). */
        Output input(long seed, long... dims) {
            return input(seed, -1, 1, dims);
        }

        GradientSample of(Output y) {
            return new GradientSample(y, List.copyOf(xs), Map.copyOf(feeds));
        }
    }

    static Tensor uniform(long seed, double lo, double hi, long... dims) {
        Random r = new Random(seed);
        double[] v = new double[(int) Shape.of(dims).size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = lo + (hi - lo) * r.nextDouble();
        }
        return Tensor.of(v, Shape.of(dims));
    }
}
