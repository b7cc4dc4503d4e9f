package dev.flowgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.builtin.Constant;
import dev.flowgraph.spi.Attrs;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OpRegistry;
import dev.flowgraph.spi.OutputSpec;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests of {@link Graph}, {@link NodeBuilder}, {@link Node} and {@link Output}: naming, the
 * build-time checks of {@code addNode}, output addresses, control inputs and execution order.
 */
class GraphTest {
    /** A variadic op that takes any number of float64 inputs and has one scalar output. */
    private static final OpDef VARIADIC_OP = TestOps.define("GraphTestVariadic", OpDef.VARIADIC,
            node -> List.of(new OutputSpec(DType.FLOAT64, Shape.scalar())), k -> {
                throw new UnsupportedOperationException();
            });

    private static final OpRegistry REGISTRY = TestOps.REGISTRY.with(List.of(VARIADIC_OP));

    private Graph g;

    @BeforeEach
    void setUp() {
        g = new Graph(REGISTRY);
    }

    @AfterEach
    void tearDown() {
        g.close();
    }

    private static <T extends Throwable> T assertThrowsWithMessage(Class<T> type, Executable call, String... parts) {
        T e = assertThrows(type, call);
        for (String p : parts) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(p),
                    "message should contain '" + p + "' but was: " + e.getMessage());
        }
        return e;
    }

    private Output constant(double v) {
        return TestOps.constant(g, Tensor.scalar(v));
    }

    private Output constant(String name, Tensor value) {
        return g.nodeBuilder("Const").name(name).attr("value", value).build().output(0);
    }

    private Output named(String type, String name, Output... inputs) {
        return g.nodeBuilder(type).name(name).inputs(List.of(inputs)).build().output(0);
    }

    private static List<String> names(List<Node> nodes) {
        return nodes.stream().map(Node::name).collect(Collectors.toList());
    }

    // ---------------------------------------------------------------- construction

    @Test
    void newGraphIsEmptyAndOpen() {
        assertEquals(0, g.size());
        assertTrue(g.nodes().isEmpty());
        assertFalse(g.isClosed());
        assertSame(REGISTRY, g.registry());
        assertEquals(0, g.structureVersion());
    }

    @Test
    void defaultGraphUsesTheGlobalRegistry() {
        try (Graph plain = new Graph()) {
            assertSame(OpRegistry.global(), plain.registry());
            plain.nodeBuilder("Const").attr("value", Tensor.scalar(1.0)).build();
            assertThrows(UnknownOpException.class, () -> TestOps.op(plain, "TestAdd"));
        }
    }

    @Test
    void nullRegistryIsRefused() {
        assertThrows(NullPointerException.class, () -> new Graph(null));
    }

    // ---------------------------------------------------------------- naming

    @Test
    void automaticNamesFollowTheOpType() {
        assertEquals("Const", constant(1).node().name());
        assertEquals("Const_1", constant(2).node().name());
        assertEquals("Const_2", constant(3).node().name());
        assertEquals("Const:0", g.nodes().get(0).output(0).name());
    }

    @Test
    void automaticNamesSkipAnExplicitNameTakenBeforehand() {
        constant("Const_1", Tensor.scalar(0.0));
        assertEquals("Const", constant(1).node().name());
        assertEquals("Const_2", constant(2).node().name());
        assertEquals("Const_3", constant(3).node().name());
    }

    @Test
    void automaticNameAfterAnExplicitBaseName() {
        constant("Const", Tensor.scalar(0.0));
        assertEquals("Const_1", constant(1).node().name());
    }

    @Test
    void uniqueNameWithScopes() {
        Output a = constant(1);
        Output b = constant(2);
        Node first = g.nodeBuilder("TestAdd").uniqueName("layer1/TestAdd").input(a).input(b).build();
        Node second = g.nodeBuilder("TestAdd").uniqueName("layer1/TestAdd").input(a).input(b).build();
        Node unscoped = g.nodeBuilder("TestAdd").input(a).input(b).build();
        assertEquals("layer1/TestAdd", first.name());
        assertEquals("layer1/TestAdd_1", second.name());
        assertEquals("TestAdd", unscoped.name());
        assertEquals("layer1/TestAdd_1:0", second.output(0).name());
    }

    @Test
    void explicitDuplicateNameIsRefusedNamingTheExistingNode() {
        constant("x", Tensor.scalar(1.0));
        GraphBuildException e = assertThrowsWithMessage(GraphBuildException.class,
                () -> constant("x", Tensor.scalar(2.0)), "'x'", "already exists", "op Const");
        assertFalse(e instanceof UnknownOpException);
        assertEquals(1, g.size());
    }

    @Test
    void explicitNameThatAnAutomaticNameTookIsRefused() {
        constant(1);
        constant(2);
        assertThrowsWithMessage(GraphBuildException.class, () -> constant("Const_1", Tensor.scalar(3.0)),
                "'Const_1'", "already exists");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_x", "a b", "a:0", "/a", "a/", "a//b", "-a", "é", "a\n"})
    void invalidNamesAreRefused(String name) {
        GraphBuildException e = assertThrowsWithMessage(GraphBuildException.class,
                () -> constant(name, Tensor.scalar(1.0)), "not a valid node name");
        assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
        assertEquals(0, g.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "A1", "layer1/w", "a.b", ".a", "0", "a_b-c", "scope/sub/x_1", "a/_b"})
    void validNamesAreAccepted(String name) {
        assertEquals(name, constant(name, Tensor.scalar(1.0)).node().name());
        assertTrue(g.hasNode(name));
    }

    @Test
    void invalidUniqueNameIsRefused() {
        assertThrows(GraphBuildException.class,
                () -> g.nodeBuilder("Const").uniqueName("bad name").attr("value", Tensor.scalar(1.0)).build());
        assertThrows(GraphBuildException.class,
                () -> g.nodeBuilder("Const").uniqueName("_x").attr("value", Tensor.scalar(1.0)).build());
    }

    @Test
    void builderRefusesNulls() {
        assertThrows(NullPointerException.class, () -> g.nodeBuilder(null));
        assertThrows(NullPointerException.class, () -> g.nodeBuilder("Const").name(null));
        assertThrows(NullPointerException.class, () -> g.nodeBuilder("Const").uniqueName(null));
        assertThrows(NullPointerException.class, () -> g.nodeBuilder("TestAdd").input(null));
        assertThrows(NullPointerException.class, () -> g.nodeBuilder("TestAdd").controlInput(null));
    }

    // ---------------------------------------------------------------- build-time checks

    @Test
    void unknownOpIsRefusedWithASuggestion() {
        UnknownOpException e = assertThrowsWithMessage(UnknownOpException.class,
                () -> g.nodeBuilder("TestAd").build(), "'TestAd'", "Did you mean 'TestAdd'");
        assertInstanceOf(GraphBuildException.class, e);
        assertEquals("TestAd", e.opType());
        assertEquals(0, g.size());
    }

    @Test
    void wrongInputCountIsRefused() {
        Output a = constant(1);
        GraphBuildException e = assertThrowsWithMessage(GraphBuildException.class,
                () -> g.nodeBuilder("TestAdd").input(a).build(), "TestAdd takes 2 inputs but 1 was given");
        assertTrue(e.getMessage().contains("'TestAdd' (op TestAdd"), e.getMessage());
        assertThrowsWithMessage(GraphBuildException.class,
                () -> g.nodeBuilder("TestFail").input(a).input(a).build(), "takes 1 input but 2 were given");
        assertThrowsWithMessage(GraphBuildException.class,
                () -> g.nodeBuilder("Const").input(a).attr("value", Tensor.scalar(1.0)).build(),
                "takes 0 inputs but 1 was given");
        assertEquals(1, g.size());
    }

    @Test
    void variadicOpsTakeAnyInputCount() {
        Output a = constant(1);
        assertEquals(0, g.nodeBuilder("GraphTestVariadic").build().inputCount());
        assertEquals(3, g.nodeBuilder("GraphTestVariadic").input(a).input(a).input(a).build().inputCount());
    }

    @Test
    void shapeRuleRefusalIsWrappedWithNodeOpAndInputs() {
        Output a = constant("a", Tensor.vector(1.0, 2.0));
        Output b = constant("b", Tensor.vector(1.0, 2.0, 3.0));
        GraphBuildException e = assertThrowsWithMessage(GraphBuildException.class,
                () -> g.nodeBuilder("TestAdd").name("sum").input(a).input(b).build(),
                "'sum'", "op TestAdd", "float64[2]", "float64[3]", "cannot be broadcast");
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertEquals("shapes [2] and [3] cannot be broadcast: dimension 2 does not match 3",
                e.getCause().getMessage());
        assertTrue(e.getMessage().endsWith(e.getCause().getMessage()), e.getMessage());
    }

    @Test
    void shapeRuleRefusesAWrongDtype() {
        Output i = constant("i", Tensor.scalar(1));
        Output d = constant(1);
        GraphBuildException e = assertThrowsWithMessage(GraphBuildException.class,
                () -> TestOps.op(g, "TestMul", i, d), "'TestMul'", "int32[]", "float64[]", "float64 only");
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
    }

    @Test
    void builtinShapeRulesRefuseMissingAttributes() {
        GraphBuildException c = assertThrowsWithMessage(GraphBuildException.class,
                () -> g.nodeBuilder("Const").build(), "'Const'", "value");
        assertInstanceOf(IllegalArgumentException.class, c.getCause());
        assertThrowsWithMessage(GraphBuildException.class,
                () -> g.nodeBuilder("Placeholder").name("p").attr("dtype", DType.FLOAT32).build(),
                "'p'", "dtype", "shape");
        assertThrowsWithMessage(GraphBuildException.class,
                () -> g.nodeBuilder("Const").attr("value", 1.0).build(), "'value'");
    }

    @Test
    void refusedNodeLeavesTheGraphUnchanged() {
        Output a = constant("a", Tensor.vector(1.0, 2.0));
        Output b = constant("b", Tensor.vector(1.0, 2.0, 3.0));
        int version = g.structureVersion();
        assertThrows(GraphBuildException.class, () -> TestOps.op(g, "TestAdd", a, b));
        assertThrows(GraphBuildException.class, () -> TestOps.op(g, "TestAdd", a));
        assertEquals(2, g.size());
        assertFalse(g.hasNode("TestAdd"));
        assertEquals(version, g.structureVersion());
        // The failed attempts did not use up the automatic name.
        assertEquals("TestAdd", TestOps.op(g, "TestAdd", a, a).node().name());
        assertEquals("TestAdd_1", TestOps.op(g, "TestAdd", b, b).node().name());
        assertEquals(List.of("a", "b", "TestAdd", "TestAdd_1"), names(g.nodes()));
    }

    @Test
    void inputFromAnotherGraphIsRefused() {
        try (Graph other = new Graph(REGISTRY)) {
            Output foreign = TestOps.constant(other, Tensor.scalar(1.0));
            Output local = constant(2);
            assertThrowsWithMessage(GraphBuildException.class,
                    () -> TestOps.op(g, "TestAdd", local, foreign), "input 1", "Const:0", "another graph");
            assertEquals(1, g.size());
            assertEquals(1, other.size());
        }
    }

    @Test
    void controlInputFromAnotherGraphIsRefused() {
        try (Graph other = new Graph(REGISTRY)) {
            Node foreign = TestOps.constant(other, Tensor.scalar(1.0)).node();
            assertThrowsWithMessage(GraphBuildException.class,
                    () -> g.nodeBuilder("Const").attr("value", Tensor.scalar(1.0)).controlInput(foreign).build(),
                    "control input", "another graph");
            assertEquals(0, g.size());
        }
    }

    @Test
    void closedGraphRefusesNodes() {
        constant(1);
        g.close();
        assertTrue(g.isClosed());
        assertThrowsWithMessage(GraphBuildException.class, () -> constant(2), "closed");
        assertThrowsWithMessage(GraphBuildException.class,
                () -> g.addNode("Const", List.of(), Attrs.of("value", Tensor.scalar(1.0))), "closed");
        g.close(); // idempotent
        assertTrue(g.isClosed());
        assertEquals(1, g.size());
        // A closed graph can still be read.
        assertEquals("Const", g.node("Const").name());
    }

    @Test
    void addNodeIsTheSameDoorAsTheBuilder() {
        Output a = constant(1);
        Node n = g.addNode("TestAdd", List.of(a, a), Attrs.empty());
        assertEquals("TestAdd", n.name());
        assertEquals(List.of(a, a), n.inputs());
        Node c = g.addNode("Const", List.of(), Attrs.of("value", Tensor.vector(1f, 2f)));
        assertEquals("Const_1", c.name());
        assertEquals(DType.FLOAT32, c.output(0).dtype());
        assertEquals(Shape.of(2), c.output(0).shape());
    }

    // ---------------------------------------------------------------- node accessors

    @Test
    void nodeAccessors() {
        Output a = constant("a", Tensor.vector(1.0, 2.0));
        Output b = constant("b", Tensor.scalar(3.0));
        Node dep = constant("dep", Tensor.scalar(0.0)).node();
        Node sum = g.nodeBuilder("TestAdd").name("sum").input(a).input(b).controlInput(dep)
                .attr("note", "hi").build();

        assertSame(g, sum.graph());
        assertEquals("sum", sum.name());
        assertEquals("TestAdd", sum.opType());
        assertEquals("TestAdd", sum.op().type());
        assertEquals(3, sum.id());
        assertEquals(List.of(a, b), sum.inputs());
        assertSame(a, sum.input(0));
        assertSame(b, sum.input(1));
        assertEquals(2, sum.inputCount());
        assertEquals(List.of(dep), sum.controlInputs());
        assertEquals("hi", sum.attrs().getString("note"));
        assertEquals(1, sum.outputCount());
        Output out = sum.output(0);
        assertSame(out, sum.outputs().get(0));
        assertSame(sum, out.node());
        assertEquals(0, out.index());
        assertEquals("sum:0", out.name());
        assertEquals(DType.FLOAT64, out.dtype());
        assertEquals(Shape.of(2), out.shape());
        assertEquals(new OutputSpec(DType.FLOAT64, Shape.of(2)), out.spec());
        assertThrows(IndexOutOfBoundsException.class, () -> sum.output(1));
        assertThrows(IndexOutOfBoundsException.class, () -> sum.input(2));
    }

    @Test
    void nodeListsAreUnmodifiable() {
        Output a = constant(1);
        Node dep = constant(2).node();
        Node n = g.nodeBuilder("TestAdd").input(a).input(a).controlInput(dep).build();
        assertThrows(UnsupportedOperationException.class, () -> n.inputs().add(a));
        assertThrows(UnsupportedOperationException.class, () -> n.outputs().clear());
        assertThrows(UnsupportedOperationException.class, () -> n.controlInputs().clear());
        assertThrows(UnsupportedOperationException.class, () -> g.nodes().clear());
    }

    @Test
    void constantNodeKeepsItsValueAttribute() {
        Tensor value = Tensor.matrix(new float[][] {{1, 2}, {3, 4}});
        Node c = TestOps.constant(g, value).node();
        assertEquals(value, c.attrs().getTensor(Constant.VALUE));
        assertEquals(DType.FLOAT32, c.output(0).dtype());
        assertEquals(Shape.of(2, 2), c.output(0).shape());
        assertEquals(0, c.inputCount());
        assertTrue(c.controlInputs().isEmpty());
    }

    @Test
    void placeholderNodeTakesDtypeAndShapeFromAttributes() {
        Output p = TestOps.placeholder(g, "x", DType.FLOAT32, Shape.of(-1, 784));
        assertEquals("Placeholder", p.node().opType());
        assertEquals(DType.FLOAT32, p.dtype());
        assertEquals(Shape.of(-1, 784), p.shape());
    }

    @Test
    void nodeAndOutputToString() {
        Output a = constant("a", Tensor.vector(1.0, 2.0));
        Output b = constant("b", Tensor.scalar(3.0));
        Node sum = named("TestAdd", "J", a, b).node();
        assertEquals("'J' (op TestAdd; inputs float64[2], float64[])", sum.toString());
        assertEquals("'a' (op Const; no inputs)", a.node().toString());
        assertEquals("J:0 float64[2]", sum.output(0).toString());
        Output p = TestOps.placeholder(g, "p", DType.INT32, Shape.unknown());
        assertEquals("p:0 int32<unknown>", p.toString());
    }

    @Test
    void costComesFromTheOp() {
        Output a = constant("a", Tensor.vector(1.0, 2.0));
        assertEquals(0, a.node().cost());
        // default cost: inputs 2 + 2, output 2
        assertEquals(6, TestOps.op(g, "TestAdd", a, a).node().cost());
        Output p = TestOps.placeholder(g, "p", DType.FLOAT64, Shape.of(-1));
        assertEquals(Long.MAX_VALUE, TestOps.op(g, "TestAdd", p, a).node().cost());
    }

    @Test
    void costOfAShapeWhoseSizeOverflowsIsUnknown() {
        // [2^40, 2^40] is a legal static shape; its size 2^80 does not fit in a long.
        Output p = TestOps.placeholder(g, "p", DType.FLOAT64, Shape.of(1L << 40, 1L << 40));
        Node n = TestOps.op(g, "TestAdd", p, p).node();
        assertEquals(Long.MAX_VALUE, n.cost());
    }

    @Test
    void costSaturatesInsteadOfWrapping() {
        // inputs 2^62 + 2^62, output 2^62: 3 * 2^62 > Long.MAX_VALUE.
        Output p = TestOps.placeholder(g, "p", DType.FLOAT64, Shape.of(1L << 62));
        Node n = TestOps.op(g, "TestAdd", p, p).node();
        assertEquals(Long.MAX_VALUE, n.cost());
    }

    @Test
    void costFunctionRefusingAnAttributeIsAGraphBuildException() {
        Output a = constant(1);
        // TestRecord's cost reads attrs.getLong("cost"); a string there is refused.
        GraphBuildException e = assertThrowsWithMessage(GraphBuildException.class,
                () -> g.nodeBuilder("TestRecord").name("r").input(a).attr("cost", "high").build(), "'r'", "'cost'");
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertEquals(1, g.size());
    }

    @Test
    void aNodeMayReadTheSameOutputTwice() {
        Output a = constant(1);
        Node twice = TestOps.op(g, "TestMul", a, a).node();
        assertEquals(List.of(a, a), twice.inputs());
        assertEquals(List.of("Const", "TestMul"), names(g.executionOrder(List.of(twice), Set.of())));
    }

    // ---------------------------------------------------------------- lookup

    @Test
    void nodesAreListedInInsertionOrder() {
        constant("z", Tensor.scalar(1.0));
        constant("a", Tensor.scalar(1.0));
        constant("m", Tensor.scalar(1.0));
        assertEquals(List.of("z", "a", "m"), names(g.nodes()));
        assertEquals(List.of(0, 1, 2), g.nodes().stream().map(Node::id).collect(Collectors.toList()));
        assertEquals(3, g.size());
    }

    @Test
    void nodesIsASnapshot() {
        constant(1);
        List<Node> before = g.nodes();
        constant(2);
        assertEquals(1, before.size());
        assertEquals(2, g.nodes().size());
    }

    @Test
    void nodeLookupByName() {
        Output x = constant("x", Tensor.scalar(1.0));
        assertSame(x.node(), g.node("x"));
        assertTrue(g.hasNode("x"));
        assertFalse(g.hasNode("y"));
        assertFalse(g.hasNode("x:0"));
    }

    @Test
    void unknownNodeNameSuggestsTheNearest() {
        constant("weights", Tensor.scalar(1.0));
        constant("bias", Tensor.scalar(1.0));
        UnknownNameException e = assertThrowsWithMessage(UnknownNameException.class, () -> g.node("weight"),
                "'weight'", "Did you mean 'weights'");
        assertFalse(e.getMessage().contains("bias"), e.getMessage());
        UnknownNameException far = assertThrows(UnknownNameException.class, () -> g.node("nope"));
        assertEquals("The graph has no node named 'nope'", far.getMessage());
        assertInstanceOf(FlowgraphException.class, far);
    }

    @Test
    void outputAddresses() {
        Output in = constant("in", Tensor.vector(1.0, 2.0));
        Node x = g.nodeBuilder("TestSplit").name("x").input(in).build();
        assertEquals(2, x.outputCount());
        assertSame(x.output(0), g.output("x"));
        assertSame(x.output(0), g.output("x:0"));
        assertSame(x.output(1), g.output("x:1"));
        assertEquals("x:1", g.output("x:1").name());
        assertEquals(1, g.output("x:1").index());
        assertEquals(Shape.of(2), g.output("x:1").shape());
    }

    @Test
    void outputIndexBeyondTheNodesOutputsSaysHowManyThereAre() {
        Output in = constant("in", Tensor.vector(1.0, 2.0));
        g.nodeBuilder("TestSplit").name("x").input(in).build();
        assertThrowsWithMessage(UnknownNameException.class, () -> g.output("x:5"), "has 2 outputs", "'x:5'");
        assertThrowsWithMessage(UnknownNameException.class, () -> g.output("x:2"), "has 2 outputs");
        assertThrowsWithMessage(UnknownNameException.class, () -> g.output("in:1"), "has 1 output;", "'in:1'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x:-1", "x:abc", "x:", "x:1.0", "x:99999999999"})
    void malformedOutputAddressesAreRefused(String address) {
        Output in = constant("in", Tensor.vector(1.0, 2.0));
        g.nodeBuilder("TestSplit").name("x").input(in).build();
        assertThrowsWithMessage(UnknownNameException.class, () -> g.output(address),
                "'" + address + "'", "not an output address");
    }

    @Test
    void outputOfAnUnknownNodeSuggests() {
        constant("weights", Tensor.scalar(1.0));
        assertThrowsWithMessage(UnknownNameException.class, () -> g.output("weight:0"),
                "'weight'", "Did you mean 'weights'");
        assertThrowsWithMessage(UnknownNameException.class, () -> g.output("weight"), "'weight'");
    }

    @Test
    void lookupsRefuseNull() {
        assertThrows(NullPointerException.class, () -> g.node(null));
        assertThrows(NullPointerException.class, () -> g.output(null));
    }

    // ---------------------------------------------------------------- control inputs

    @Test
    void addControlInputRecordsTheDependencyAndBumpsTheVersion() {
        Node a = constant("a", Tensor.scalar(1.0)).node();
        Node b = constant("b", Tensor.scalar(2.0)).node();
        int before = g.structureVersion();
        g.addControlInput(b, a);
        assertEquals(List.of(a), b.controlInputs());
        assertTrue(a.controlInputs().isEmpty());
        assertNotEquals(before, g.structureVersion());
        assertEquals(List.of("a", "b"), names(g.executionOrder(List.of(b), Set.of())));
    }

    @Test
    void addingNodesDoesNotChangeTheStructureVersion() {
        int before = g.structureVersion();
        Output a = constant(1);
        TestOps.op(g, "TestAdd", a, a);
        g.nodeBuilder("Const").attr("value", Tensor.scalar(1.0)).controlInput(a.node()).build();
        assertEquals(before, g.structureVersion());
    }

    @Test
    void controlInputThatWouldCloseACycleIsRefusedSpellingTheCycle() {
        Output a = constant("a", Tensor.scalar(1.0));
        Output b = named("TestRecord", "b", a);
        Output c = named("TestRecord", "c", b);
        int version = g.structureVersion();
        GraphBuildException e = assertThrowsWithMessage(GraphBuildException.class,
                () -> g.addControlInput(a.node(), c.node()), "'c'", "'a'", "a -> b -> c -> a");
        assertFalse(e instanceof UnknownOpException);
        assertTrue(a.node().controlInputs().isEmpty());
        assertEquals(version, g.structureVersion());
        // The graph still orders them as before.
        assertEquals(List.of("a", "b", "c"), names(g.executionOrder(List.of(c.node()), Set.of())));
    }

    @Test
    void cycleThroughAControlEdgeIsRefused() {
        Node a = constant("a", Tensor.scalar(1.0)).node();
        Node b = constant("b", Tensor.scalar(1.0)).node();
        g.addControlInput(b, a);
        int version = g.structureVersion();
        assertThrowsWithMessage(GraphBuildException.class, () -> g.addControlInput(a, b), "a -> b -> a");
        assertEquals(version, g.structureVersion());
    }

    @Test
    void selfLoopIsRefused() {
        Node a = constant("a", Tensor.scalar(1.0)).node();
        int version = g.structureVersion();
        assertThrowsWithMessage(GraphBuildException.class, () -> g.addControlInput(a, a), "a -> a");
        assertTrue(a.controlInputs().isEmpty());
        assertEquals(version, g.structureVersion());
    }

    @Test
    void addControlInputRefusesNodesOfAnotherGraph() {
        Node local = constant(1).node();
        try (Graph other = new Graph(REGISTRY)) {
            Node foreign = TestOps.constant(other, Tensor.scalar(1.0)).node();
            int version = g.structureVersion();
            assertThrowsWithMessage(GraphBuildException.class, () -> g.addControlInput(local, foreign),
                    "this graph");
            assertThrows(GraphBuildException.class, () -> g.addControlInput(foreign, local));
            assertEquals(version, g.structureVersion());
            assertTrue(local.controlInputs().isEmpty());
        }
    }

    @Test
    void addControlInputOnAClosedGraphIsRefused() {
        Node a = constant(1).node();
        Node b = constant(2).node();
        g.close();
        int version = g.structureVersion();
        assertThrowsWithMessage(GraphBuildException.class, () -> g.addControlInput(b, a), "closed");
        assertEquals(version, g.structureVersion());
    }

    @Test
    void addControlInputRefusesNull() {
        Node a = constant(1).node();
        assertThrows(NullPointerException.class, () -> g.addControlInput(a, null));
        assertThrows(NullPointerException.class, () -> g.addControlInput(null, a));
    }

    @Test
    void controlInputFromALaterNodeReordersExecution() {
        Node early = constant("early", Tensor.scalar(1.0)).node();
        Node late = constant("late", Tensor.scalar(2.0)).node();
        g.addControlInput(early, late);
        assertEquals(List.of("late", "early"), names(g.executionOrder(List.of(early), Set.of())));
        // Insertion order is unchanged.
        assertEquals(List.of("early", "late"), names(g.nodes()));
    }

    // ---------------------------------------------------------------- execution order

    @Test
    void executionOrderIsExactlyTheAncestorsInTopologicalOrder() {
        // a, b -> ab = a+b;  c -> unrelated = c*c;  J = ab * a
        Output a = constant("a", Tensor.scalar(1.0));
        Output b = constant("b", Tensor.scalar(2.0));
        Output c = constant("c", Tensor.scalar(3.0));
        Output ab = named("TestAdd", "ab", a, b);
        named("TestMul", "unrelated", c, c);
        Output j = named("TestMul", "J", ab, a);
        List<Node> order = g.executionOrder(List.of(j.node()), Set.of());
        assertEquals(Set.of("a", "b", "ab", "J"), Set.copyOf(names(order)));
        assertEquals(4, order.size());
        assertTopological(order);
        assertEquals("J", order.get(3).name());
    }

    @Test
    void executionOrderOfSeveralRoots() {
        Output a = constant("a", Tensor.scalar(1.0));
        Output b = constant("b", Tensor.scalar(2.0));
        Output x = named("TestRecord", "x", a);
        Output y = named("TestRecord", "y", b);
        named("TestAdd", "z", x, y);
        List<Node> order = g.executionOrder(List.of(y.node(), x.node()), Set.of());
        assertEquals(Set.of("a", "b", "x", "y"), Set.copyOf(names(order)));
        assertTopological(order);
    }

    @Test
    void executionOrderOfNoRootsIsEmpty() {
        constant(1);
        assertTrue(g.executionOrder(List.of(), Set.of()).isEmpty());
    }

    @Test
    void fedOutputCutsOffItsProducer() {
        // p -> r1 -> r2 -> J; feeding r1:0 means neither r1 nor p runs.
        Output p = TestOps.placeholder(g, "p", DType.FLOAT64, Shape.scalar());
        Output r1 = named("TestRecord", "r1", p);
        Output r2 = named("TestRecord", "r2", r1);
        Output j = named("TestAdd", "J", r2, r2);
        assertEquals(List.of("r2", "J"), names(g.executionOrder(List.of(j.node()), Set.of(r1))));
        assertEquals(List.of("r1", "r2", "J"), names(g.executionOrder(List.of(j.node()), Set.of(p))));
        assertEquals(List.of("p", "r1", "r2", "J"), names(g.executionOrder(List.of(j.node()), Set.of())));
    }

    @Test
    void fedProducerStillRunsWhenAnotherPathNeedsIt() {
        // in -> split (2 outputs); J = split:0 + split:1. Feeding split:0 still needs split:1.
        Output in = constant("in", Tensor.scalar(1.0));
        Node split = g.nodeBuilder("TestSplit").name("split").input(in).build();
        Output j = named("TestAdd", "J", split.output(0), split.output(1));
        assertEquals(List.of("in", "split", "J"),
                names(g.executionOrder(List.of(j.node()), Set.of(split.output(0)))));
        assertEquals(List.of("J"),
                names(g.executionOrder(List.of(j.node()), Set.of(split.output(0), split.output(1)))));
    }

    @Test
    void fedProducerStillRunsWhenAnotherConsumerNeedsIt() {
        // a -> r -> x;  a -> y;  J = x + y. Feeding a:0 cuts a off from both.
        // Feeding r:0 cuts r off, but a is still needed by y.
        Output a = constant("a", Tensor.scalar(1.0));
        Output r = named("TestRecord", "r", a);
        Output x = named("TestRecord", "x", r);
        Output y = named("TestRecord", "y", a);
        Output j = named("TestAdd", "J", x, y);
        List<Node> order = g.executionOrder(List.of(j.node()), Set.of(r));
        assertEquals(Set.of("a", "x", "y", "J"), Set.copyOf(names(order)));
        assertTopological(order);
        List<Node> cutA = g.executionOrder(List.of(j.node()), Set.of(a));
        assertEquals(Set.of("r", "x", "y", "J"), Set.copyOf(names(cutA)));
    }

    @Test
    void controlInputsAreFollowedEvenWhenTheProducerIsFed() {
        // J reads r; J also has a control input on p's consumer chain.
        Output p = TestOps.placeholder(g, "p", DType.FLOAT64, Shape.scalar());
        Output r = named("TestRecord", "r", p);
        Node side = constant("side", Tensor.scalar(5.0)).node();
        Node j = g.nodeBuilder("TestRecord").name("J").input(r).controlInput(side).controlInput(r.node()).build();
        List<Node> order = g.executionOrder(List.of(j), Set.of(r));
        // r is fed, but J's control edge on r still makes r (and so p) run.
        assertEquals(Set.of("p", "r", "side", "J"), Set.copyOf(names(order)));
        assertTopological(order);
        assertEquals("J", order.get(order.size() - 1).name());
    }

    @Test
    void controlInputsAddedLaterAreFollowed() {
        Node a = constant("a", Tensor.scalar(1.0)).node();
        Node b = constant("b", Tensor.scalar(1.0)).node();
        Node c = constant("c", Tensor.scalar(1.0)).node();
        g.addControlInput(c, b);
        g.addControlInput(b, a);
        assertEquals(List.of("a", "b", "c"), names(g.executionOrder(List.of(c), Set.of())));
    }

    @Test
    void executionOrderRefusesNodesOfAnotherGraph() {
        constant(1);
        try (Graph other = new Graph(REGISTRY)) {
            Node foreign = TestOps.constant(other, Tensor.scalar(1.0)).node();
            assertThrowsWithMessage(IllegalArgumentException.class,
                    () -> g.executionOrder(List.of(foreign), Set.of()), "another graph");
        }
    }

    /** Checks that every node comes after its inputs and control inputs that are in the list. */
    private static void assertTopological(List<Node> order) {
        for (int i = 0; i < order.size(); i++) {
            Node n = order.get(i);
            for (Output in : n.inputs()) {
                int at = order.indexOf(in.node());
                assertTrue(at < i, in.node().name() + " must come before " + n.name() + " in " + names(order));
            }
            for (Node dep : n.controlInputs()) {
                int at = order.indexOf(dep);
                assertTrue(at < i, dep.name() + " must come before " + n.name() + " in " + names(order));
            }
        }
    }
}
