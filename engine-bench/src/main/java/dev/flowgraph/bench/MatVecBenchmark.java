package dev.flowgraph.bench;

import dev.flowgraph.DType;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import java.util.concurrent.TimeUnit;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ojalgo.matrix.store.R032Store;
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
 * FLOAT32 matrix-vector product {@code y = A · x} with A of n×n: the engine's {@code matMul}
 * with a rank-1 right operand (pools of 1 and 2), EJML, ojAlgo, and the hand-written floor, one
 * dot product per row in a single loop.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MatVecBenchmark extends EngineBenchmark {
    /** The matrix's size. */
    @Param({"256", "1024"})
    public int n;

    private float[] a;
    private float[] x;
    private float[] y;
    private FMatrixRMaj ejmlA;
    private FMatrixRMaj ejmlX;
    private FMatrixRMaj ejmlY;
    private R032Store ojA;
    private R032Store ojX;
    private R032Store ojY;

    /** Makes the seeded inputs in every library's format and compiles the engine's plan. */
    @Setup
    public void setUp() {
        a = BenchData.floats(n * n, 3);
        x = BenchData.floats(n, 4);
        y = new float[n];
        engine = new EngineSessions();
        Output ma = engine.tf.placeholder("a", DType.FLOAT32, Shape.of(n, n));
        Output vx = engine.tf.placeholder("x", DType.FLOAT32, Shape.of(n));
        Output product = engine.tf.matMul(ma, vx);
        engine.open(new Output[] {ma, vx}, new Tensor[] {Tensor.of(a, Shape.of(n, n)), Tensor.of(x, Shape.of(n))},
                product);
        ejmlA = FMatrixRMaj.wrap(n, n, a.clone());
        ejmlX = FMatrixRMaj.wrap(n, 1, x.clone());
        ejmlY = new FMatrixRMaj(n, 1);
        // ojAlgo stores column-major: wrapping A's rows as columns multiplies by Aᵀ, the same work.
        ojA = R032Store.wrap(a.clone(), n);
        ojX = R032Store.wrap(x.clone(), n);
        ojY = R032Store.FACTORY.make(n, 1);
    }

    /**
     * EJML's multiply (single-threaded; EJML has no concurrent matrix-vector product).
     *
     * @return y
     */
    @Benchmark
    public Object ejml() {
        CommonOps_FDRM.mult(ejmlA, ejmlX, ejmlY);
        return ejmlY;
    }

    /**
     * ojAlgo's multiply, with the threads it chooses.
     *
     * @return y
     */
    @Benchmark
    public Object ojAlgo() {
        ojY.fillByMultiplying(ojA, ojX);
        return ojY;
    }

    /**
     * The floor: one dot product per row, single-threaded.
     *
     * @return y
     */
    @Benchmark
    public float[] loop() {
        for (int i = 0; i < n; i++) {
            float sum = 0f;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                sum += a[row + j] * x[j];
            }
            y[i] = sum;
        }
        return y;
    }
}
