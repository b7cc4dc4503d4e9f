package dev.flowgraph.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.Graph;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.spi.OpRegistry;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every registered op keeps, checked on its sample in {@link OpSamples}: the kernel's
 * output has the dtype the shape rule inferred and a shape compatible with the inferred one (equal
 * when that is fully defined), and the result is bit-identical with 1 and with 4 threads.
 */
class OpContractTest {
    static Stream<String> opTypes() {
        return OpRegistry.global().types().stream();
    }

    @Test
    void theRegistryHoldsTheOpsOfThisModule() {
        assertTrue(OpRegistry.global().types().containsAll(
                java.util.List.of("Const", "Placeholder", "Add", "Sub", "Mul", "Div", "Neg", "MatMul", "Identity")),
                OpRegistry.global().types().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("opTypes")
    void keepsTheContract(String opType) {
        OpSamples.Sample sample;
        try (Graph g = new Graph()) {
            sample = OpSamples.forType(opType)
                    .orElseThrow(() -> new AssertionError("op type " + opType + " has no sample in OpSamples"))
                    .apply(Ops.on(g));
            assertEquals(opType, sample.node().opType(), "the sample builds a node of another op type");

            Tensor one = TestRuns.eval(sample.output(), 1, sample.feeds(), sample.setup());
            Tensor four = TestRuns.eval(sample.output(), 4, sample.feeds(), sample.setup());

            Shape inferred = sample.output().shape();
            assertEquals(sample.output().dtype(), one.dtype(), "dtype differs from the shape rule's");
            assertTrue(inferred.isCompatibleWith(one.shape()),
                    "shape " + one.shape() + " contradicts the inferred " + inferred);
            if (inferred.isFullyDefined()) {
                assertEquals(inferred, one.shape(), "shape differs from the fully defined inferred one");
            }
            assertEquals(one, four, "results differ between 1 and 4 threads");
        }
    }
}
