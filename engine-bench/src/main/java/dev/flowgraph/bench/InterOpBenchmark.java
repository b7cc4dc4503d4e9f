package dev.flowgraph.bench;

import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Inter-op parallelism: {@code branches} independent n×n FLOAT32 matrix products (constants)
 * joined by adds into one output, run with pools of 1 and 2. The ratio pool 1 / pool 2 shows
 * how well independent heavy nodes spread over the pool. The floor computes the same products
 * and sum with the hand-written i-k-j loop on one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InterOpBenchmark extends EngineBenchmark {
    /** How many independent products. */
    private static final int BRANCHES = 8;

    /** The matrices' size: the 256, and a small 64. */
    @Param({"64", "256"})
    public int n;

    private float[][] as;
    private float[][] bs;
    private float[] product;

    /** Builds the graph of products and adds, and compiles its plan. */
    @Setup
    public void setUp() {
        engine = new EngineSessions();
        Shape shape = Shape.of(n, n);
        as = new float[BRANCHES][];
        bs = new float[BRANCHES][];
        product = new float[n * n];
        List<Output> products = new ArrayList<>();
        for (int i = 0; i < BRANCHES; i++) {
            as[i] = BenchData.floats(n * n, 100 + i);
            bs[i] = BenchData.floats(n * n, 200 + i);
            products.add(engine.tf.matMul(engine.tf.constant(Tensor.of(as[i], shape)),
                    engine.tf.constant(Tensor.of(bs[i], shape))));
        }
        // The issue joins them "by one add"; add is binary, so a balanced tree of adds does it.
        while (products.size() > 1) {
            List<Output> next = new ArrayList<>();
            for (int i = 0; i < products.size(); i += 2) {
                next.add(engine.tf.add(products.get(i), products.get(i + 1)));
            }
            products = next;
        }
        engine.open(new Output[0], new Tensor[0], products.get(0));
    }

    /**
     * The floor: the products one after the other with the i-k-j loop, summed, on one thread.
     *
     * @return the sum of the products
     */
    @Benchmark
    public float[] loop() {
        float[] sum = new float[n * n];
        for (int i = 0; i < BRANCHES; i++) {
            Loops.gemm(as[i], bs[i], product, n);
            for (int e = 0; e < sum.length; e++) {
                sum[e] += product[e];
            }
        }
        return sum;
    }
}
