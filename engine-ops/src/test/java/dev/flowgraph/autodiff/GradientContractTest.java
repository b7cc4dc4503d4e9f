package dev.flowgraph.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.Graph;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.spi.OpRegistry;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gradient contract: every registered op is either differentiable or declared here as having
 * no gradient, with the reason; and every differentiable op's gradient equals central finite
 * differences in FLOAT64 on its sample in {@link GradientSamples}.
 */
class GradientContractTest {
    /** The ops with no gradient, and why none can exist. */
    private static final Map<String, String> NOT_DIFFERENTIABLE = Map.ofEntries(
            Map.entry("Const", "no inputs"),
            Map.entry("Placeholder", "no inputs"),
            Map.entry("Variable", "no inputs; its gradient is taken with respect to its output"),
            Map.entry("Fill", "no inputs: the value is an attribute"),
            Map.entry("Range", "integer output"),
            Map.entry("RandomUniform", "no inputs"),
            Map.entry("RandomNormal", "no inputs"),
            Map.entry("TruncatedNormal", "no inputs"),
            Map.entry("Equal", "boolean output"),
            Map.entry("NotEqual", "boolean output"),
            Map.entry("Less", "boolean output"),
            Map.entry("LessEqual", "boolean output"),
            Map.entry("Greater", "boolean output"),
            Map.entry("GreaterEqual", "boolean output"),
            Map.entry("LogicalAnd", "boolean inputs and output"),
            Map.entry("LogicalOr", "boolean inputs and output"),
            Map.entry("LogicalNot", "boolean input and output"),
            Map.entry("ArgMax", "integer output"),
            Map.entry("ArgMin", "integer output"),
            Map.entry("OneHot", "integer indices in; the output is not a function of a float input"),
            Map.entry("Shape", "integer output"),
            Map.entry("Size", "integer output"),
            Map.entry("Assign", "a write to a variable, not a function"),
            Map.entry("AssignAdd", "a write to a variable, not a function"),
            Map.entry("AssignSub", "a write to a variable, not a function"),
            Map.entry("NoOp", "no outputs"),
            Map.entry("ApplyGradientDescent", "a write to a variable, not a function"),
            Map.entry("ApplyMomentum", "a write to variables, not a function"),
            Map.entry("ApplyAdam", "a write to variables, not a function"),
            Map.entry("ApplyRMSProp", "a write to variables, not a function"));

    @Test
    void everyOpIsDifferentiableOrSaysWhyNot() {
        Set<String> undeclared = new TreeSet<>();
        Set<String> wronglyDeclared = new TreeSet<>();
        for (String type : OpRegistry.global().types()) {
            boolean differentiable = OpRegistry.global().lookup(type) instanceof Differentiable;
            if (!differentiable && !NOT_DIFFERENTIABLE.containsKey(type)) {
                undeclared.add(type);
            }
            if (differentiable && NOT_DIFFERENTIABLE.containsKey(type)) {
                wronglyDeclared.add(type);
            }
        }
        assertEquals(Set.of(), undeclared, "ops with neither a gradient nor a reason for having none");
        assertEquals(Set.of(), wronglyDeclared, "ops declared non-differentiable that have a gradient");
        assertTrue(OpRegistry.global().types().containsAll(NOT_DIFFERENTIABLE.keySet()),
                "declared ops that are not registered");
    }

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
