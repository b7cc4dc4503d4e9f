package dev.flowgraph.ops;

import static dev.flowgraph.ops.OpSamples.sample;

import dev.flowgraph.ops.OpSamples.Sample;
import java.util.Map;
import java.util.function.Function;

/** {@link OpContractTest} samples of the linear algebra beyond matMul, neural-network ops and random ops; see {@link OpSamples}. */
final class NnSamples {
    static final Map<String, Function<Ops, Sample>> SAMPLES = Map.ofEntries(
    );

    private NnSamples() {}
}
