package dev.flowgraph.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.Graph;
import dev.flowgraph.Output;
import dev.flowgraph.Runner;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.io.GraphIO;
import dev.flowgraph.io.Npy;
import dev.flowgraph.ops.Ops;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example's graph saved with {@link GraphIO} and loaded again computes bit-identical results,
 * in this JVM and in a fresh one.
 */
@Timeout(120)
class SavedExamplesTest {
    @TempDir
    Path dir;

    /** Builds a graph with {@code build}, saves it, and returns the file. */
    private Path saved(String name, Function<Ops, Output> build) throws IOException {
        Path file = dir.resolve(name + ".fgraph");
        try (Graph g = new Graph()) {
            build.apply(Ops.on(g));
            GraphIO.save(g, file);
        }
        return file;
    }

    /** Computes {@code fetch} of a freshly built graph. */
    private static Tensor direct(Function<Ops, Output> build, String fetch, Map<String, Tensor> feeds) {
        try (Graph g = new Graph(); Session s = new Session(g, 1)) {
            build.apply(Ops.on(g));
            Runner r = s.runner();
            feeds.forEach(r::feed);
            return r.fetch(fetch).run().get(0);
        }
    }

    private void assertRoundTrip(String name, Function<Ops, Output> build, String fetch, Map<String, Tensor> feeds)
            throws IOException {
        Tensor expected = direct(build, fetch, feeds);
        Tensor loaded = LoadAndRun.run(saved(name, build), fetch, feeds);
        assertArrayEquals(Npy.toBytes(expected), Npy.toBytes(loaded), name);
    }

    private static final Map<String, Tensor> ABC =
            Map.of("a", Tensor.scalar(5.0), "b", Tensor.scalar(3.0), "c", Tensor.scalar(2.0));

    @Test
    void scalarExpression() throws IOException {
        assertRoundTrip("ScalarExpression", ScalarExpression::build, "J", ABC);
        // 3 * (5 + 3 * 2) = 33
        assertEquals(33.0, LoadAndRun.run(dir.resolve("ScalarExpression.fgraph"), "J", ABC).getDouble());
    }

    @Test
    void matrixVector() throws IOException {
        assertRoundTrip("MatrixVectorSmall", MatrixVector::buildSmall, "y", Map.of());
        Random random = new Random(3);
        double[] m = new double[MatrixVector.N * MatrixVector.N];
        double[] v = new double[MatrixVector.N];
        for (int i = 0; i < m.length; i++) {
            m[i] = random.nextGaussian();
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextGaussian();
        }
        assertRoundTrip("MatrixVectorLarge", MatrixVector::buildLarge, "y", Map.of(
                "m", Tensor.of(m, Shape.of(MatrixVector.N, MatrixVector.N)), "v", Tensor.of(v, Shape.of(MatrixVector.N))));
    }

    @Test
    void parallelBranches() throws IOException {
        assertRoundTrip("ParallelBranches", ParallelBranches::build, "total", Map.of());
    }

    @Test
    void aFreshJvmComputesTheSameBits() throws IOException, InterruptedException {
        Path scalar = saved("ScalarExpression", ScalarExpression::build);
        Path branches = saved("ParallelBranches", ParallelBranches::build);
        List<String> expected = List.of(
                LoadAndRun.describe("J", direct(ScalarExpression::build, "J", ABC)),
                LoadAndRun.describe("total", direct(ParallelBranches::build, "total", Map.of())));

        assertEquals(expected, FreshJvm.run(LoadAndRun.class, scalar + "::J::a=5.0,b=3.0,c=2.0", branches + "::total"));
        // J = 33.0 is 0x4040800000000000, written little-endian.
        assertTrue(expected.get(0).endsWith(" data=0000000000804040"), expected.get(0));
    }
}
