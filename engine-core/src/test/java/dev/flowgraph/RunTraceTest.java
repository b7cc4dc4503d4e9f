package dev.flowgraph;

import static dev.flowgraph.SessionTest.named;
import static dev.flowgraph.SessionTest.scalarPlaceholder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Run timelines: a traced run records every node once, exports Chrome trace JSON that parses
 * back with the same facts, shows independent heavy branches overlapping on two threads, and
 * summarises op types, the critical path and thread use. Time bounds are generous.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunTraceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Graph g;

    @BeforeEach
    void setUp() {
        g = new Graph(TestOps.REGISTRY);
    }

    @AfterEach
    void tearDown() {
        g.close();
    }

    /** x -> slowA (sleep) -> ... and x -> slowB (sleep), joined by "join" (TestAdd). */
    private Output twoSleepingBranches(long millisA, long millisB) {
        Output x = scalarPlaceholder(g, "x");
        Output a = g.nodeBuilder("TestSleep").name("slowA").input(x).attr("millis", millisA).build().output(0);
        Output b = g.nodeBuilder("TestSleep").name("slowB").input(x).attr("millis", millisB).build().output(0);
        return named(g, "TestAdd", "join", a, b);
    }

    /** The parsed trace's complete events, by node name; fails if a name appears twice. */
    private static Map<String, JsonNode> completeEvents(JsonNode root) {
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode e : root.get("traceEvents")) {
            if (e.get("ph").asText().equals("X")) {
                String name = e.get("name").asText();
                assertTrue(byName.put(name, e) == null, "node '" + name + "' appears twice");
            }
        }
        return byName;
    }

    /** tid to thread name, from the "thread_name" metadata events. */
    private static Map<Integer, String> threadNames(JsonNode root) {
        Map<Integer, String> names = new HashMap<>();
        for (JsonNode e : root.get("traceEvents")) {
            if (e.get("ph").asText().equals("M")) {
                assertEquals("thread_name", e.get("name").asText());
                assertEquals(1, e.get("pid").asInt());
                names.put(e.get("tid").asInt(), e.get("args").get("name").asText());
            }
        }
        return names;
    }

    @Test
    void chromeJsonHasEveryNodeOnceWithTimesThreadsShapesAndBytes() throws Exception {
        try (Session s = new Session(g, 2)) {
            Output v = TestOps.placeholder(g, "v", DType.FLOAT64, Shape.of(3));
            Output w = named(g, "TestMul", "w", v, v);
            Output u = named(g, "TestAdd", "scope/u", w, v);
            Tensor three = Tensor.vector(1.0, 2.0, 3.0);
            Result r = s.runner().feed("v", three).fetch(u).trace().run();
            assertEquals(List.of(2.0, 6.0, 12.0), List.of(r.get(0).getDouble(0), r.get(0).getDouble(1),
                    r.get(0).getDouble(2)));

            RunTrace trace = r.trace();
            JsonNode root = JSON.readTree(trace.toChromeTraceJson());
            Map<String, JsonNode> events = completeEvents(root);
            // The fed placeholder does not run; the two computing nodes do, each once.
            assertEquals(Set.of("w", "scope/u"), events.keySet());
            Map<Integer, String> threads = threadNames(root);
            for (JsonNode e : events.values()) {
                assertTrue(e.get("ts").isNumber() && e.get("dur").isNumber(), e.toString());
                assertTrue(e.get("ts").asDouble() >= 0, e.toString());
                assertTrue(e.get("dur").asDouble() >= 0, "end >= start: " + e);
                assertEquals(1, e.get("pid").asInt());
                assertTrue(threads.containsKey(e.get("tid").asInt()), "every tid has a thread_name: " + e);
                assertEquals(e.get("cat").asText(), e.get("args").get("op").asText());
                assertEquals("float64[3]", e.get("args").get("outputs").get(0).asText());
                assertEquals(3 * 8, e.get("args").get("bytes").asLong());
            }
            assertEquals("TestMul", events.get("w").get("cat").asText());
            assertEquals("TestAdd", events.get("scope/u").get("cat").asText());
            // Both are cheap, so the caller ran them: its name is the track's name.
            assertEquals(Set.of(Thread.currentThread().getName()), new HashSet<>(threads.values()));
            // u needs w: it starts after w ends.
            double wEnd = events.get("w").get("ts").asDouble() + events.get("w").get("dur").asDouble();
            assertTrue(events.get("scope/u").get("ts").asDouble() >= wEnd - 0.001);

            assertEquals(2, trace.spans().size());
            for (RunTrace.Span span : trace.spans()) {
                assertTrue(span.endNanos() >= span.startNanos());
                assertTrue(span.endNanos() <= trace.wallNanos(), "spans end within the run");
            }
        }
    }

    @Test
    void independentHeavyBranchesOverlapOnTwoThreads() throws Exception {
        try (Session s = new Session(g, 2)) {
            Output join = twoSleepingBranches(150, 150);
            Result r = s.runner().feed("x", Tensor.scalar(1.0)).fetch(join).trace().run();
            assertEquals(2.0, r.get(0).getDouble());

            JsonNode root = JSON.readTree(r.trace().toChromeTraceJson());
            Map<String, JsonNode> events = completeEvents(root);
            assertEquals(Set.of("slowA", "slowB", "join"), events.keySet());
            JsonNode a = events.get("slowA");
            JsonNode b = events.get("slowB");
            double aStart = a.get("ts").asDouble();
            double aEnd = aStart + a.get("dur").asDouble();
            double bStart = b.get("ts").asDouble();
            double bEnd = bStart + b.get("dur").asDouble();
            assertTrue(a.get("dur").asDouble() >= 140_000 && b.get("dur").asDouble() >= 140_000,
                    "each sleeps 150 ms: " + a + " " + b);
            assertTrue(aStart < bEnd && bStart < aEnd, "the branches overlap in time: " + a + " " + b);
            assertNotEquals(a.get("tid").asInt(), b.get("tid").asInt(), "the branches ran on different threads");
            Map<Integer, String> threads = threadNames(root);
            assertNotEquals(threads.get(a.get("tid").asInt()), threads.get(b.get("tid").asInt()));
            double joinStart = events.get("join").get("ts").asDouble();
            assertTrue(joinStart >= Math.max(aEnd, bEnd) - 0.001, "join starts after both branches");
        }
    }

    @Test
    void summaryNamesTopOpTypeCriticalPathAndThreadUse() {
        try (Session s = new Session(g, 2)) {
            // slowA is the longer branch, so the critical path is x's consumers slowA -> join.
            Output join = twoSleepingBranches(150, 30);
            Output out = named(g, "TestMul", "scaled", join, join);
            RunTrace trace = s.runner().feed("x", Tensor.scalar(1.0)).fetch(out).trace().run().trace();

            List<String> path = trace.criticalPath().stream().map(RunTrace.Span::name).collect(Collectors.toList());
            assertEquals(List.of("slowA", "join", "scaled"), path);

            String summary = trace.summary(1);
            List<String> lines = summary.lines().collect(Collectors.toList());
            int top = lines.indexOf(lines.stream().filter(l -> l.startsWith("Top 1 op types")).findFirst().orElseThrow());
            assertTrue(lines.get(top + 1).trim().startsWith("TestSleep"), summary);
            assertTrue(lines.get(top + 1).contains("count 2"), summary);
            assertFalse(summary.contains("TestAdd  "), "only the top op type is listed: " + summary);
            String critical = lines.stream().filter(l -> l.startsWith("Critical path")).findFirst().orElseThrow();
            assertTrue(critical.contains("(3 nodes,"), critical);
            assertTrue(critical.indexOf("slowA (TestSleep") < critical.indexOf("-> join (TestAdd")
                    && critical.indexOf("-> join") < critical.indexOf("-> scaled (TestMul"), critical);
            assertFalse(critical.contains("slowB"), critical);
            assertTrue(summary.contains("Thread busy time:"), summary);
            Set<String> threads = trace.spans().stream().map(RunTrace.Span::thread).collect(Collectors.toSet());
            for (String t : threads) {
                assertTrue(summary.lines().anyMatch(l -> l.trim().startsWith(t) && l.endsWith("%")), t + " in " + summary);
            }

            String wide = trace.summary(10);
            assertTrue(wide.contains("TestAdd") && wide.contains("TestMul"), wide);
            assertThrows(IllegalArgumentException.class, () -> trace.summary(0));
        }
    }

    @Test
    void untracedRunSaysHowToTurnTracingOn() {
        try (Session s = new Session(g, 1)) {
            Output join = twoSleepingBranches(1, 1);
            Result r = s.runner().feed("x", Tensor.scalar(1.0)).fetch(join).run();
            assertFalse(r.hasTrace());
            IllegalStateException e = assertThrows(IllegalStateException.class, r::trace);
            assertTrue(e.getMessage().contains("not traced") && e.getMessage().contains("trace()"), e.getMessage());
            assertTrue(s.runner().feed("x", Tensor.scalar(1.0)).fetch(join).trace().run().hasTrace());
        }
    }

    @Test
    void runWithNothingToComputeHasAnEmptyTrace() throws Exception {
        try (Session s = new Session(g, 1)) {
            scalarPlaceholder(g, "x");
            RunTrace trace = s.runner().feed("x", Tensor.scalar(1.0)).fetch("x").trace().run().trace();
            assertTrue(trace.spans().isEmpty());
            assertTrue(trace.criticalPath().isEmpty());
            assertTrue(completeEvents(JSON.readTree(trace.toChromeTraceJson())).isEmpty());
            assertTrue(trace.summary(3).contains("Critical path (0 nodes"), trace.summary(3));
        }
    }

    @Test
    void tracedRunThatFailsStillThrows() {
        try (Session s = new Session(g, 2)) {
            Output v = TestOps.placeholder(g, "v", DType.FLOAT64, Shape.of(-1));
            Output w = TestOps.placeholder(g, "w", DType.FLOAT64, Shape.of(-1));
            named(g, "TestAdd", "bad", v, w);
            KernelException e = assertThrows(KernelException.class, () -> s.runner()
                    .feed("v", Tensor.vector(1.0, 2.0)).feed("w", Tensor.vector(1.0, 2.0, 3.0))
                    .fetch("bad").trace().run());
            assertTrue(e.getMessage().contains("'bad'") && e.getMessage().contains("TestAdd"), e.getMessage());
        }
    }

    @Test
    void tracedRunThatTimesOutStillThrows() {
        try (Session s = new Session(g, 2)) {
            Output join = twoSleepingBranches(2_000, 2_000);
            long t0 = System.nanoTime();
            RunTimeoutException e = assertThrows(RunTimeoutException.class, () -> s.runner()
                    .feed("x", Tensor.scalar(1.0)).fetch(join).trace().timeout(Duration.ofMillis(100)).run());
            assertTrue(e.getMessage().contains("timeout"), e.getMessage());
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(1), "the caller returned at once");
        }
    }

    @Test
    void tracedRunThatIsCancelledStillThrows() {
        try (Session s = new Session(g, 2)) {
            Output join = twoSleepingBranches(2_000, 2_000);
            CancellationToken token = new CancellationToken();
            token.cancel();
            RunCancelledException e = assertThrows(RunCancelledException.class, () -> s.runner()
                    .feed("x", Tensor.scalar(1.0)).fetch(join).trace().cancelWith(token).run());
            assertTrue(e.getMessage().contains("CancellationToken"), e.getMessage());
        }
    }

    @Test
    void spansRefuseEndBeforeStartAndTracesRefuseDuplicates() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RunTrace.Span("n", "Op", 10, 5, "t", List.of(), 0, List.of()));
        assertTrue(e.getMessage().contains("'n'"), e.getMessage());
        RunTrace.Span one = new RunTrace.Span("n", "Op", 0, 5, "t", List.of(), 0, List.of());
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
                () -> RunTrace.of(List.of(one, one), 10));
        assertTrue(dup.getMessage().contains("twice"), dup.getMessage());
    }

    @Test
    void jsonEscapesControlCharactersInNames() throws Exception {
        String odd = "a\tb\nc\u0001d\u2028e\"f\\g";
        List<RunTrace.Span> spans = new ArrayList<>();
        spans.add(new RunTrace.Span(odd, "Op", 1_000, 2_500, "thread \"x\"", List.of("float64[]"), 8, List.of()));
        JsonNode root = JSON.readTree(RunTrace.of(spans, 3_000).toChromeTraceJson());
        Map<String, JsonNode> events = completeEvents(root);
        assertEquals(Set.of(odd), events.keySet());
        assertEquals(1.0, events.get(odd).get("ts").asDouble(), 1e-9);
        assertEquals(1.5, events.get(odd).get("dur").asDouble(), 1e-9);
        assertEquals("thread \"x\"", threadNames(root).get(events.get(odd).get("tid").asInt()));
    }
}
