package dev.flowgraph.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.Output;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.spi.Attrs;
import dev.flowgraph.spi.KernelContext;
import dev.flowgraph.spi.NodeSpec;
import dev.flowgraph.spi.OpDef;
import dev.flowgraph.spi.OpRegistry;
import dev.flowgraph.spi.OutputSpec;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Memory of long-lived sessions: many runs leave nothing behind (no leaked plans, per-run state
 * or tensors), and one run holds only the intermediates still to be read, not every one.
 *
 * <p>How it measures, robustly on a shared machine: retained heap is read after
 * {@link #settledHeap()} runs {@link System#gc()} until the used heap stops falling, and growth is
 * compared with a tolerance far below what a leak would add (a leaked 4 MB tensor per run would
 * add 4 GB over 1,000 runs; a leaked plan or per-run state over 100,000 runs adds tens of MB).
 * Peak liveness inside a run is counted exactly, not estimated: a probe op in the chain records a
 * {@link WeakReference} to every tensor it produces and, while running, forces a GC and counts
 * how many earlier ones are still reachable. Weak references are cleared by a full GC exactly
 * when nothing strongly holds the tensor, so the count is the executor's live intermediates.
 */
class MemorySoakTest {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final long MB = 1 << 20;

    /** Used heap after full GCs, once it no longer falls. */
    static long settledHeap() {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 6; i++) {
            System.gc();
            long used = MEMORY.getHeapMemoryUsage().getUsed();
            if (used >= best) {
                return best;
            }
            best = used;
        }
        return best;
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aHundredThousandSmallRunsLeaveTheHeapFlat() {
        try (Graph g = new Graph(); Session s = new Session(g, 2)) {
            Ops tf = Ops.on(g);
            Output a = tf.placeholder("a", DType.FLOAT64, Shape.of(4));
            Output b = tf.withName("b").mul(a, tf.constant(3.0));
            Output c = tf.withName("c").add(b, a);
            tf.withName("d").sum(c);
            String[][] fetchSets = {{"d"}, {"c", "d"}, {"b"}, {"d", "b", "c"}};
            long before = 0;
            for (int i = 0; i < 100_000; i++) {
                if (i == 10_000) {
                    // Measured after warm-up: plans compiled, JIT and pool threads settled.
                    before = settledHeap();
                }
                double x = i;
                String[] fetches = fetchSets[i % fetchSets.length];
                var r = s.runner().feed("a", Tensor.vector(x, 1, 2, 3));
                for (String f : fetches) {
                    r.fetch(f);
                }
                Tensor last = r.run().get(fetches[0]);
                if (fetches[0].equals("d")) {
                    assertEquals(4 * (x + 6), last.getDouble(), 0.0);
                }
            }
            long after = settledHeap();
            assertTrue(after - before < 16 * MB, "heap grew by " + (after - before) / MB + " MB over 90,000 runs");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aThousandRunsWithFourMegabyteIntermediatesLeaveTheHeapFlat() {
        try (Graph g = new Graph(); Session s = new Session(g, 2)) {
            Ops tf = Ops.on(g);
            // 256 x 2,048 doubles: 4 MB per intermediate.
            Output x = tf.placeholder("x", DType.FLOAT64, Shape.of(256, 2048));
            Output y = tf.withName("y").tanh(tf.mul(x, x));
            Output z = tf.withName("z").add(y, x);
            tf.withName("total").sum(z);
            Tensor input = Tensor.zeros(DType.FLOAT64, Shape.of(256, 2048));
            long before = 0;
            for (int i = 0; i < 1_000; i++) {
                if (i == 100) {
                    before = settledHeap();
                }
                var r = s.runner().feed("x", input).fetch("total");
                if (i % 2 == 0) {
                    r.fetch("z");
                }
                assertEquals(0.0, r.run().get("total").getDouble(), 0.0);
            }
            long after = settledHeap();
            assertTrue(after - before < 16 * MB, "heap grew by " + (after - before) / MB + " MB over 900 runs");
        }
    }

    /**
     * A test op: {@code -x}, which while computing forces a GC and counts the earlier outputs it
     * made that are still reachable. It holds per-test state, which real ops must not.
     */
    private static final class LivenessProbe implements OpDef {
        final List<WeakReference<Tensor>> made = new ArrayList<>();
        int maxLiveBefore;
        long peakHeap;

        @Override
        public String type() {
            return "TestLivenessProbe";
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
        public synchronized void compute(KernelContext k) {
            Tensor in = k.input(0);
            double[] d = in.toDoubleArray();
            for (int i = 0; i < d.length; i++) {
                d[i] = -d[i];
            }
            Tensor out = Tensor.of(d, in.shape());
            d = null;
            long heap = settledHeap();
            peakHeap = Math.max(peakHeap, heap);
            int live = 0;
            for (WeakReference<Tensor> w : made) {
                live += w.get() != null ? 1 : 0;
            }
            maxLiveBefore = Math.max(maxLiveBefore, live);
            made.add(new WeakReference<>(out));
            k.setOutput(0, out);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aChainOfFortyLargeOpsHoldsOnlyTheIntermediatesStillToBeRead() {
        LivenessProbe probe = new LivenessProbe();
        OpRegistry registry = OpRegistry.global().with(List.of(probe));
        int chain = 40;
        // 1,024 x 1,024 doubles: 8 MB per intermediate, 320 MB if the run held them all.
        Shape shape = Shape.of(1024, 1024);
        try (Graph g = new Graph(registry); Session s = new Session(g, 2)) {
            Ops tf = Ops.on(g);
            Output x = tf.placeholder("x", DType.FLOAT64, shape);
            List<Output> links = new ArrayList<>();
            Output h = x;
            for (int i = 0; i < chain; i++) {
                h = tf.withName("p" + i).node("TestLivenessProbe", Attrs.empty(), h).output(0);
                links.add(h);
            }
            Tensor input = Tensor.zeros(DType.FLOAT64, shape);
            long baseline = settledHeap();
            Tensor result = s.runner().feed("x", input).fetch(h).run().get(0);
            assertEquals(shape, result.shape());
            assertEquals(chain, probe.made.size());
            // While node i runs, its input (node i-1's output) is the only earlier output alive:
            // node i-2's output was dropped when node i-1, its last reader, finished.
            assertTrue(probe.maxLiveBefore <= 2, probe.maxLiveBefore + " earlier intermediates alive at once");
            long grown = probe.peakHeap - baseline;
            assertTrue(grown < 6 * 8 * MB, "peak heap during the run grew by " + grown / MB + " MB");

            // The control: fetched intermediates must stay alive, and the probe must see them.
            probe.made.clear();
            probe.maxLiveBefore = 0;
            var r = s.runner().feed("x", input);
            for (int i = 0; i < 10; i++) {
                r.fetch(links.get(i));
            }
            r.fetch(h).run();
            assertTrue(probe.maxLiveBefore >= 10, "the probe saw only " + probe.maxLiveBefore + " of 10 fetched intermediates");
        }
    }
}
