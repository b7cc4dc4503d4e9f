package dev.flowgraph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Functional tests of {@link Session}, {@link Runner} and {@link Result}: values, feeding,
 * pruning, targets, the plan cache and which thread runs what. Expected values are computed by
 * hand in the comments.
 */
class SessionTest {
    private Graph g;

    @BeforeEach
    void setUp() {
        g = new Graph(TestOps.REGISTRY);
    }

    @AfterEach
    void tearDown() {
        g.close();
    }

    // ---------------------------------------------------------------- helpers

    static Output scalarPlaceholder(Graph g, String name) {
        return TestOps.placeholder(g, name, DType.FLOAT64, Shape.scalar());
    }

    static Output named(Graph g, String type, String name, Output... inputs) {
        return g.nodeBuilder(type).name(name).inputs(List.of(inputs)).build().output(0);
    }

    static Output record(Graph g, String name, long cost, Output input) {
        return g.nodeBuilder("TestRecord").name(name).input(input).attr("cost", cost).build().output(0);
    }

    /** J = 3 * (a + b*c), with nodes "a", "b", "c", "bc", "sum", "three", "J". */
    static void buildJ(Graph g) {
        Output a = scalarPlaceholder(g, "a");
        Output b = scalarPlaceholder(g, "b");
        Output c = scalarPlaceholder(g, "c");
        Output bc = named(g, "TestMul", "bc", b, c);
        Output sum = named(g, "TestAdd", "sum", a, bc);
        Output three = g.nodeBuilder("Const").name("three").attr("value", Tensor.scalar(3.0)).build().output(0);
        named(g, "TestMul", "J", three, sum);
    }

    /** A unique prefix so that records of this test are told apart from anyone else's. */
    static String uniquePrefix() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_";
    }

    static List<String> recordsOf(String prefix) {
        return TestOps.RECORDS.stream().filter(r -> r.startsWith(prefix)).collect(Collectors.toList());
    }

    static List<String> recordedNodes(String prefix) {
        return recordsOf(prefix).stream().map(r -> r.substring(0, r.indexOf('@'))).collect(Collectors.toList());
    }

    // ---------------------------------------------------------------- values

    @Test
    void computesJ() {
        buildJ(g);
        try (Session s = new Session(g, 2)) {
            Result r = s.runner()
                    .feed("a", Tensor.scalar(5.0))
                    .feed("b", Tensor.scalar(3.0))
                    .feed("c", Tensor.scalar(2.0))
                    .fetch("J")
                    .run();
            // 3 * (5 + 3*2) = 3 * 11 = 33
            assertEquals(1, r.size());
            assertEquals(33.0, r.get("J").getDouble());
            assertEquals(33.0, r.get("J:0").getDouble());
            assertEquals(33.0, r.get(0).getDouble());
            assertEquals(33.0, r.get(g.output("J")).getDouble());
            assertEquals(Tensor.scalar(33.0), r.get(0));
            assertEquals(DType.FLOAT64, r.get(0).dtype());
            assertEquals(Shape.scalar(), r.get(0).shape());
        }
    }

    @Test
    void fetchesSeveralOutputsInFetchOrder() {
        buildJ(g);
        try (Session s = new Session(g, 2)) {
            Result r = s.runner()
                    .feed("a", Tensor.scalar(1.0))
                    .feed("b", Tensor.scalar(4.0))
                    .feed("c", Tensor.scalar(-0.5))
                    .fetch("sum").fetch("bc").fetch("J")
                    .run();
            // bc = 4 * -0.5 = -2; sum = 1 + -2 = -1; J = 3 * -1 = -3
            assertEquals(3, r.size());
            assertEquals(-1.0, r.get(0).getDouble());
            assertEquals(-2.0, r.get(1).getDouble());
            assertEquals(-3.0, r.get(2).getDouble());
            assertEquals(-2.0, r.get("bc:0").getDouble());
            List<Double> iterated = new ArrayList<>();
            for (Tensor t : r) {
                iterated.add(t.getDouble());
            }
            assertEquals(List.of(-1.0, -2.0, -3.0), iterated);
            Iterator<Tensor> it = r.iterator();
            it.next();
            assertThrows(UnsupportedOperationException.class, it::remove);
        }
    }

    @Test
    void duplicateFetchesAreBothReturned() {
        buildJ(g);
        try (Session s = new Session(g, 1)) {
            Result r = s.runner()
                    .feed("a", Tensor.scalar(5.0)).feed("b", Tensor.scalar(3.0)).feed("c", Tensor.scalar(2.0))
                    .fetch("J").fetch("J:0").fetch(g.output("J"))
                    .run();
            assertEquals(3, r.size());
            for (Tensor t : r) {
                assertEquals(33.0, t.getDouble());
            }
            assertEquals(33.0, r.get("J").getDouble());
        }
    }

    @Test
    void fetchingAFedOutputReturnsTheFedTensor() {
        buildJ(g);
        try (Session s = new Session(g, 1)) {
            Tensor a = Tensor.scalar(5.0);
            Tensor bc = Tensor.scalar(6.0);
            Result r = s.runner()
                    .feed("a", a)
                    .feed("bc", bc)
                    .fetch("a").fetch("bc").fetch("J")
                    .run();
            assertSame(a, r.get("a"));
            assertSame(bc, r.get("bc"));
            assertEquals(33.0, r.get("J").getDouble());
        }
    }

    @Test
    void fetchingOnlyAFedPlaceholderRunsNothing() {
        String p = uniquePrefix();
        Output x = scalarPlaceholder(g, p + "x");
        record(g, p + "r", 0, x);
        try (Session s = new Session(g, 1)) {
            Tensor v = Tensor.scalar(7.0);
            Result r = s.runner().feed(x, v).fetch(x).run();
            assertSame(v, r.get(0));
            assertEquals(List.of(), recordsOf(p));
        }
    }

    @Test
    void vectorValues() {
        Output x = TestOps.placeholder(g, "x", DType.FLOAT64, Shape.of(-1));
        Output y = TestOps.placeholder(g, "y", DType.FLOAT64, Shape.of(-1));
        Output two = TestOps.constant(g, Tensor.scalar(2.0));
        Output sum = named(g, "TestAdd", "sum", x, y);
        named(g, "TestMul", "out", sum, two);
        try (Session s = new Session(g, 2)) {
            Tensor out = s.runner()
                    .feed("x", Tensor.vector(1.0, 2.0, 3.0))
                    .feed("y", Tensor.vector(10.0, 20.0, 30.0))
                    .fetch("out").run().get(0);
            // (1+10)*2, (2+20)*2, (3+30)*2
            assertEquals(Tensor.vector(22.0, 44.0, 66.0), out);
            assertArrayEquals(new double[] {22.0, 44.0, 66.0}, out.toDoubleArray());
        }
    }

    @Test
    void runnerIsReusableAndSessionRunsRepeatedly() {
        buildJ(g);
        try (Session s = new Session(g, 2)) {
            for (int i = 0; i < 20; i++) {
                double a = i;
                double b = i - 3;
                double c = 0.5 * i;
                double j = s.runner().feed("a", Tensor.scalar(a)).feed("b", Tensor.scalar(b))
                        .feed("c", Tensor.scalar(c)).fetch("J").run().get("J").getDouble();
                assertEquals(3 * (a + b * c), j);
            }
            Runner runner = s.runner().feed("a", Tensor.scalar(1.0)).feed("b", Tensor.scalar(1.0))
                    .feed("c", Tensor.scalar(1.0)).fetch("J");
            // 3 * (1 + 1) = 6, twice from the same runner
            assertEquals(6.0, runner.run().get(0).getDouble());
            assertEquals(6.0, runner.run().get(0).getDouble());
        }
    }

    @Test
    void sessionAccessors() {
        buildJ(g);
        try (Session s = new Session(g, 3)) {
            assertSame(g, s.graph());
            assertEquals(3, s.threads());
            assertFalse(s.isClosed());
        }
        try (Session s = new Session(g)) {
            assertEquals(Runtime.getRuntime().availableProcessors(), s.threads());
        }
    }

    @Test
    void nodesAddedAfterTheSessionOpenedCanBeRun() {
        buildJ(g);
        try (Session s = new Session(g, 2)) {
            assertEquals(33.0, s.runner().feed("a", Tensor.scalar(5.0)).feed("b", Tensor.scalar(3.0))
                    .feed("c", Tensor.scalar(2.0)).fetch("J").run().get(0).getDouble());
            named(g, "TestAdd", "J2", g.output("J"), g.output("a"));
            // J2 = J + a = 33 + 5 = 38
            assertEquals(38.0, s.runner().feed("a", Tensor.scalar(5.0)).feed("b", Tensor.scalar(3.0))
                    .feed("c", Tensor.scalar(2.0)).fetch("J2").run().get(0).getDouble());
        }
    }

    // ---------------------------------------------------------------- feeding intermediates

    @Test
    void feedingAnIntermediateCutsItsAncestorsOff() {
        buildJ(g);
        try (Session s = new Session(g, 2)) {
            // b and c are not fed: bc is, so they are not needed. 3 * (5 + 6) = 33
            Result r = s.runner().feed("a", Tensor.scalar(5.0)).feed("bc", Tensor.scalar(6.0)).fetch("J").run();
            assertEquals(33.0, r.get("J").getDouble());
            // with another value for bc: 3 * (5 + 10) = 45
            assertEquals(45.0, s.runner().feed("a", Tensor.scalar(5.0)).feed("bc:0", Tensor.scalar(10.0))
                    .fetch("J").run().get(0).getDouble());
        }
    }

    @Test
    void feedingAnIntermediateOverridesItsComputedValue() {
        buildJ(g);
        try (Session s = new Session(g, 2)) {
            // b*c would be 6, but the fed 100 wins: 3 * (5 + 100) = 315
            Result r = s.runner().feed("a", Tensor.scalar(5.0)).feed("b", Tensor.scalar(3.0))
                    .feed("c", Tensor.scalar(2.0)).feed("bc", Tensor.scalar(100.0)).fetch("J").run();
            assertEquals(315.0, r.get(0).getDouble());
        }
    }

    @Test
    void feedingTheWholeNeededSubgraph() {
        buildJ(g);
        String p = uniquePrefix();
        Output sumRecorded = record(g, p + "rec", 0, g.output("sum"));
        named(g, "TestMul", "K", sumRecorded, g.output("three"));
        try (Session s = new Session(g, 2)) {
            // sum is fed, so a, b, c and the recorder are cut off: J = 3 * 4 = 12
            assertEquals(12.0, s.runner().feed("sum", Tensor.scalar(4.0)).fetch("J").run().get(0).getDouble());
            // feeding the recorder's output: K = 7 * 3 = 21, and the recorder does not run
            assertEquals(21.0, s.runner().feed(sumRecorded, Tensor.scalar(7.0)).fetch("K").run().get(0).getDouble());
            assertEquals(List.of(), recordsOf(p));
        }
    }

    @Test
    void feedingOneOutputOfATwoOutputNodeWhileTheOtherIsComputed() {
        Output x = scalarPlaceholder(g, "x");
        Node split = g.nodeBuilder("TestSplit").name("split").input(x).build();
        named(g, "TestAdd", "y", split.output(0), split.output(1));
        try (Session s = new Session(g, 2)) {
            // unfed: x + 2x = 5 + 10 = 15
            assertEquals(15.0, s.runner().feed("x", Tensor.scalar(5.0)).fetch("y").run().get(0).getDouble());
            // split:1 fed with 100, split:0 still computed as x = 5: y = 105
            Result r = s.runner().feed("x", Tensor.scalar(5.0)).feed("split:1", Tensor.scalar(100.0))
                    .fetch("y").fetch("split:0").fetch("split:1").run();
            assertEquals(105.0, r.get("y").getDouble());
            assertEquals(5.0, r.get("split:0").getDouble());
            assertEquals(100.0, r.get("split:1").getDouble());
            // fetching split:1 unfed gives 2x
            assertEquals(10.0, s.runner().feed("x", Tensor.scalar(5.0)).fetch("split:1").run().get("split:1").getDouble());
        }
    }

    @Test
    void anUnusedFeedIsAccepted() {
        buildJ(g);
        scalarPlaceholder(g, "unused");
        try (Session s = new Session(g, 1)) {
            assertEquals(33.0, s.runner().feed("a", Tensor.scalar(5.0)).feed("b", Tensor.scalar(3.0))
                    .feed("c", Tensor.scalar(2.0)).feed("unused", Tensor.scalar(1.0)).fetch("J").run().get(0)
                    .getDouble());
        }
    }

    // ---------------------------------------------------------------- pruning and targets

    @Test
    void aFailingNodeThatNoFetchNeedsNeverRuns() {
        buildJ(g);
        named(g, "TestFail", "fail", g.output("sum"));
        try (Session s = new Session(g, 2)) {
            assertEquals(33.0, s.runner().feed("a", Tensor.scalar(5.0)).feed("b", Tensor.scalar(3.0))
                    .feed("c", Tensor.scalar(2.0)).fetch("J").run().get(0).getDouble());
        }
    }

    @Test
    void anUnneededSideBranchIsNotRecorded() {
        String p = uniquePrefix();
        Output x = scalarPlaceholder(g, p + "x");
        Output main = record(g, p + "main", 0, x);
        Output side = record(g, p + "side", 0, x);
        record(g, p + "sideAfter", 0, side);
        Output unfedOther = scalarPlaceholder(g, p + "other");
        record(g, p + "needsOther", 0, unfedOther);
        try (Session s = new Session(g, 2)) {
            assertEquals(2.5, s.runner().feed(x, Tensor.scalar(2.5)).fetch(main).run().get(0).getDouble());
            assertEquals(List.of(p + "main"), recordedNodes(p));
        }
    }

    @Test
    void aTargetRunsANodeWithoutFetchingIt() {
        String p = uniquePrefix();
        Output x = scalarPlaceholder(g, p + "x");
        Output r1 = record(g, p + "r1", 0, x);
        record(g, p + "r2", 0, r1);
        Output other = record(g, p + "other", 0, x);
        try (Session s = new Session(g, 2)) {
            Result r = s.runner().feed(x, Tensor.scalar(1.0)).addTarget(p + "r2").run();
            assertEquals(0, r.size());
            assertEquals(List.of(p + "r1", p + "r2"), recordedNodes(p));
            TestOps.RECORDS.removeIf(e -> e.startsWith(p));

            // a target and a fetch together; a target by Node
            Result r3 = s.runner().feed(x, Tensor.scalar(4.0)).fetch(other).addTarget(g.node(p + "r1")).run();
            assertEquals(1, r3.size());
            assertEquals(4.0, r3.get(0).getDouble());
            List<String> nodes = recordedNodes(p);
            assertEquals(2, nodes.size());
            assertTrue(nodes.containsAll(List.of(p + "r1", p + "other")), nodes.toString());
        }
    }

    @Test
    void aTargetOnAFedPlaceholderDoesNothing() {
        buildJ(g);
        try (Session s = new Session(g, 1)) {
            Result r = s.runner().feed("a", Tensor.scalar(1.0)).addTarget("a").run();
            assertEquals(0, r.size());
        }
    }

    @Test
    void aRunWithNothingToDoReturnsAnEmptyResult() {
        buildJ(g);
        try (Session s = new Session(g, 1)) {
            Result r = s.runner().run();
            assertEquals(0, r.size());
            assertFalse(r.iterator().hasNext());
        }
    }

    @Test
    void controlInputsAreFollowedAndOrdered() {
        String p = uniquePrefix();
        Output x = scalarPlaceholder(g, p + "x");
        Output first = record(g, p + "first", 0, x);
        Node second = g.nodeBuilder("TestRecord").name(p + "second").input(x).controlInput(first.node()).build();
        try (Session s = new Session(g, 2)) {
            // only "second" is fetched, but it waits for "first", which therefore runs first
            assertEquals(3.0, s.runner().feed(x, Tensor.scalar(3.0)).fetch(second.output(0)).run().get(0).getDouble());
            assertEquals(List.of(p + "first", p + "second"), recordedNodes(p));
        }
    }

    // ---------------------------------------------------------------- plan cache

    @Test
    void aRepeatedSignatureReusesItsPlan() {
        buildJ(g);
        try (Session s = new Session(g, 2)) {
            assertEquals(0, s.plansCompiled());
            assertEquals(33.0, s.runner().feed("a", Tensor.scalar(5.0)).feed("b", Tensor.scalar(3.0))
                    .feed("c", Tensor.scalar(2.0)).fetch("J").run().get(0).getDouble());
            assertEquals(1, s.plansCompiled());
            // same signature, other values: 3 * (1 + 2*2) = 15
            assertEquals(15.0, s.runner().feed("a", Tensor.scalar(1.0)).feed("b", Tensor.scalar(2.0))
                    .feed("c", Tensor.scalar(2.0)).fetch("J").run().get(0).getDouble());
            // same signature by other spellings ("J:0", Outputs)
            assertEquals(15.0, s.runner().feed(g.output("a"), Tensor.scalar(1.0)).feed("b:0", Tensor.scalar(2.0))
                    .feed("c", Tensor.scalar(2.0)).fetch("J:0").run().get(0).getDouble());
            assertEquals(1, s.plansCompiled());

            // another fetch set
            s.runner().feed("a", Tensor.scalar(1.0)).feed("b", Tensor.scalar(2.0)).feed("c", Tensor.scalar(2.0))
                    .fetch("J").fetch("sum").run();
            assertEquals(2, s.plansCompiled());
            // another feed order
            assertEquals(15.0, s.runner().feed("c", Tensor.scalar(2.0)).feed("b", Tensor.scalar(2.0))
                    .feed("a", Tensor.scalar(1.0)).fetch("J").run().get(0).getDouble());
            assertEquals(3, s.plansCompiled());
            // a target
            s.runner().feed("a", Tensor.scalar(1.0)).feed("b", Tensor.scalar(2.0)).feed("c", Tensor.scalar(2.0))
                    .fetch("J").addTarget("sum").run();
            assertEquals(4, s.plansCompiled());
            // each cached again
            s.runner().feed("c", Tensor.scalar(2.0)).feed("b", Tensor.scalar(2.0)).feed("a", Tensor.scalar(1.0))
                    .fetch("J").run();
            s.runner().feed("a", Tensor.scalar(1.0)).feed("b", Tensor.scalar(2.0)).feed("c", Tensor.scalar(2.0))
                    .fetch("J").fetch("sum").run();
            assertEquals(4, s.plansCompiled());
        }
    }

    @Test
    void aFailedValidationCompilesNoPlanAndDoesNotPoisonTheCache() {
        buildJ(g);
        try (Session s = new Session(g, 2)) {
            assertThrows(InvalidRunException.class, () -> s.runner().feed("a", Tensor.scalar(5.0)).fetch("J").run());
            assertEquals(0, s.plansCompiled());
            assertEquals(33.0, s.runner().feed("a", Tensor.scalar(5.0)).feed("b", Tensor.scalar(3.0))
                    .feed("c", Tensor.scalar(2.0)).fetch("J").run().get(0).getDouble());
            assertEquals(1, s.plansCompiled());
        }
    }

    @Test
    void appendingNodesKeepsCachedPlans() {
        buildJ(g);
        try (Session s = new Session(g, 2)) {
            s.runner().feed("a", Tensor.scalar(5.0)).feed("b", Tensor.scalar(3.0)).feed("c", Tensor.scalar(2.0))
                    .fetch("J").run();
            assertEquals(1, s.plansCompiled());
            named(g, "TestAdd", "more", g.output("J"), g.output("J"));
            assertEquals(33.0, s.runner().feed("a", Tensor.scalar(5.0)).feed("b", Tensor.scalar(3.0))
                    .feed("c", Tensor.scalar(2.0)).fetch("J").run().get(0).getDouble());
            assertEquals(1, s.plansCompiled());
        }
    }

    @Test
    void aNewControlInputOnACachedPlanRecompilesAndIsHonoured() {
        String p = uniquePrefix();
        Output x = scalarPlaceholder(g, p + "x");
        Output out = record(g, p + "out", 0, x);
        Output side = record(g, p + "side", 0, x);
        try (Session s = new Session(g, 2)) {
            assertEquals(1.0, s.runner().feed(x, Tensor.scalar(1.0)).fetch(out).run().get(0).getDouble());
            assertEquals(1.0, s.runner().feed(x, Tensor.scalar(1.0)).fetch(out).run().get(0).getDouble());
            assertEquals(1, s.plansCompiled());
            assertEquals(List.of(p + "out", p + "out"), recordedNodes(p));
            TestOps.RECORDS.removeIf(e -> e.startsWith(p));

            g.addControlInput(out.node(), side.node());
            assertEquals(2.0, s.runner().feed(x, Tensor.scalar(2.0)).fetch(out).run().get(0).getDouble());
            assertEquals(2, s.plansCompiled());
            assertEquals(List.of(p + "side", p + "out"), recordedNodes(p));

            // and the recompiled plan is cached in turn
            s.runner().feed(x, Tensor.scalar(2.0)).fetch(out).run();
            assertEquals(2, s.plansCompiled());
        }
    }

    @Test
    void aNewControlInputOnAnUnfedPlaceholderMakesTheCachedRunNeedIt() {
        buildJ(g);
        Output d = scalarPlaceholder(g, "d");
        try (Session s = new Session(g, 1)) {
            s.runner().feed("a", Tensor.scalar(5.0)).feed("b", Tensor.scalar(3.0)).feed("c", Tensor.scalar(2.0))
                    .fetch("J").run();
            g.addControlInput(g.node("sum"), d.node());
            InvalidRunException e = assertThrows(InvalidRunException.class, () -> s.runner()
                    .feed("a", Tensor.scalar(5.0)).feed("b", Tensor.scalar(3.0)).feed("c", Tensor.scalar(2.0))
                    .fetch("J").run());
            assertTrue(e.getMessage().contains("'d'"), e.getMessage());
            // fed, the control dependency is satisfied
            assertEquals(33.0, s.runner().feed("a", Tensor.scalar(5.0)).feed("b", Tensor.scalar(3.0))
                    .feed("c", Tensor.scalar(2.0)).feed("d", Tensor.scalar(0.0)).fetch("J").run().get(0).getDouble());
        }
    }

    // ---------------------------------------------------------------- threads

    @Test
    void cheapNodesStayOnTheCallersThread() {
        String p = uniquePrefix();
        Output x = scalarPlaceholder(g, p + "x");
        // a diamond and a chain: x -> top -> (left, right) -> join -> tail1 -> tail2
        Output top = record(g, p + "top", 0, x);
        Output left = record(g, p + "left", 0, top);
        Output right = record(g, p + "right", 0, top);
        Output join = named(g, "TestAdd", p + "join", left, right);
        Output tail1 = record(g, p + "tail1", 0, join);
        Output tail2 = record(g, p + "tail2", 0, tail1);
        try (Session s = new Session(g, 4)) {
            for (int i = 0; i < 5; i++) {
                // (i + i) = 2i
                assertEquals(2.0 * i, s.runner().feed(x, Tensor.scalar((double) i)).fetch(tail2).run().get(0).getDouble());
            }
        }
        List<String> records = recordsOf(p);
        assertEquals(5 * 5, records.size());
        String me = Thread.currentThread().getName();
        for (String r : records) {
            assertTrue(r.endsWith("@" + me), r + " should have run on " + me);
        }
        // dataflow order within each run: top first, tails last
        List<String> nodes = recordedNodes(p);
        for (int i = 0; i < 5; i++) {
            List<String> run = nodes.subList(5 * i, 5 * i + 5);
            assertEquals(p + "top", run.get(0));
            assertEquals(List.of(p + "left", p + "right"), run.subList(1, 3).stream().sorted().collect(Collectors.toList()));
            assertEquals(List.of(p + "tail1", p + "tail2"), run.subList(3, 5));
        }
    }

    @Test
    void expensiveNodesRunOnPoolThreads() {
        String p = uniquePrefix();
        Output x = scalarPlaceholder(g, p + "x");
        Output e1 = record(g, p + "e1", Long.MAX_VALUE, x);
        Output e2 = record(g, p + "e2", Long.MAX_VALUE, x);
        Output e3 = record(g, p + "e3", Long.MAX_VALUE, named(g, "TestAdd", p + "join", e1, e2));
        try (Session s = new Session(g, 4)) {
            // (1.5 + 1.5) = 3
            assertEquals(3.0, s.runner().feed(x, Tensor.scalar(1.5)).fetch(e3).run().get(0).getDouble());
        }
        List<String> records = recordsOf(p);
        assertEquals(3, records.size());
        for (String r : records) {
            String thread = r.substring(r.indexOf('@') + 1);
            assertTrue(thread.startsWith("flowgraph-session-"), r);
            assertTrue(thread.contains("-worker-"), r);
        }
    }

    @Test
    void sessionsHaveDistinctPoolThreadNames() {
        String p = uniquePrefix();
        Output x = scalarPlaceholder(g, p + "x");
        Output e = record(g, p + "e", Long.MAX_VALUE, x);
        try (Session s1 = new Session(g, 1); Session s2 = new Session(g, 1)) {
            s1.runner().feed(x, Tensor.scalar(1.0)).fetch(e).run();
            s2.runner().feed(x, Tensor.scalar(1.0)).fetch(e).run();
        }
        List<String> threads = recordsOf(p).stream().map(r -> r.substring(r.indexOf('@') + 1))
                .map(t -> t.substring(0, t.indexOf("-worker-"))).collect(Collectors.toList());
        assertEquals(2, threads.size());
        assertFalse(threads.get(0).equals(threads.get(1)), threads.toString());
    }

    @Test
    void anInterruptedCallerHasItsRunCancelledBeforeAnyNodeStartsAndKeepsItsInterruptFlag() {
        // An interrupt asks the thread to stop what it is doing, as Future.cancel(true) does: the
        // run is cancelled (as Object.wait or Thread.sleep would throw), and the flag stays set.
        String p = uniquePrefix();
        Output x = scalarPlaceholder(g, p + "x");
        Output r1 = record(g, p + "r1", 0, x);
        Output slept = g.nodeBuilder("TestSleep").name(p + "sleep").input(r1).attr("millis", 100L).build().output(0);
        try (Session s = new Session(g, 1)) {
            Thread.currentThread().interrupt();
            try {
                RunCancelledException e = assertThrows(RunCancelledException.class,
                        () -> s.runner().feed(x, Tensor.scalar(9.0)).fetch(slept).run());
                assertTrue(Thread.currentThread().isInterrupted());
                assertTrue(e.getMessage().contains("the calling thread was interrupted"), e.getMessage());
                assertTrue(e.getMessage().contains("0 of 2 nodes completed; no node was still running"), e.getMessage());
                assertEquals(List.of(), recordedNodes(p));
            } finally {
                Thread.interrupted();
            }
            // the flag cleared, the session runs as before
            assertEquals(9.0, s.runner().feed(x, Tensor.scalar(9.0)).fetch(slept).run().get(0).getDouble());
        }
    }

    @Test
    void aCallerWaitingUnderATimeoutWaitsWithoutSpinning() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(mx.isCurrentThreadCpuTimeSupported() && mx.isThreadCpuTimeEnabled());
        String p = uniquePrefix();
        Output x = scalarPlaceholder(g, p + "x");
        Output slept = g.nodeBuilder("TestSleep").name(p + "sleep").input(x).attr("millis", 400L).build().output(0);
        try (Session s = new Session(g, 1)) {
            s.runner().feed(x, Tensor.scalar(9.0)).fetch(slept).run();
            long before = mx.getCurrentThreadCpuTime();
            assertEquals(9.0, s.runner().feed(x, Tensor.scalar(9.0)).fetch(slept).timeout(Duration.ofSeconds(30))
                    .run().get(0).getDouble());
            long cpuMs = (mx.getCurrentThreadCpuTime() - before) / 1_000_000;
            // waiting 400 ms for the pool should cost the caller next to no CPU (a spin costs ~400 ms)
            assertTrue(cpuMs < 200, "the waiting caller used " + cpuMs + " ms of CPU");
        }
    }

    @Test
    void resultGetOfAnOutputOfAnotherGraphIsRefused() {
        Output x = scalarPlaceholder(g, "x");
        Output y = named(g, "TestAdd", "J", x, x);
        try (Graph other = new Graph(TestOps.REGISTRY); Session s = new Session(g, 1)) {
            buildJ(other);
            Result r = s.runner().feed(x, Tensor.scalar(2.0)).fetch(y).run();
            assertEquals(4.0, r.get(y).getDouble());
            assertThrows(UnknownNameException.class, () -> r.get(other.output("J")));
        }
    }
}
