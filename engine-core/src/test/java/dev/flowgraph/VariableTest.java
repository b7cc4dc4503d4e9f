package dev.flowgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OpRegistry;
import dev.flowgraph.spi.OutputSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine side of variables: the builtin Variable op, values held per session, the
 * {@link KernelContext#variable} SPI with its reads-before-writes rule, and the session's
 * snapshot and restore. The assign ops themselves live in engine-ops; here a test op
 * {@code TestSet} (writes input 1 into the variable of input 0, without reading it) stands in.
 */
class VariableTest {
    /** Writes input 1 into the variable of input 0 and outputs it; reads only input 1. */
    private static final class TestSet implements OpDef {
        @Override
        public String type() {
            return "TestSet";
        }

        @Override
        public int arity() {
            return 2;
        }

        @Override
        public boolean readsInput(int i) {
            return i != 0;
        }

        @Override
        public List<OutputSpec> infer(NodeSpec node) {
            return List.of(node.input(1));
        }

        @Override
        public void compute(KernelContext k) {
            k.variable(0).assign(k.input(1));
            k.setOutput(0, k.input(1));
        }
    }

    /** Asks for its own variable, which only a Variable node has. */
    private static final class TestOwn implements OpDef {
        @Override
        public String type() {
            return "TestOwn";
        }

        @Override
        public int arity() {
            return 1;
        }

        @Override
        public List<OutputSpec> infer(NodeSpec node) {
            return List.of(node.input(0));
        }

        @Override
        public void compute(KernelContext k) {
            k.ownVariable();
        }
    }

    private final Graph g = new Graph(OpRegistry.global().with(List.of(new TestSet(), new TestOwn())));

    @AfterEach
    void closeGraph() {
        g.close();
    }

    private Output variable(String name, DType dtype, Shape shape) {
        return g.nodeBuilder("Variable").name(name).attr("dtype", dtype).attr("shape", shape).build().output(0);
    }

    private Output set(Output variable, Output value) {
        return g.nodeBuilder("TestSet").input(variable).input(value).build().output(0);
    }

    @Test
    void aVariableNeedsAFullyDefinedShape() {
        GraphBuildException e = assertThrows(GraphBuildException.class,
                () -> variable("v", DType.FLOAT64, Shape.of(2, -1)));
        assertTrue(e.getMessage().contains("'v'") && e.getMessage().contains("Variable")
                && e.getMessage().contains("a variable's shape must be fully defined, not [2, -1]"), e.getMessage());
    }

    @Test
    void readingWithoutAValueFailsWithTheVariablesName() {
        Output v = variable("weights", DType.FLOAT64, Shape.of(2));
        try (Session s = new Session(g, 1)) {
            UninitializedVariableException e = assertThrows(UninitializedVariableException.class,
                    () -> s.runner().fetch(v).run());
            assertEquals("Node 'weights' (op Variable; no inputs) failed: variable 'weights' has no value in this"
                    + " session: run its initializer first (e.g. session.runner().addTarget(tf.initAllVariables())"
                    + ".run()) or restore a checkpoint", e.getMessage());
            assertEquals("weights", e.variableName());
        }
    }

    @Test
    void aWriteOnlyRunNeedsNoValueAndEveryRunReadsTheCurrentOne() {
        Output v = variable("v", DType.FLOAT64, Shape.of(2));
        Output first = set(v, TestOps.constant(g, Tensor.vector(1.0, 2.0)));
        Output second = set(v, TestOps.constant(g, Tensor.vector(3.0, 4.0)));
        try (Session s = new Session(g, 2)) {
            s.runner().addTarget(first.node()).run();
            assertEquals(Tensor.vector(1.0, 2.0), s.runner().fetch(v).run().get(0));
            // Fetching the variable in the run that writes it gives the value from before the write.
            Result r = s.runner().fetch(v).fetch(second).run();
            assertEquals(Tensor.vector(1.0, 2.0), r.get(0));
            assertEquals(Tensor.vector(3.0, 4.0), s.runner().fetch(v).run().get(0));
        }
    }

    @Test
    void theVariableOutputsTheStoredTensorItself() {
        Output v = variable("v", DType.INT32, Shape.of(3));
        Tensor value = Tensor.vector(1, 2, 3);
        try (Session s = new Session(g, 1)) {
            s.restoreVariables(Map.of("v", value));
            assertSame(value, s.runner().fetch(v).run().get(0));
            assertSame(value, s.variableValues().get("v"));
        }
    }

    @Test
    void sessionsHoldTheirOwnValues() {
        Output v = variable("v", DType.FLOAT64, Shape.scalar());
        variable("u", DType.FLOAT64, Shape.scalar());
        try (Session a = new Session(g, 1); Session b = new Session(g, 1)) {
            a.restoreVariables(Map.of("v", Tensor.scalar(1.0)));
            b.restoreVariables(Map.of("v", Tensor.scalar(2.0)));
            assertEquals(1.0, a.runner().fetch(v).run().get(0).getDouble());
            assertEquals(2.0, b.runner().fetch(v).run().get(0).getDouble());
            assertEquals(List.of("u"), a.uninitializedVariables());
            assertEquals(Map.of("v", Tensor.scalar(1.0)), a.variableValues());
        }
    }

    @Test
    void graphListsItsVariablesInOrder() {
        Output b = variable("b", DType.FLOAT64, Shape.scalar());
        TestOps.constant(g, Tensor.scalar(1.0));
        Output a = variable("a", DType.FLOAT32, Shape.of(2));
        assertEquals(List.of(b.node(), a.node()), g.variables());
    }

    @Test
    void onlyAVariablesOutputGivesAVariable() {
        Output c = TestOps.constant(g, Tensor.scalar(1.0));
        Output bad = set(c, TestOps.constant(g, Tensor.scalar(2.0)));
        Output own = g.nodeBuilder("TestOwn").input(c).build().output(0);
        try (Session s = new Session(g, 1)) {
            KernelException e = assertThrows(KernelException.class, () -> s.runner().fetch(bad).run());
            assertTrue(e.getMessage().endsWith("failed: input 0 must be a variable's output, but it is Const:0,"
                    + " the output of a Const node"), e.getMessage());
            KernelException f = assertThrows(KernelException.class, () -> s.runner().fetch(own).run());
            assertTrue(f.getMessage().endsWith("failed: node 'TestOwn' is a TestOwn node, not a variable"),
                    f.getMessage());
        }
    }
}
