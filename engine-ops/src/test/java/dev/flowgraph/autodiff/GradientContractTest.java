package dev.flowgraph.autodiff;

import dev.flowgraph.Graph;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.spi.OpRegistry;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gradient contract: every differentiable op's gradient equals central finite differences in
 * FLOAT64 on its sample in {@link GradientSamples}.
 */
class GradientContractTest {
    static Stream<String> differentiableOps() {
        return OpRegistry.global().types().stream()
                .filter(type -> OpRegistry.global().lookup(type) instanceof Differentiable);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("differentiableOps")
    void gradientEqualsFiniteDifferences(String opType) {
        try (Graph g = new Graph()) {
            Ops tf = Ops.on(g);
            GradientSample sample = GradientSamples.forType(opType)
                    .orElseThrow(() -> new AssertionError("op type " + opType + " has no sample in GradientSamples"))
                    .apply(tf);
            if (!sample.y().node().opType().equals(opType)) {
                throw new AssertionError("the sample builds a node of op " + sample.y().node().opType());
            }
            GradientCheck.assertMatchesFiniteDifferences(tf, sample);
        }
    }
}
