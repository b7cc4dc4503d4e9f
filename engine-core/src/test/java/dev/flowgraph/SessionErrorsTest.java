package dev.flowgraph;

import static dev.flowgraph.SessionTest.buildJ;
import static dev.flowgraph.SessionTest.named;
import static dev.flowgraph.SessionTest.record;
import static dev.flowgraph.SessionTest.recordedNodes;
import static dev.flowgraph.SessionTest.scalarPlaceholder;
import static dev.flowgraph.SessionTest.uniquePrefix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OpRegistry;
import dev.flowgraph.spi.OutputSpec;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The errors a session reports: their types, their messages, and that the session survives them. */
class SessionErrorsTest {
    /** Passes its input through but claims an output shape of [2]: its kernel contradicts its shape rule. */
    private static final OpDef WRONG_SHAPE = TestOps.define("ErrTestWrongShape", 1,
            node -> List.of(new OutputSpec(DType.FLOAT64, Shape.of(2))), k -> k.setOutput(0, k.input(0)));

    /** Sets no output at all. */
    private static final OpDef NO_OUTPUT = TestOps.passThrough("ErrTestNoOutput", k -> { });

    /** Throws an Error, not an exception. */
    private static final OpDef THROWS_ERROR = TestOps.passThrough("ErrTestThrowsError", k -> {
        throw new AssertionError("kaput");
    });

    private static final OpRegistry REGISTRY =
            TestOps.REGISTRY.with(List.of(WRONG_SHAPE, NO_OUTPUT, THROWS_ERROR));

    private Graph g;

    @BeforeEach
    void setUp() {
        g = new Graph(REGISTRY);
    }

    @AfterEach
    void tearDown() {
        g.close();
    }

    private static Runner fedJ(Session s) {
        return s.runner().feed("a", Tensor.scalar(5.0)).feed("b", Tensor.scalar(3.0)).feed("c", Tensor.scalar(2.0));
    }

    // ---------------------------------------------------------------- missing feeds

    @Test
    void aMissingFeedNamesThePlaceholderAndTheFetchThatNeedsIt() {
        buildJ(g);
        try (Session s = new Session(g, 2)) {
            InvalidRunException e = assertThrows(InvalidRunException.class,
                    () -> s.runner().feed("a", Tensor.scalar(5.0)).feed("b", Tensor.scalar(3.0)).fetch("J").run());
            String m = e.getMessage();
            assertTrue(m.contains("'c'"), m);
            assertTrue(m.contains("J:0"), m);
            assertTrue(m.contains("float64"), m);
            assertFalse(m.contains("'b'"), m);
            // the session is still usable
            assertEquals(33.0, fedJ(s).fetch("J").run().get(0).getDouble());
        }
    }

    @Test
    void aMissingFeedNeededByATargetNamesTheTarget() {
        buildJ(g);
        try (Session s = new Session(g, 2)) {
            InvalidRunException e = assertThrows(InvalidRunException.class,
                    () -> s.runner().feed("b", Tensor.scalar(3.0)).feed("c", Tensor.scalar(2.0)).addTarget("sum").run());
            assertTrue(e.getMessage().contains("'a'"), e.getMessage());
            assertTrue(e.getMessage().contains("sum"), e.getMessage());
        }
    }

    @Test
    void aMissingFeedIsReportedBeforeAnythingRuns() {
        String p = uniquePrefix();
        Output x = scalarPlaceholder(g, p + "x");
        Output y = scalarPlaceholder(g, p + "y");
        Output rx = record(g, p + "rx", 0, x);
        Output ry = record(g, p + "ry", 0, y);
        Output sum = named(g, "TestAdd", p + "sum", rx, ry);
        try (Session s = new Session(g, 2)) {
            InvalidRunException e = assertThrows(InvalidRunException.class,
                    () -> s.runner().feed(x, Tensor.scalar(1.0)).fetch(sum).run());
            assertTrue(e.getMessage().contains("'" + p + "y'"), e.getMessage());
            assertEquals(List.of(), recordedNodes(p));
        }
    }

    @Test
    void fetchingAnUnfedPlaceholderIsAMissingFeed() {
        buildJ(g);
        try (Session s = new Session(g, 2)) {
            InvalidRunException e = assertThrows(InvalidRunException.class, () -> s.runner().fetch("a").run());
            assertTrue(e.getMessage().contains("'a'"), e.getMessage());
        }
    }

    // ---------------------------------------------------------------- wrong feeds

    @Test
    void aFeedOfTheWrongDTypeIsRefusedAtTheFeed() {
        buildJ(g);
        try (Session s = new Session(g, 2)) {
            Runner r = s.runner();
            InvalidRunException e = assertThrows(InvalidRunException.class, () -> r.feed("a", Tensor.scalar(5.0f)));
            String m = e.getMessage();
            assertTrue(m.contains("'a:0'") || m.contains("'a'"), m);
            assertTrue(m.contains("float32"), m);
            assertTrue(m.contains("float64"), m);
            assertThrows(InvalidRunException.class, () -> r.feed("a", Tensor.scalar(5)));
            assertThrows(InvalidRunException.class, () -> r.feed("a", Tensor.scalar(5L)));
            assertThrows(InvalidRunException.class, () -> r.feed("a", Tensor.scalar(true)));
            // the runner still works after the refusals: nothing was added
            assertEquals(33.0, r.feed("a", Tensor.scalar(5.0)).feed("b", Tensor.scalar(3.0))
                    .feed("c", Tensor.scalar(2.0)).fetch("J").run().get(0).getDouble());
        }
    }

    @Test
    void aFeedOfTheWrongShapeIsRefused() {
        Output x = TestOps.placeholder(g, "x", DType.FLOAT64, Shape.of(-1, 3));
        Output two = TestOps.constant(g, Tensor.scalar(2.0));
        named(g, "TestMul", "y", x, two);
        try (Session s = new Session(g, 2)) {
            // accepted: [5, 3] and [0, 3]
            Tensor t53 = Tensor.of(new double[15], Shape.of(5, 3));
            Tensor y = s.runner().feed("x", t53).fetch("y").run().get(0);
            assertEquals(Shape.of(5, 3), y.shape());
            Tensor t03 = Tensor.of(new double[0], Shape.of(0, 3));
            s.runner().feed("x", t03);
            // refused: [5, 4] (a known dimension differs) and [3] (the rank differs)
            InvalidRunException e54 = assertThrows(InvalidRunException.class,
                    () -> s.runner().feed("x", Tensor.of(new double[20], Shape.of(5, 4))));
            assertTrue(e54.getMessage().contains("[5, 4]"), e54.getMessage());
            assertTrue(e54.getMessage().contains("[-1, 3]"), e54.getMessage());
            assertTrue(e54.getMessage().contains("'x:0'") || e54.getMessage().contains("'x'"), e54.getMessage());
            InvalidRunException e3 = assertThrows(InvalidRunException.class,
                    () -> s.runner().feed("x", Tensor.vector(1.0, 2.0, 3.0)));
            assertTrue(e3.getMessage().contains("[3]"), e3.getMessage());
            // scalar to a rank-2 placeholder
            assertThrows(InvalidRunException.class, () -> s.runner().feed("x", Tensor.scalar(1.0)));
        }
    }

    @Test
    void anEmptyFeedRunsToAnEmptyResult() {
        Output x = TestOps.placeholder(g, "x", DType.FLOAT64, Shape.of(-1, 3));
        // TestRecord, not TestMul: TestOps' binary kernel cannot broadcast a scalar against 0 elements
        g.nodeBuilder("TestRecord").name("y").input(x).build();
        try (Session s = new Session(g, 2)) {
            Tensor y = s.runner().feed("x", Tensor.of(new double[0], Shape.of(0, 3))).fetch("y").run().get(0);
            assertEquals(Shape.of(0, 3), y.shape());
            assertEquals(0, y.size());
        }
    }

    @Test
    void aScalarPlaceholderRefusesAVector() {
        buildJ(g);
        try (Session s = new Session(g, 2)) {
            assertThrows(InvalidRunException.class, () -> s.runner().feed("a", Tensor.vector(1.0)));
        }
    }

    @Test
    void aPlaceholderOfUnknownShapeAcceptsAnyShape() {
        Output x = TestOps.placeholder(g, "x", DType.FLOAT64, Shape.unknown());
        named(g, "TestMul", "y", x, TestOps.constant(g, Tensor.scalar(2.0)));
        try (Session s = new Session(g, 2)) {
            assertEquals(Tensor.scalar(4.0), s.runner().feed("x", Tensor.scalar(2.0)).fetch("y").run().get(0));
            assertEquals(Tensor.vector(2.0, 4.0), s.runner().feed("x", Tensor.vector(1.0, 2.0)).fetch("y").run().get(0));
        }
    }

    @Test
    void feedingTheSameOutputTwiceIsRefused() {
        buildJ(g);
        try (Session s = new Session(g, 2)) {
            InvalidRunException e = assertThrows(InvalidRunException.class,
                    () -> s.runner().feed("a", Tensor.scalar(1.0)).feed("a", Tensor.scalar(2.0)));
            assertTrue(e.getMessage().contains("a:0"), e.getMessage());
            assertTrue(e.getMessage().contains("twice"), e.getMessage());
            // by other spellings of the same output
            assertThrows(InvalidRunException.class,
                    () -> s.runner().feed("a", Tensor.scalar(1.0)).feed("a:0", Tensor.scalar(2.0)));
            assertThrows(InvalidRunException.class,
                    () -> s.runner().feed(g.output("bc"), Tensor.scalar(1.0)).feed("bc", Tensor.scalar(2.0)));
        }
    }

    @Test
    void aNullFeedValueIsRefused() {
        buildJ(g);
        try (Session s = new Session(g, 2)) {
            assertThrows(NullPointerException.class, () -> s.runner().feed("a", null));
        }
    }

    // ---------------------------------------------------------------- unknown names

    @Test
    void anUnknownFeedNameSuggestsTheNearestNames() {
        buildJ(g);
        try (Session s = new Session(g, 2)) {
            InvalidRunException e = assertThrows(InvalidRunException.class,
                    () -> s.runner().feed("summ", Tensor.scalar(1.0)));
            String m = e.getMessage();
            assertTrue(m.contains("'summ'"), m);
            assertTrue(m.contains("Did you mean"), m);
            assertTrue(m.contains("'sum'"), m);
            assertTrue(m.toLowerCase().contains("feed"), m);
        }
    }

    @Test
    void anUnknownFetchNameSuggestsTheNearestNames() {
        buildJ(g);
        try (Session s = new Session(g, 2)) {
            InvalidRunException e = assertThrows(InvalidRunException.class, () -> s.runner().fetch("three_"));
            String m = e.getMessage();
            assertTrue(m.contains("'three_'"), m);
            assertTrue(m.contains("Did you mean 'three'"), m);
            assertTrue(m.toLowerCase().contains("fetch"), m);
            // also with an index
            InvalidRunException e2 = assertThrows(InvalidRunException.class, () -> s.runner().fetch("bcc:0"));
            assertTrue(e2.getMessage().contains("'bc'"), e2.getMessage());
        }
    }

    @Test
    void anUnknownTargetNameSuggestsTheNearestNames() {
        buildJ(g);
        try (Session s = new Session(g, 2)) {
            InvalidRunException e = assertThrows(InvalidRunException.class, () -> s.runner().addTarget("Sum"));
            String m = e.getMessage();
            assertTrue(m.contains("'Sum'"), m);
            assertTrue(m.contains("Did you mean 'sum'"), m);
        }
    }

    @Test
    void aFarOffNameGetsNoSuggestion() {
        buildJ(g);
        try (Session s = new Session(g, 2)) {
            InvalidRunException e = assertThrows(InvalidRunException.class, () -> s.runner().fetch("zzzzzzzz"));
            assertTrue(e.getMessage().contains("'zzzzzzzz'"), e.getMessage());
            assertFalse(e.getMessage().contains("Did you mean"), e.getMessage());
        }
    }

    @Test
    void anOutputIndexOutOfRangeIsRefused() {
        Output x = scalarPlaceholder(g, "x");
        g.nodeBuilder("TestSplit").name("split").input(x).build();
        try (Session s = new Session(g, 2)) {
            InvalidRunException e = assertThrows(InvalidRunException.class, () -> s.runner().fetch("x:3"));
            assertTrue(e.getMessage().contains("x:3"), e.getMessage());
            assertTrue(e.getMessage().contains("1 output"), e.getMessage());
            InvalidRunException e2 = assertThrows(InvalidRunException.class,
                    () -> s.runner().feed("split:2", Tensor.scalar(1.0)));
            assertTrue(e2.getMessage().contains("split:2"), e2.getMessage());
            assertTrue(e2.getMessage().contains("2 outputs"), e2.getMessage());
            // malformed indexes
            assertThrows(InvalidRunException.class, () -> s.runner().fetch("x:-1"));
            assertThrows(InvalidRunException.class, () -> s.runner().fetch("x:one"));
            // split:1 exists
            assertEquals(8.0, s.runner().feed("x", Tensor.scalar(4.0)).fetch("split:1").run().get(0).getDouble());
        }
    }

    // ---------------------------------------------------------------- other graphs

    @Test
    void outputsAndNodesOfAnotherGraphAreRefused() {
        buildJ(g);
        try (Graph other = new Graph(REGISTRY); Session s = new Session(g, 2)) {
            buildJ(other);
            InvalidRunException feed = assertThrows(InvalidRunException.class,
                    () -> s.runner().feed(other.output("a"), Tensor.scalar(1.0)));
            assertTrue(feed.getMessage().contains("another graph"), feed.getMessage());
            assertTrue(feed.getMessage().contains("a:0"), feed.getMessage());
            InvalidRunException fetch = assertThrows(InvalidRunException.class,
                    () -> s.runner().fetch(other.output("J")));
            assertTrue(fetch.getMessage().contains("another graph"), fetch.getMessage());
            assertTrue(fetch.getMessage().contains("J:0"), fetch.getMessage());
            InvalidRunException target = assertThrows(InvalidRunException.class,
                    () -> s.runner().addTarget(other.node("sum")));
            assertTrue(target.getMessage().contains("another graph"), target.getMessage());
        }
    }

    // ---------------------------------------------------------------- kernel failures

    @Test
    void aKernelFailureNamesTheNodeItsOpAndItsInputShapesAndTheSessionSurvives() {
        Output x = TestOps.placeholder(g, "x", DType.FLOAT64, Shape.of(-1, 3));
        Output failed = named(g, "TestFail", "broken", x);
        named(g, "TestAdd", "after", failed, TestOps.constant(g, Tensor.scalar(1.0)));
        named(g, "TestAdd", "fine", x, TestOps.constant(g, Tensor.scalar(1.0)));
        try (Session s = new Session(g, 2)) {
            KernelException e = assertThrows(KernelException.class,
                    () -> s.runner().feed("x", Tensor.of(new double[6], Shape.of(2, 3))).fetch("after").run());
            assertEquals("broken", e.nodeName());
            assertEquals("TestFail", e.opType());
            String m = e.getMessage();
            assertTrue(m.contains("'broken'"), m);
            assertTrue(m.contains("TestFail"), m);
            assertTrue(m.contains("float64[2, 3]"), m);
            assertTrue(m.contains("boom"), m);
            assertInstanceOf(IllegalStateException.class, e.getCause());
            assertEquals("boom", e.getCause().getMessage());
            assertInstanceOf(FlowgraphException.class, e);

            // the same session runs again
            Tensor ok = s.runner().feed("x", Tensor.of(new double[] {1, 2, 3}, Shape.of(1, 3))).fetch("fine").run().get(0);
            assertEquals(Tensor.of(new double[] {2, 3, 4}, Shape.of(1, 3)), ok);
            // and fails again the same way with the same (cached) plan
            assertThrows(KernelException.class,
                    () -> s.runner().feed("x", Tensor.of(new double[6], Shape.of(2, 3))).fetch("after").run());
        }
    }

    @Test
    void aKernelFailureOnAPoolThreadIsReportedToTheCaller() {
        Output x = scalarPlaceholder(g, "x");
        Output slept = g.nodeBuilder("TestSleep").name("sleep").input(x).attr("millis", 20L).build().output(0);
        named(g, "TestFail", "broken", slept);
        try (Session s = new Session(g, 2)) {
            KernelException e = assertThrows(KernelException.class,
                    () -> s.runner().feed("x", Tensor.scalar(1.0)).fetch("broken").run());
            assertEquals("broken", e.nodeName());
            assertTrue(e.getMessage().contains("float64[]"), e.getMessage());
            assertEquals("boom", e.getCause().getMessage());
            assertEquals(1.0, s.runner().feed("x", Tensor.scalar(1.0)).fetch("sleep").run().get(0).getDouble());
        }
    }

    @Test
    void nothingDownstreamOfAFailureRunsAndLaterNodesAreNotStarted() {
        String p = uniquePrefix();
        Output x = scalarPlaceholder(g, p + "x");
        Output failed = named(g, "TestFail", p + "broken", x);
        Output after = record(g, p + "after", 0, failed);
        // a slow independent branch; by the time it finishes, the failure is long known
        Output slept = g.nodeBuilder("TestSleep").name(p + "sleep").input(x).attr("millis", 150L).build().output(0);
        Output late = record(g, p + "late", 0, slept);
        Output join = named(g, "TestAdd", p + "join", after, late);
        try (Session s = new Session(g, 2)) {
            KernelException e = assertThrows(KernelException.class,
                    () -> s.runner().feed(x, Tensor.scalar(1.0)).fetch(join).run());
            assertEquals(p + "broken", e.nodeName());
        }
        assertEquals(List.of(), recordedNodes(p));
    }

    @Test
    void aKernelThatContradictsItsShapeRuleFails() {
        Output x = scalarPlaceholder(g, "x");
        named(g, "ErrTestWrongShape", "wrong", x);
        named(g, "ErrTestNoOutput", "none", x);
        try (Session s = new Session(g, 1)) {
            KernelException e = assertThrows(KernelException.class,
                    () -> s.runner().feed("x", Tensor.scalar(1.0)).fetch("wrong").run());
            assertEquals("wrong", e.nodeName());
            assertEquals("ErrTestWrongShape", e.opType());
            assertTrue(e.getMessage().contains("[2]"), e.getMessage());
            KernelException e2 = assertThrows(KernelException.class,
                    () -> s.runner().feed("x", Tensor.scalar(1.0)).fetch("none").run());
            assertEquals("none", e2.nodeName());
            assertTrue(e2.getMessage().contains("output 0"), e2.getMessage());
        }
    }

    @Test
    void aKernelThrowingAnErrorIsReportedAsAKernelException() {
        Output x = scalarPlaceholder(g, "x");
        named(g, "ErrTestThrowsError", "err", x);
        try (Session s = new Session(g, 1)) {
            KernelException e = assertThrows(KernelException.class,
                    () -> s.runner().feed("x", Tensor.scalar(1.0)).fetch("err").run());
            assertEquals("err", e.nodeName());
            assertTrue(e.getMessage().contains("kaput"), e.getMessage());
            assertEquals(1.0, s.runner().feed("x", Tensor.scalar(1.0)).fetch("x").run().get(0).getDouble());
        }
    }

    // ---------------------------------------------------------------- results

    @Test
    void gettingANameThatWasNotFetchedListsTheFetchedNames() {
        buildJ(g);
        try (Session s = new Session(g, 2)) {
            Result r = fedJ(s).fetch("J").fetch("bc").run();
            UnknownNameException e = assertThrows(UnknownNameException.class, () -> r.get("sum"));
            String m = e.getMessage();
            assertTrue(m.contains("'sum'"), m);
            assertTrue(m.contains("J:0"), m);
            assertTrue(m.contains("bc:0"), m);
            assertThrows(UnknownNameException.class, () -> r.get("J:1"));
            assertThrows(UnknownNameException.class, () -> r.get(g.output("a")));
            assertThrows(IndexOutOfBoundsException.class, () -> r.get(2));
            assertThrows(IndexOutOfBoundsException.class, () -> r.get(-1));
        }
    }

    // ---------------------------------------------------------------- closing

    @Test
    void aClosedSessionRefusesRuns() {
        buildJ(g);
        Session s = new Session(g, 2);
        Runner before = fedJ(s).fetch("J");
        assertEquals(33.0, before.run().get(0).getDouble());
        s.close();
        assertTrue(s.isClosed());
        SessionClosedException onRunner = assertThrows(SessionClosedException.class, s::runner);
        assertTrue(onRunner.getMessage().toLowerCase().contains("closed"), onRunner.getMessage());
        assertThrows(SessionClosedException.class, before::run);
        // idempotent
        s.close();
        assertTrue(s.isClosed());
        // the graph is still usable by another session
        try (Session s2 = new Session(g, 1)) {
            assertEquals(33.0, fedJ(s2).fetch("J").run().get(0).getDouble());
        }
    }

    @Test
    void aClosedGraphRefusesSessionsAndRuns() {
        buildJ(g);
        Session s = new Session(g, 1);
        try {
            g.close();
            assertThrows(FlowgraphException.class, () -> new Session(g, 1));
            assertThrows(FlowgraphException.class, () -> new Session(g));
            InvalidRunException e = assertThrows(InvalidRunException.class, () -> fedJ(s).fetch("J").run());
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
        } finally {
            s.close();
        }
    }

    @Test
    void aSessionNeedsAtLeastOneThreadAndAGraph() {
        buildJ(g);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Session(g, 0));
        assertTrue(e.getMessage().contains("0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Session(g, -3));
        assertThrows(NullPointerException.class, () -> new Session(null, 1));
        assertThrows(NullPointerException.class, () -> new Session(null));
    }

    @Test
    void nullNamesAreRefused() {
        buildJ(g);
        try (Session s = new Session(g, 1)) {
            assertThrows(NullPointerException.class, () -> s.runner().fetch((String) null));
            assertThrows(NullPointerException.class, () -> s.runner().fetch((Output) null));
            assertThrows(NullPointerException.class, () -> s.runner().feed((String) null, Tensor.scalar(1.0)));
            assertThrows(NullPointerException.class, () -> s.runner().addTarget((String) null));
            assertThrows(NullPointerException.class, () -> s.runner().addTarget((Node) null));
        }
    }
}
