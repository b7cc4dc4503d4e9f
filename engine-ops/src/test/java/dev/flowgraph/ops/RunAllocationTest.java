package dev.flowgraph.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.Output;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The bytes one small run allocates stay near what docs/benchmarks.md accounts for: J = 3*(a+b*c)
 * on FLOAT64 scalars, three feeds and a fetch, allocates 296 bytes once compiled (a 40-byte
 * runner with its 88 bytes of request arrays, a 24-byte result, and three 48-byte output
 * tensors), and 344 in the interpreter, where nothing is optimised away. The JIT only removes
 * allocations, so the interpreter's count bounds every stage of compilation, and the bound leaves
 * room above it for a JVM that lays objects out differently. Not a timed test.
 */
class RunAllocationTest {
    /** Well under the 1,192 bytes a run allocated before its kernels and per-run state were trimmed. */
    private static final long BOUND = 450;

    @Test
    void aRunOfThreeScalarNodesAllocatesOnlyItsRunnerResultAndTensors() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no per-thread allocation counter");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled(),
                "per-thread allocation counting is off");
        // The sizes above are those of a heap with compressed references (the default below 32 GB);
        // without them every reference and header is larger and the bound says nothing.
        com.sun.management.HotSpotDiagnosticMXBean hotspot =
                ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
        assumeTrue(hotspot != null && "true".equals(hotspot.getVMOption("UseCompressedOops").getValue()),
                "object sizes differ without compressed references");
        try (Graph g = new Graph(); Session s = new Session(g, 1)) {
            Ops tf = Ops.on(g);
            Output a = tf.placeholder("a", DType.FLOAT64, Shape.scalar());
            Output b = tf.placeholder("b", DType.FLOAT64, Shape.scalar());
            Output c = tf.placeholder("c", DType.FLOAT64, Shape.scalar());
            Output j = tf.withName("J").mul(tf.constant(3.0), tf.add(a, tf.mul(b, c)));
            Tensor va = Tensor.scalar(5.0);
            Tensor vb = Tensor.scalar(3.0);
            Tensor vc = Tensor.scalar(2.0);
            double sum = 0;
            // The first runs compile the plan and load classes; later ones reuse the recycled state.
            for (int i = 0; i < 2_000; i++) {
                sum += s.runner().feed(a, va).feed(b, vb).feed(c, vc).fetch(j).run().get(0).getDouble();
            }
            int runs = 2_000;
            long thread = Thread.currentThread().getId();
            long before = mx.getThreadAllocatedBytes(thread);
            for (int i = 0; i < runs; i++) {
                sum += s.runner().feed(a, va).feed(b, vb).feed(c, vc).fetch(j).run().get(0).getDouble();
            }
            long perRun = (mx.getThreadAllocatedBytes(thread) - before) / runs;
            // 3 * (5 + 3 * 2) = 33 per run.
            assertEquals(33.0 * 4_000, sum);
            assertTrue(perRun <= BOUND, "a run allocated " + perRun + " bytes, more than " + BOUND);
        }
    }
}
