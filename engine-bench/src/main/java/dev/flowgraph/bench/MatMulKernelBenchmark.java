package dev.flowgraph.bench;

import dev.flowgraph.ops.kernels.KernelTuning;
import dev.flowgraph.ops.kernels.TiledMatrixMultiply;
import dev.flowgraph.ops.kernels.VectorMatrixMultiply;
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
 * The two FLOAT32 tiled product kernels side by side, on one thread: {@link
 * TiledMatrixMultiply} (plain Java, what every JVM gets) and {@link VectorMatrixMultiply} (the
 * Vector API, what a JVM started with {@code --add-modules jdk.incubator.vector} gets), called
 * directly as the MatMul op calls them, without a session around them. Every fork of this class
 * has the module, whatever the command line says; GFLOP/s = 2·m·k·n / time.
 *
 * <p>Each kernel runs in forks of its own here, so a launch on a busy machine can favour either;
 * {@link MatMulKernelTrace} alternates the two calls in one JVM for their ratio.
 *
 * <p>Shapes: the MNIST MLP's two large products as the op computes them ({@code x · W1}, and
 * {@code xᵀ · dH} as its transpose {@code (dHᵀ · x)ᵀ}: A and C transposed; with its inner
 * dimension of 128, the op leaves that one to the plain kernel, see {@link
 * KernelTuning#vectorMatMul}), and a square 1024 product.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--add-modules=jdk.incubator.vector"})
public class MatMulKernelBenchmark {
    /** {@code m x k x n}, then {@code A} and {@code C} for a transposed A and C. */
    @Param({"128x784x128", "128x128x784AC", "1024x1024x1024"})
    public String shape;

    private int m;
    private int k;
    private int n;
    private boolean transposeA;
    private boolean transposeC;
    private float[] a;
    private float[] b;
    private float[] c;
    private final int[] start = {0};
    private int tiles;

    /** Makes the seeded operands; refuses to run without the Vector API. */
    @Setup
    public void setUp() {
        if (!KernelTuning.VECTOR_MATMUL) {
            throw new IllegalStateException("this benchmark's fork needs --add-modules=jdk.incubator.vector");
        }
        String[] size = shape.replaceAll("[AC]", "").split("x");
        m = Integer.parseInt(size[0]);
        k = Integer.parseInt(size[1]);
        n = Integer.parseInt(size[2]);
        transposeA = shape.contains("A");
        transposeC = shape.contains("C");
        a = BenchData.floats(m * k, 41);
        b = BenchData.floats(k * n, 42);
        c = new float[m * n];
        tiles = TiledMatrixMultiply.tileCount(1, m, n);
    }

    /** Returns the product's floating-point operations, {@code 2·m·k·n}, once set up. */
    long flops() {
        return 2L * m * k * n;
    }

    /** The plain-Java tiled kernel. */
    @Benchmark
    public float[] tiled() {
        TiledMatrixMultiply.multiply(a, b, c, start, start, m, k, n, transposeA, false, transposeC, 0, tiles);
        return c;
    }

    /** The Vector API kernel, packing B first as the op does. */
    @Benchmark
    public float[] vector() {
        float[] packed = new float[VectorMatrixMultiply.packedLength(1, k, n)];
        VectorMatrixMultiply.packB(b, start, k, n, false, packed, 0, VectorMatrixMultiply.panelCount(1, n));
        VectorMatrixMultiply.multiply(a, packed, start, c, start, m, k, n, transposeA, transposeC, 0, tiles);
        return c;
    }
}
