package dev.flowgraph.bench;

import dev.flowgraph.DType;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.ejml.dense.row.CommonOps_MT_FDRM;
import org.ojalgo.matrix.store.R032Store;
import org.ojalgo.matrix.store.R064Store;
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
 * Dense n×n matrix product {@code C = A · B}: the engine's {@code matMul} through a session with
 * a pool of 1 and of 2 threads, EJML single- and multi-threaded ({@code CommonOps_MT_*}, on
 * EJML's own pool, one thread per processor), ojAlgo ({@code fillByMultiplying}, threads as
 * ojAlgo chooses), and the hand-written i-k-j loop. GFLOP/s = 2n³ / time.
 *
 * <p>The engine allocates a new output tensor per run (tensors are immutable); the peers and the
 * loop write into an output allocated once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class GemmBenchmark extends EngineBenchmark {
    /** The element type. */
    @Param({"FLOAT32", "FLOAT64"})
    public String dtype;

    /** The matrices' size. */
    @Param({"256", "512", "1024", "2048"})
    public int n;

    private boolean f32;
    private float[] af;
    private float[] bf;
    private float[] cf;
    private double[] ad;
    private double[] bd;
    private double[] cd;
    private FMatrixRMaj ejmlAf;
    private FMatrixRMaj ejmlBf;
    private FMatrixRMaj ejmlCf;
    private DMatrixRMaj ejmlAd;
    private DMatrixRMaj ejmlBd;
    private DMatrixRMaj ejmlCd;
    private R032Store ojAf;
    private R032Store ojBf;
    private R032Store ojCf;
    private R064Store ojAd;
    private R064Store ojBd;
    private R064Store ojCd;

    /** Makes the seeded inputs in every library's format and compiles the engine's plan. */
    @Setup
    public void setUp() {
        f32 = DType.valueOf(dtype) == DType.FLOAT32;
        Shape shape = Shape.of(n, n);
        engine = new EngineSessions();
        Output a = engine.tf.placeholder("a", DType.valueOf(dtype), shape);
        Output b = engine.tf.placeholder("b", DType.valueOf(dtype), shape);
        Output c = engine.tf.matMul(a, b);
        Tensor ta;
        Tensor tb;
        if (f32) {
            af = BenchData.floats(n * n, 1);
            bf = BenchData.floats(n * n, 2);
            cf = new float[n * n];
            ta = Tensor.of(af, shape);
            tb = Tensor.of(bf, shape);
            ejmlAf = FMatrixRMaj.wrap(n, n, af.clone());
            ejmlBf = FMatrixRMaj.wrap(n, n, bf.clone());
            ejmlCf = new FMatrixRMaj(n, n);
            // ojAlgo stores column-major; wrapping the transposed layout multiplies the same numbers.
            ojAf = R032Store.wrap(af.clone(), n);
            ojBf = R032Store.wrap(bf.clone(), n);
            ojCf = R032Store.FACTORY.make(n, n);
        } else {
            ad = BenchData.doubles(n * n, 1);
            bd = BenchData.doubles(n * n, 2);
            cd = new double[n * n];
            ta = Tensor.of(ad, shape);
            tb = Tensor.of(bd, shape);
            ejmlAd = DMatrixRMaj.wrap(n, n, ad.clone());
            ejmlBd = DMatrixRMaj.wrap(n, n, bd.clone());
            ejmlCd = new DMatrixRMaj(n, n);
            ojAd = R064Store.wrap(ad.clone(), n);
            ojBd = R064Store.wrap(bd.clone(), n);
            ojCd = R064Store.FACTORY.make(n, n);
        }
        engine.open(new Output[] {a, b}, new Tensor[] {ta, tb}, c);
    }

    /**
     * EJML's single-threaded multiply.
     *
     * @return the product
     */
    @Benchmark
    public Object ejml() {
        if (f32) {
            CommonOps_FDRM.mult(ejmlAf, ejmlBf, ejmlCf);
            return ejmlCf;
        }
        CommonOps_DDRM.mult(ejmlAd, ejmlBd, ejmlCd);
        return ejmlCd;
    }

    /**
     * EJML's multi-threaded multiply.
     *
     * @return the product
     */
    @Benchmark
    public Object ejmlConcurrent() {
        if (f32) {
            CommonOps_MT_FDRM.mult(ejmlAf, ejmlBf, ejmlCf);
            return ejmlCf;
        }
        CommonOps_MT_DDRM.mult(ejmlAd, ejmlBd, ejmlCd);
        return ejmlCd;
    }

    /**
     * ojAlgo's multiply, with the threads it chooses.
     *
     * @return the product
     */
    @Benchmark
    public Object ojAlgo() {
        if (f32) {
            ojCf.fillByMultiplying(ojAf, ojBf);
            return ojCf;
        }
        ojCd.fillByMultiplying(ojAd, ojBd);
        return ojCd;
    }

    /**
     * The hand-written single-threaded i-k-j loop.
     *
     * @return the product
     */
    @Benchmark
    public Object loop() {
        if (f32) {
            Loops.gemm(af, bf, cf, n);
            return cf;
        }
        Loops.gemm(ad, bd, cd, n);
        return cd;
    }
}
