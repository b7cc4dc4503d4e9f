package dev.flowgraph.ops.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.DType;
import dev.flowgraph.FlowgraphException;
import dev.flowgraph.Graph;
import dev.flowgraph.GraphBuildException;
import dev.flowgraph.KernelException;
import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Result;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.UninitializedVariableException;
import dev.flowgraph.UnknownNameException;
import dev.flowgraph.ops.Ops;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Variables through the facade: initialisation, the uninitialised-read error, assign ops and their
 * reads-before-writes rule, counters over many runs and threads, independent sessions, and the
 * session's snapshot and all-or-nothing restore.
 */
class VariablesTest {
    private final Graph g = new Graph();
    private final Ops tf = Ops.on(g);

    @AfterEach
    void closeGraph() {
        g.close();
    }

    private static void assertMessage(Exception e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message lacks '" + p + "': " + e.getMessage());
        }
    }

    private static void init(Session s, Ops tf) {
        s.runner().addTarget(tf.initAllVariables()).run();
    }

    @Test
    void readingBeforeInitialisationNamesTheVariableAndWhatToDo() {
        Variable w = tf.variable("w", DType.FLOAT64, Shape.of(2), Initializers.ones());
        Output doubled = tf.withName("doubled").mul(w.output(), tf.constant(2.0));
        try (Session s = new Session(g, 2)) {
            UninitializedVariableException e = assertThrows(UninitializedVariableException.class,
                    () -> s.runner().fetch(doubled).run());
            assertEquals("w", e.variableName());
            assertEquals("w", e.nodeName());
            assertEquals("Variable", e.opType());
            assertEquals("Node 'w' (op Variable; no inputs) failed: variable 'w' has no value in this session: run its"
                    + " initializer first (e.g. session.runner().addTarget(tf.initAllVariables()).run()) or restore a"
                    + " checkpoint", e.getMessage());
            assertEquals(List.of("w"), s.uninitializedVariables());
            // The session stays usable: initialise, then the same fetch works.
            init(s, tf);
            assertEquals(Tensor.vector(2.0, 2.0), s.runner().fetch(doubled).run().get(0));
            assertEquals(List.of(), s.uninitializedVariables());
        }
    }

    @Test
    void assignAddOfAnUninitialisedVariableFailsAtTheVariable() {
        Variable c = tf.variable("c", DType.INT32, Shape.scalar(), Initializers.zeros());
        Output next = tf.assignAdd(c.output(), tf.constant(1));
        try (Session s = new Session(g, 1)) {
            UninitializedVariableException e = assertThrows(UninitializedVariableException.class,
                    () -> s.runner().fetch(next).run());
            assertEquals("c", e.variableName());
        }
    }

    @Test
    void aReadInTheRunOfTheAssignSeesTheOldValueAndTheNextRunTheNew() {
        Variable v = tf.variable("v", DType.FLOAT64, Shape.of(2), Initializers.constant(1.5));
        Output set = tf.assign(v.output(), tf.constant(Tensor.vector(7.0, 8.0)));
        Output readPlusOne = tf.add(v.output(), tf.constant(1.0));
        try (Session s = new Session(g, 4)) {
            init(s, tf);
            Result r = s.runner().fetch(v.output()).fetch(readPlusOne).fetch(set).run();
            assertEquals(Tensor.vector(1.5, 1.5), r.get(0));
            // 1.5 + 1 = 2.5: the add read the value before the assign wrote.
            assertEquals(Tensor.vector(2.5, 2.5), r.get(1));
            assertEquals(Tensor.vector(7.0, 8.0), r.get(2));
            assertEquals(Tensor.vector(7.0, 8.0), s.runner().fetch(v.output()).run().get(0));
        }
    }

    @Test
    void feedingAVariablesOutputReplacesItsValueForThatRunOnly() {
        Variable v = tf.variable("v", DType.FLOAT64, Shape.scalar(), Initializers.constant(1));
        Output doubled = tf.mul(v.output(), tf.constant(2.0));
        try (Session s = new Session(g, 1)) {
            init(s, tf);
            assertEquals(10.0, s.runner().feed("v", Tensor.scalar(5.0)).fetch(doubled).run().get(0).getDouble());
            assertEquals(2.0, s.runner().fetch(doubled).run().get(0).getDouble());
        }
    }

    @Test
    void assignAddCountsSequentialRunsExactlyAndAssignSubCountsDown() {
        Variable c = tf.variable("c", DType.INT64, Shape.scalar(), Initializers.constant(10));
        Output up = tf.assignAdd(c.output(), tf.constant(3L));
        Output down = tf.assignSub(c.output(), tf.constant(1L));
        try (Session s = new Session(g, 2)) {
            init(s, tf);
            for (int i = 1; i <= 50; i++) {
                assertEquals(10 + 3L * i, s.runner().fetch(up).run().get(0).getLong());
            }
            // 10 + 3 * 50 = 160, then minus 1 five times = 155.
            for (int i = 0; i < 5; i++) {
                s.runner().addTarget(down.node()).run();
            }
            assertEquals(155L, s.runner().fetch(c.output()).run().get(0).getLong());
        }
    }

    @Test
    void concurrentAssignAddsFromManyThreadsLoseNoUpdate() throws Exception {
        Variable c = tf.variable("c", DType.FLOAT64, Shape.of(3), Initializers.zeros());
        Node step = tf.assignAdd(c.output(), tf.constant(Tensor.vector(1.0, 2.0, 0.5))).node();
        int threads = 8;
        int runsEach = 200;
        ExecutorService callers = Executors.newFixedThreadPool(threads);
        try (Session s = new Session(g, 4)) {
            init(s, tf);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(callers.submit(() -> {
                    for (int i = 0; i < runsEach; i++) {
                        s.runner().addTarget(step).run();
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            // 8 * 200 = 1,600 increments, each exact in FLOAT64 (the sums stay far below 2^53).
            assertEquals(Tensor.vector(1600.0, 3200.0, 800.0), s.runner().fetch(c.output()).run().get(0));
        } finally {
            callers.shutdown();
        }
    }

    @Test
    void twoSessionsOverOneGraphHoldIndependentValues() {
        Variable c = tf.variable("c", DType.INT32, Shape.scalar(), Initializers.zeros());
        Output next = tf.assignAdd(c.output(), tf.constant(1));
        try (Session a = new Session(g, 1); Session b = new Session(g, 2)) {
            init(a, tf);
            a.runner().fetch(next).run();
            a.runner().fetch(next).run();
            assertEquals(List.of("c"), b.uninitializedVariables());
            init(b, tf);
            b.runner().fetch(next).run();
            assertEquals(2, a.runner().fetch(c.output()).run().get(0).getInt());
            assertEquals(1, b.runner().fetch(c.output()).run().get(0).getInt());
        }
    }

    @Test
    void groupRunsAllItsDependenciesAndHasNoOutputs() {
        Variable a = tf.variable("a", DType.INT32, Shape.scalar(), Initializers.zeros());
        Variable b = tf.variable("b", DType.INT32, Shape.scalar(), Initializers.ones());
        Node both = tf.group("step", tf.assignAdd(a.output(), tf.constant(5)).node(),
                tf.assignSub(b.output(), tf.constant(2)).node());
        assertEquals("NoOp", both.opType());
        assertEquals(0, both.outputCount());
        try (Session s = new Session(g, 2)) {
            init(s, tf);
            assertEquals(0, s.runner().addTarget("step").run().size());
            assertEquals(Map.of("a", Tensor.scalar(5), "b", Tensor.scalar(-1)), s.variableValues());
        }
    }

    @Test
    void initAllVariablesCoversOnlyTheVariablesThatExistWhenCalled() {
        tf.variable("early", DType.FLOAT32, Shape.of(2), Initializers.ones());
        Node init = tf.initAllVariables();
        tf.variable("late", DType.FLOAT32, Shape.of(2), Initializers.zeros());
        assertEquals("init", init.name());
        assertEquals(List.of("early/Assign"), init.controlInputs().stream().map(Node::name).toList());
        try (Session s = new Session(g, 1)) {
            s.runner().addTarget(init).run();
            assertEquals(List.of("late"), s.uninitializedVariables());
            Node again = tf.initAllVariables();
            assertEquals("init_1", again.name());
            s.runner().addTarget(again).run();
            assertEquals(List.of(), s.uninitializedVariables());
        }
    }

    @Test
    void theHandleDescribesTheVariableAndItsMarkedInitializer() {
        Variable w = tf.withScope("layer").variable("w", DType.FLOAT32, Shape.of(3, 4), Initializers.zeros());
        assertEquals("layer/w", w.name());
        assertEquals(DType.FLOAT32, w.dtype());
        assertEquals(Shape.of(3, 4), w.shape());
        assertEquals("Variable", w.node().opType());
        assertEquals("layer/w/Assign", w.initializer().name());
        assertTrue(w.initializer().attrs().getBoolean("initializer"));
        assertEquals(w.output(), w.initializer().input(0));
        assertEquals(List.of(w.node()), g.variables());
    }

    @Test
    void buildTimeRefusals() {
        assertMessage(assertThrows(GraphBuildException.class,
                () -> tf.variable("p", DType.FLOAT32, Shape.of(-1, 3), Initializers.zeros())),
                "'p'", "Variable", "fully defined", "[-1, 3]");
        Variable v = tf.variable("v", DType.FLOAT64, Shape.of(2, 3), Initializers.zeros());
        assertMessage(assertThrows(GraphBuildException.class,
                () -> tf.withName("bad").assign(v.output(), tf.constant(Tensor.vector(1.0, 2.0)))),
                "'bad'", "Assign", "[2]", "[2, 3]", "differs from the variable's shape");
        assertMessage(assertThrows(GraphBuildException.class,
                () -> tf.assignAdd(v.output(), tf.constant(Tensor.zeros(DType.FLOAT32, Shape.of(2, 3))))),
                "AssignAdd", "float32", "float64");
        Output notAVariable = tf.constant(Tensor.zeros(DType.FLOAT64, Shape.of(2, 3)));
        assertMessage(assertThrows(GraphBuildException.class,
                () -> tf.assign(notAVariable, notAVariable)), "Assign", "first input must be a variable's output",
                "Const");
        Variable flag = tf.variable("flag", DType.BOOL, Shape.scalar(), Initializers.zeros());
        assertMessage(assertThrows(GraphBuildException.class,
                () -> tf.assignAdd(flag.output(), tf.constant(true))), "AssignAdd", "numeric dtype");
    }

    @Test
    void assigningAValueOfTheWrongRuntimeShapeFailsAndChangesNothing() {
        Variable v = tf.variable("v", DType.FLOAT64, Shape.of(2), Initializers.zeros());
        Output fed = tf.placeholder("x", DType.FLOAT64, Shape.of(-1));
        Output set = tf.assign(v.output(), fed);
        try (Session s = new Session(g, 1)) {
            init(s, tf);
            KernelException e = assertThrows(KernelException.class,
                    () -> s.runner().feed("x", Tensor.vector(1.0, 2.0, 3.0)).fetch(set).run());
            assertMessage(e, "Assign", "variable 'v' is float64[2] but the value is float64[3]");
            assertEquals(Tensor.vector(0.0, 0.0), s.variableValues().get("v"));
        }
    }

    @Test
    void snapshotAndRestoreRoundTripIntoAnotherSession() {
        Variable w = tf.variable("w", DType.FLOAT32, Shape.of(2), Initializers.constant(0.25));
        Variable n = tf.variable("n", DType.INT32, Shape.scalar(), Initializers.zeros());
        Output bump = tf.assignAdd(n.output(), tf.constant(4));
        try (Session a = new Session(g, 1); Session b = new Session(g, 1)) {
            init(a, tf);
            a.runner().fetch(bump).run();
            Map<String, Tensor> saved = a.variableValues();
            assertEquals(List.of("w", "n"), List.copyOf(saved.keySet()));
            b.restoreVariables(saved);
            assertEquals(Tensor.vector(0.25f, 0.25f), b.runner().fetch(w.output()).run().get(0));
            assertEquals(8, b.runner().fetch(bump).run().get(0).getInt());
            assertEquals(4, a.variableValues().get("n").getInt());
        }
    }

    @Test
    void restoreIsAllOrNothing() {
        tf.variable("weights", DType.FLOAT64, Shape.of(2), Initializers.zeros());
        tf.variable("bias", DType.FLOAT64, Shape.scalar(), Initializers.zeros());
        tf.withName("k").constant(1.0);
        try (Session s = new Session(g, 1)) {
            init(s, tf);
            Map<String, Tensor> before = s.variableValues();

            Map<String, Tensor> misspelt = new LinkedHashMap<>();
            misspelt.put("bias", Tensor.scalar(9.0));
            misspelt.put("weight", Tensor.vector(1.0, 2.0));
            assertEquals("Cannot restore variables: the graph has no variable named 'weight'. Did you mean"
                    + " 'weights'?; nothing was changed",
                    assertThrows(UnknownNameException.class, () -> s.restoreVariables(misspelt)).getMessage());

            Map<String, Tensor> constant = new LinkedHashMap<>();
            constant.put("bias", Tensor.scalar(9.0));
            constant.put("k", Tensor.scalar(2.0));
            assertMessage(assertThrows(UnknownNameException.class, () -> s.restoreVariables(constant)),
                    "'k' is a Const node, not a variable", "nothing was changed");

            Map<String, Tensor> wrongDType = new LinkedHashMap<>();
            wrongDType.put("bias", Tensor.scalar(9.0));
            wrongDType.put("weights", Tensor.vector(1.0f, 2.0f));
            assertEquals("Cannot restore variables: variable 'weights' is float64[2] but the value given is"
                    + " float32[2]; nothing was changed",
                    assertThrows(FlowgraphException.class, () -> s.restoreVariables(wrongDType)).getMessage());

            Map<String, Tensor> wrongShape = new LinkedHashMap<>();
            wrongShape.put("bias", Tensor.scalar(9.0));
            wrongShape.put("weights", Tensor.vector(1.0, 2.0, 3.0));
            assertMessage(assertThrows(FlowgraphException.class, () -> s.restoreVariables(wrongShape)),
                    "'weights' is float64[2]", "float64[3]", "nothing was changed");

            assertEquals(before, s.variableValues());
        }
    }
}
