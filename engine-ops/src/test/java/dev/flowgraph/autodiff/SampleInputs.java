package dev.flowgraph.autodiff;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Builds gradient samples whose placeholders may have unknown static dimensions: each FLOAT64
 * placeholder has a static shape (with -1 where unknown) and is fed uniform values of a
 * fully defined run-time shape, so a gradient must restore the run-time shape, not the static one.
 */
final class SampleInputs {
    private final Ops tf;
    private final Map<String, Tensor> feeds = new LinkedHashMap<>();
    private final List<Output> xs = new ArrayList<>();

    SampleInputs(Ops tf) {
        this.tf = tf;
    }

    /**
     * Adds a placeholder of a static shape fed with values uniform in {@code [lo, hi)}.
     *
     * @param seed the values' seed
     * @param lo the lowest value
     * @param hi the bound above the values
     * @param declared the static shape, -1 where unknown
     * @param dims the fed value's shape
     * @return the placeholder
     */
    Output input(long seed, double lo, double hi, Shape declared, long... dims) {
        String name = "x" + xs.size();
        Output x = tf.placeholder(name, DType.FLOAT64, declared);
        feeds.put(name, GradientSample.uniform(seed, lo, hi, dims));
        xs.add(x);
        return x;
    }

    /** A placeholder of a known shape with values in [-1, 1). */
    Output input(long seed, long... dims) {
        return input(seed, -1, 1, Shape.of(dims), dims);
    }

    /** A placeholder of a static shape with unknown dimensions, fed values in [-1, 1) of shape dims. */
    Output unknown(long seed, Shape declared, long... dims) {
        return input(seed, -1, 1, declared, dims);
    }

    GradientSample of(Output y) {
        return new GradientSample(y, List.copyOf(xs), Map.copyOf(feeds));
    }

    /** Checks the gradients of one use of some ops, built in a graph of its own, against finite differences. */
    static void check(BiFunction<Ops, SampleInputs, Output> build) {
        try (Graph graph = new Graph()) {
            Ops ops = Ops.on(graph);
            SampleInputs in = new SampleInputs(ops);
            GradientCheck.assertMatchesFiniteDifferences(ops, in.of(build.apply(ops, in)));
        }
    }
}
