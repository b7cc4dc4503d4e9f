package dev.flowgraph.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.InvalidRunException;
import dev.flowgraph.KernelException;
import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.TestOps;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OpRegistry;
import dev.flowgraph.spi.TensorBuffers;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The compiled {@link Plan}'s arrays and {@link Execution} run directly, including when intermediates are released. */
class ExecutionTest {

    /** Copies its input into a new tensor and keeps only a weak reference to the copy. */
    private static final OpDef COPY = TestOps.passThrough("ExecTestCopy", 0, ExecutionTest::copyWatched);

    private static void copyWatched(KernelContext k) {
        Tensor copy = TensorBuffers.wrap(k.input(0).shape(), TensorBuffers.doubles(k.input(0)).clone());
        WEAK.put(k.nodeName(), new WeakReference<>(copy));
        k.setOutput(0, copy);
    }

    /**
     * Pass-through that, while it runs (so while the run is in flight), collects garbage and
     * records whether the copy made by the node named in its "watch" attribute is still alive.
     */
    private static final OpDef PROBE = TestOps.passThrough("ExecTestProbe", 0, ExecutionTest::recordWhetherWatchedIsAlive);

    private static void recordWhetherWatchedIsAlive(KernelContext k) {
        WeakReference<Tensor> ref = WEAK.get(k.attrs().getString("watch"));
        ALIVE.put(k.nodeName(), !collected(ref));
        k.setOutput(0, k.input(0));
    }

    static final Map<String, WeakReference<Tensor>> WEAK = new ConcurrentHashMap<>();
    static final Map<String, Boolean> ALIVE = new ConcurrentHashMap<>();

    private static final OpRegistry REGISTRY = TestOps.REGISTRY.with(List.of(COPY, PROBE));

    private Graph g;
    private SessionPool pool;

    @BeforeEach
    void setUp() {
        g = new Graph(REGISTRY);
        pool = new SessionPool(2, "execution-test-worker-");
    }

    @AfterEach
    void tearDown() {
        g.close();
        pool.shutdown();
        WEAK.clear();
        ALIVE.clear();
    }

    private static boolean collected(WeakReference<?> ref) {
        for (int i = 0; i < 20 && ref.get() != null; i++) {
            System.gc();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return ref.get() == null;
    }

    private Output placeholder(String name) {
        return TestOps.placeholder(g, name, DType.FLOAT64, Shape.scalar());
    }

    private Output node(String type, String name, Output... inputs) {
        return g.nodeBuilder(type).name(name).inputs(List.of(inputs)).build().output(0);
    }

    private Output record(String name, long cost, Output input) {
        return g.nodeBuilder("TestRecord").name(name).input(input).attr("cost", cost).build().output(0);
    }

    private int indexOf(Plan plan, String nodeName) {
        for (int j = 0; j < plan.nodes.length; j++) {
            if (plan.nodes[j].name().equals(nodeName)) {
                return j;
            }
        }
        throw new AssertionError(nodeName + " is not in the plan " + plan.nodes());
    }

    private static Set<String> names(List<Node> nodes) {
        Set<String> s = new HashSet<>();
        nodes.forEach(n -> s.add(n.name()));
        return s;
    }

    // ---------------------------------------------------------------- plan arrays

    @Test
    void aChainKeepsOnlyTheFetchedSlotAndEachIntermediateHasOneReader() {
        Output x = placeholder("x");
        Output r1 = record("r1", 0, x);
        Output r2 = record("r2", 0, r1);
        Output r3 = record("r3", 0, r2);
        Plan plan = Plan.compile(g, List.of(x), List.of(r3), List.of());

        assertEquals(List.of("r1", "r2", "r3"), plan.nodes().stream().map(Node::name).toList());
        assertEquals(3, plan.nodeCount());
        assertEquals(1, plan.feedCount);
        // slots: x (feed), r1, r2, r3 (fetched)
        assertEquals(4, plan.slotCount);
        int j1 = indexOf(plan, "r1");
        int j2 = indexOf(plan, "r2");
        int j3 = indexOf(plan, "r3");
        assertArrayEquals(new int[] {0}, plan.inputSlots[j1]);
        int s1 = plan.outputSlots[j1][0];
        int s2 = plan.outputSlots[j2][0];
        int s3 = plan.outputSlots[j3][0];
        assertArrayEquals(new int[] {s1}, plan.inputSlots[j2]);
        assertArrayEquals(new int[] {s2}, plan.inputSlots[j3]);
        assertEquals(Set.of(1, 2, 3), Set.of(s1, s2, s3));
        assertArrayEquals(new int[] {s3}, plan.fetchSlots);

        assertEquals(1, plan.readers[0]);
        assertEquals(1, plan.readers[s1]);
        assertEquals(1, plan.readers[s2]);
        assertEquals(0, plan.readers[s3]);
        for (int s = 0; s < plan.slotCount; s++) {
            assertEquals(s == s3, plan.fetched[s], "slot " + s);
        }
        assertArrayEquals(new int[] {0, 1, 1}, new int[] {plan.pending[j1], plan.pending[j2], plan.pending[j3]});
        assertArrayEquals(new int[] {j1}, plan.roots);
        assertArrayEquals(new int[] {j2}, plan.consumers[j1]);
        assertArrayEquals(new int[] {j3}, plan.consumers[j2]);
        assertArrayEquals(new int[] {}, plan.consumers[j3]);
        assertTrue(plan.inline[j1] && plan.inline[j2] && plan.inline[j3]);
        assertEquals(g.structureVersion(), plan.structureVersion());
    }

    /**
     * Replays the release rule of {@link Execution} over the plan's arrays in the plan's order and
     * checks that every intermediate is dropped right after its last reader, before any later
     * node runs, while fed and fetched slots survive.
     */
    @Test
    void replayingTheReleaseRuleDropsEachIntermediateRightAfterItsLastReader() {
        Output x = placeholder("x");
        Output a = record("a", 0, x);
        Output b = record("b", 0, a);
        Output c = node("TestAdd", "c", a, b);      // a's last reader
        Output d = node("TestMul", "d", c, c);      // reads c twice
        Output e = record("e", 0, d);
        Plan plan = Plan.compile(g, List.of(x), List.of(e, b), List.of());

        int[] readers = plan.readers.clone();
        boolean[] live = new boolean[plan.slotCount];
        for (int s = 0; s < plan.feedCount; s++) {
            live[s] = true;
        }
        List<String> releasedAfter = new ArrayList<>();
        for (int j = 0; j < plan.nodes.length; j++) {
            for (int s : plan.inputSlots[j]) {
                assertTrue(live[s], plan.nodes[j].name() + " reads slot " + s + " after it was released");
            }
            for (int s : plan.outputSlots[j]) {
                if (s >= 0) {
                    live[s] = true;
                }
            }
            for (int s : plan.inputSlots[j]) {
                if (--readers[s] == 0 && !plan.fetched[s] && s >= plan.feedCount) {
                    live[s] = false;
                    releasedAfter.add(plan.nodes[j].name());
                }
            }
        }
        // a is released after c, c after d, d after e; b is fetched, x is fed
        assertEquals(List.of("c", "d", "e"), releasedAfter);
        int sb = plan.outputSlots[indexOf(plan, "b")][0];
        int se = plan.outputSlots[indexOf(plan, "e")][0];
        assertTrue(live[0] && live[sb] && live[se]);
        assertEquals(2, plan.readers[plan.outputSlots[indexOf(plan, "c")][0]]);
        assertEquals(1, plan.readers[sb]);
        assertTrue(plan.fetched[sb]);
        assertArrayEquals(new int[] {se, sb}, plan.fetchSlots);
        for (int s = 0; s < plan.slotCount; s++) {
            assertEquals(s == sb || s == se, plan.fetched[s], "slot " + s);
        }

        // and the run itself: b = x, a = x, c = 2x, d = 4x^2, e = d
        Tensor[] out = Execution.run(plan, pool, new Tensor[] {Tensor.scalar(3.0)});
        assertEquals(36.0, out[0].getDouble());
        assertEquals(3.0, out[1].getDouble());
    }

    @Test
    void anIntermediateIsUnreachableOnceItsLastReaderHasRun() {
        // calibration: if this JVM does not clear weak references on System.gc(), skip
        Object canary = new Object();
        WeakReference<Object> canaryRef = new WeakReference<>(canary);
        canary = null;
        Assumptions.assumeTrue(collected(canaryRef), "System.gc() does not clear weak references here");

        Output x = TestOps.placeholder(g, "x", DType.FLOAT64, Shape.of(4));
        Output c1 = node("ExecTestCopy", "c1", x);
        Output c2 = node("ExecTestCopy", "c2", c1);
        Output c3 = node("ExecTestCopy", "c3", c2);
        Output probe = g.nodeBuilder("ExecTestProbe").name("probe").input(c3).attr("watch", "c1").build().output(0);
        Output probeC3 = g.nodeBuilder("ExecTestProbe").name("probeC3").input(c3).attr("watch", "c3").build().output(0);
        Tensor fed = Tensor.vector(1.0, 2.0, 3.0, 4.0);

        Plan plan = Plan.compile(g, List.of(x), List.of(probe), List.of());
        Tensor[] out = Execution.run(plan, pool, new Tensor[] {fed});
        assertEquals(fed, out[0]);
        assertFalse(ALIVE.get("probe"), "c1's value was still reachable while the run went on after its last reader");

        // control: c1 fetched, so it must survive (deterministic: strongly reachable)
        ALIVE.clear();
        Plan keep = Plan.compile(g, List.of(x), List.of(probe, c1), List.of());
        Tensor[] kept = Execution.run(keep, pool, new Tensor[] {fed});
        assertTrue(ALIVE.get("probe"), "a fetched intermediate was released");
        assertEquals(fed, kept[1]);

        // control: c3 is the probe's own input, still held while the probe runs
        ALIVE.clear();
        Plan own = Plan.compile(g, List.of(x), List.of(probeC3), List.of());
        Execution.run(own, pool, new Tensor[] {fed});
        assertTrue(ALIVE.get("probeC3"));
    }

    @Test
    void fedOutputsCutTheirProducersOffAndFedValuesAreNeverCleared() {
        Output a = placeholder("a");
        Output b = placeholder("b");
        Output c = placeholder("c");
        Output bc = node("TestMul", "bc", b, c);
        Output sum = node("TestAdd", "sum", a, bc);
        Output j = node("TestMul", "J", TestOps.constant(g, Tensor.scalar(3.0)), sum);
        Plan plan = Plan.compile(g, List.of(a, bc), List.of(j), List.of());
        Set<String> nodes = names(plan.nodes());
        assertFalse(nodes.contains("b") || nodes.contains("c") || nodes.contains("bc") || nodes.contains("a"),
                nodes.toString());
        assertTrue(nodes.containsAll(List.of("sum", "J")), nodes.toString());
        int jSum = indexOf(plan, "sum");
        // both inputs of sum are fed: nothing to wait for
        assertEquals(0, plan.pending[jSum]);
        assertArrayEquals(new int[] {0, 1}, plan.inputSlots[jSum]);
        Tensor fa = Tensor.scalar(5.0);
        Tensor fbc = Tensor.scalar(6.0);
        Tensor[] feeds = {fa, fbc};
        Tensor[] out = Execution.run(plan, pool, feeds);
        assertEquals(33.0, out[0].getDouble());
        // the caller's feed array is not modified
        assertSame(fa, feeds[0]);
        assertSame(fbc, feeds[1]);
    }

    @Test
    void aFedOutputOfANodeThatStillRunsIsNotOverwritten() {
        Output x = placeholder("x");
        Node split = g.nodeBuilder("TestSplit").name("split").input(x).build();
        Output y = node("TestAdd", "y", split.output(0), split.output(1));
        Plan plan = Plan.compile(g, List.of(x, split.output(1)), List.of(y, split.output(1)), List.of());
        int js = indexOf(plan, "split");
        assertEquals(-1, plan.outputSlots[js][1]);
        assertTrue(plan.outputSlots[js][0] >= plan.feedCount);
        assertEquals(1, plan.fetchSlots[1]);
        int jy = indexOf(plan, "y");
        assertEquals(1, plan.pending[jy]);
        Tensor[] out = Execution.run(plan, pool, new Tensor[] {Tensor.scalar(5.0), Tensor.scalar(100.0)});
        assertEquals(105.0, out[0].getDouble());
        assertEquals(100.0, out[1].getDouble());
    }

    @Test
    void anOutputNobodyReadsGetsNoSlot() {
        Output x = placeholder("x");
        Node split = g.nodeBuilder("TestSplit").name("split").input(x).build();
        Plan plan = Plan.compile(g, List.of(x), List.of(split.output(0)), List.of());
        int js = indexOf(plan, "split");
        assertEquals(-1, plan.outputSlots[js][1]);
        assertEquals(2, plan.slotCount);
        assertEquals(7.0, Execution.run(plan, pool, new Tensor[] {Tensor.scalar(7.0)})[0].getDouble());
    }

    @Test
    void duplicateFetchesShareOneSlot() {
        Output x = placeholder("x");
        Output r = record("r", 0, x);
        Plan plan = Plan.compile(g, List.of(x), List.of(r, r, x), List.of());
        assertEquals(plan.fetchSlots[0], plan.fetchSlots[1]);
        assertEquals(0, plan.fetchSlots[2]);
        Tensor fed = Tensor.scalar(2.0);
        Tensor[] out = Execution.run(plan, pool, new Tensor[] {fed});
        assertEquals(3, out.length);
        assertSame(out[0], out[1]);
        assertSame(fed, out[2]);
    }

    @Test
    void controlInputsCountAsPendingAndNotifyTheirDependents() {
        Output x = placeholder("x");
        Output first = record("first", 0, x);
        Node second = g.nodeBuilder("TestRecord").name("second").input(x).controlInput(first.node()).build();
        Plan plan = Plan.compile(g, List.of(x), List.of(second.output(0)), List.of());
        int j1 = indexOf(plan, "first");
        int j2 = indexOf(plan, "second");
        assertEquals(0, plan.pending[j1]);
        assertEquals(1, plan.pending[j2]);
        assertArrayEquals(new int[] {j2}, plan.consumers[j1]);
        assertArrayEquals(new int[] {j1}, plan.roots);
        // first's output is read by nobody and not fetched
        assertEquals(-1, plan.outputSlots[j1][0]);
    }

    @Test
    void aControlInputOnAFedPlaceholderIsDroppedFromThePlan() {
        Output x = placeholder("x");
        Output y = placeholder("y");
        Node r = g.nodeBuilder("TestRecord").name("r").input(x).controlInput(y.node()).build();
        Plan plan = Plan.compile(g, List.of(x, y), List.of(r.output(0)), List.of());
        assertEquals(List.of("r"), plan.nodes().stream().map(Node::name).toList());
        assertEquals(0, plan.pending[0]);
        // unfed, the placeholder behind the control edge must be fed
        InvalidRunException e = assertThrows(InvalidRunException.class,
                () -> Plan.compile(g, List.of(x), List.of(r.output(0)), List.of()));
        assertTrue(e.getMessage().contains("'y'"), e.getMessage());
    }

    @Test
    void inlineFollowsTheCostThreshold() {
        Output x = placeholder("x");
        Output cheap = record("cheap", ExecTuning.INLINE_COST_LIMIT, x);
        Output dear = record("dear", ExecTuning.INLINE_COST_LIMIT + 1, cheap);
        Output sleepy = g.nodeBuilder("TestSleep").name("sleepy").input(dear).attr("millis", 1L).build().output(0);
        Plan plan = Plan.compile(g, List.of(x), List.of(sleepy), List.of());
        assertTrue(plan.inline[indexOf(plan, "cheap")]);
        assertFalse(plan.inline[indexOf(plan, "dear")]);
        assertFalse(plan.inline[indexOf(plan, "sleepy")]);
        assertEquals(4.0, Execution.run(plan, pool, new Tensor[] {Tensor.scalar(4.0)})[0].getDouble());
    }

    @Test
    void targetsJoinThePlanWithoutSlots() {
        Output x = placeholder("x");
        Output r = record("r", 0, x);
        Plan plan = Plan.compile(g, List.of(x), List.of(), List.of(r.node()));
        assertEquals(1, plan.nodeCount());
        assertEquals(0, plan.fetchSlots.length);
        assertEquals(-1, plan.outputSlots[0][0]);
        assertEquals(0, Execution.run(plan, pool, new Tensor[] {Tensor.scalar(1.0)}).length);
    }

    @Test
    void anUnfedPlaceholderIsRefusedAtCompileTime() {
        Output x = placeholder("x");
        Output y = placeholder("y");
        Output s = node("TestAdd", "s", x, y);
        InvalidRunException e = assertThrows(InvalidRunException.class,
                () -> Plan.compile(g, List.of(x), List.of(s), List.of()));
        assertTrue(e.getMessage().contains("'y'"), e.getMessage());
        assertTrue(e.getMessage().contains("fetch s:0"), e.getMessage());
        assertTrue(e.getMessage().contains("runner.feed(\"y\""), e.getMessage());
    }

    @Test
    void anEmptyPlanReturnsTheFedFetches() {
        Output x = placeholder("x");
        Plan plan = Plan.compile(g, List.of(x), List.of(x), List.of());
        assertEquals(0, plan.nodeCount());
        assertEquals(0, plan.roots.length);
        Tensor fed = Tensor.scalar(1.0);
        assertSame(fed, Execution.run(plan, pool, new Tensor[] {fed})[0]);
    }

    @Test
    void aFailureReportsTheFirstFailingNodeAndKeepsItsInputShapes() {
        Output x = TestOps.placeholder(g, "x", DType.FLOAT64, Shape.of(-1));
        Output f = node("TestFail", "f", node("TestAdd", "pre", x, x));
        Plan plan = Plan.compile(g, List.of(x), List.of(f), List.of());
        KernelException e = assertThrows(KernelException.class,
                () -> Execution.run(plan, pool, new Tensor[] {Tensor.vector(1.0, 2.0, 3.0)}));
        assertEquals("f", e.nodeName());
        assertTrue(e.getMessage().contains("float64[3]"), e.getMessage());
    }

    @Test
    void aRunOnAShutDownPoolThatNeedsItFailsWithSessionClosed() {
        Output x = placeholder("x");
        Output sleepy = g.nodeBuilder("TestSleep").name("sleepy").input(x).attr("millis", 1L).build().output(0);
        Plan plan = Plan.compile(g, List.of(x), List.of(sleepy), List.of());
        pool.shutdown();
        assertThrows(dev.flowgraph.SessionClosedException.class,
                () -> Execution.run(plan, pool, new Tensor[] {Tensor.scalar(1.0)}));
        // cheap-only runs do not need the pool
        Output cheap = record("cheap", 0, x);
        Plan cheapPlan = Plan.compile(g, List.of(x), List.of(cheap), List.of());
        assertEquals(1.0, Execution.run(cheapPlan, pool, new Tensor[] {Tensor.scalar(1.0)})[0].getDouble());
    }

    // ---------------------------------------------------------------- plan keys

    @Test
    void planKeysCompareTheirListsInOrder() {
        Output x = placeholder("x");
        Output y = placeholder("y");
        Output s = node("TestAdd", "s", x, y);
        PlanKey k1 = new PlanKey(List.of(x, y), List.of(s), List.of());
        PlanKey k2 = new PlanKey(new ArrayList<>(List.of(x, y)), List.of(s), List.of());
        assertEquals(k1, k2);
        assertEquals(k1.hashCode(), k2.hashCode());
        assertNotEquals(k1, new PlanKey(List.of(y, x), List.of(s), List.of()));
        assertNotEquals(k1, new PlanKey(List.of(x, y), List.of(s, s), List.of()));
        assertNotEquals(k1, new PlanKey(List.of(x, y), List.of(s), List.of(s.node())));
        // a fetch moved to a target is another request
        assertNotEquals(new PlanKey(List.of(), List.of(s), List.of()), new PlanKey(List.of(), List.of(), List.of(s.node())));
        assertNotEquals(k1, null);
        assertNotEquals(k1, "k1");
    }

    @Test
    void aPlanKeyCopiesItsLists() {
        Output x = placeholder("x");
        Output y = placeholder("y");
        List<Output> feeds = new ArrayList<>(List.of(x));
        PlanKey k = new PlanKey(feeds, List.of(x), List.of());
        PlanKey same = new PlanKey(List.of(x), List.of(x), List.of());
        feeds.add(y);
        assertEquals(same, k);
    }
}
