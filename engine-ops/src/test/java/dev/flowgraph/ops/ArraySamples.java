package dev.flowgraph.ops;

import static dev.flowgraph.ops.OpSamples.sample;

import dev.flowgraph.ops.OpSamples.Sample;
import java.util.Map;
import java.util.function.Function;

/** {@link OpContractTest} samples of the array ops (reshaping, joining, indexing, filling); see {@link OpSamples}. */
final class ArraySamples {
    static final Map<String, Function<Ops, Sample>> SAMPLES = Map.ofEntries(
    );

    private ArraySamples() {}
}
