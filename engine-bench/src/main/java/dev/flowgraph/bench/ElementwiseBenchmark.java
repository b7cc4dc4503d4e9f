package dev.flowgraph.bench;

import dev.flowgraph.DType;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * FLOAT32 kernels on vectors of 1M and 16M elements: {@code add(x, y)} and {@code relu(x)}, bound
 * by memory bandwidth, and the full reduction {@code sum(x)}, the engine with pools of 1 and 2
 * against the hand-written loop on one thread and on two (halves). Like the engine, the loops for
 * add and relu allocate a new output array per call (a run's result is a new tensor); the loop's
 * sum accumulates in double, as the engine's does, in one chain per thread, where the engine
 * folds parts of 65,536 elements on its pool and then the parts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class ElementwiseBenchmark extends EngineBenchmark {
    /** The kernel: add, relu or sum. */
    @Param({"add", "relu", "sum"})
    public String op;

    /** The number of elements: 2^20 or 2^24. */
    @Param({"1048576", "16777216"})
    public int size;

    private float[] x;
    private float[] y;
    /** The second thread of {@link #loopTwoThreads}; a daemon, so a failed run cannot hang the JVM. */
    private final ExecutorService helper = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "loop-helper");
        thread.setDaemon(true);
        return thread;
    });

    /** Makes the seeded inputs and compiles the engine's plan. */
    @Setup
    public void setUp() {
        x = BenchData.floats(size, 5);
        y = BenchData.floats(size, 6);
        Shape shape = Shape.of(size);
        engine = new EngineSessions();
        Output vx = engine.tf.placeholder("x", DType.FLOAT32, shape);
        Output vy = engine.tf.placeholder("y", DType.FLOAT32, shape);
        Tensor tx = Tensor.of(x, shape);
        switch (op) {
            case "add":
                engine.open(new Output[] {vx, vy}, new Tensor[] {tx, Tensor.of(y, shape)}, engine.tf.add(vx, vy));
                break;
            case "relu":
                engine.open(new Output[] {vx}, new Tensor[] {tx}, engine.tf.relu(vx));
                break;
            case "sum":
                engine.open(new Output[] {vx}, new Tensor[] {tx}, engine.tf.sum(vx));
                break;
            default:
                throw new IllegalArgumentException("unknown op " + op);
        }
    }

    /**
     * The hand-written single-threaded loop.
     *
     * @return the result
     */
    @Benchmark
    public Object loop() {
        float[] out = newOutput();
        double sum = loopOver(out, 0, size);
        return out != null ? out : (Object) (float) sum;
    }

    /**
     * The same loop on two threads, each over half of the elements (the caller's and one helper
     * thread), the sum's halves added at the end: what two threads can do on this machine, the
     * floor for the engine's pool of 2.
     *
     * @return the result
     * @throws Exception if the helper's half failed
     */
    @Benchmark
    public Object loopTwoThreads() throws Exception {
        float[] out = newOutput();
        int half = size / 2;
        Future<Double> upper = helper.submit(() -> loopOver(out, half, size));
        double sum = loopOver(out, 0, half) + upper.get();
        return out != null ? out : (Object) (float) sum;
    }

    /** Stops the helper thread of {@link #loopTwoThreads}. */
    @TearDown
    public void stopHelper() {
        helper.shutdownNow();
    }

    /** A new output array for add and relu, as the engine allocates one per run; null for sum. */
    private float[] newOutput() {
        return "sum".equals(op) ? null : new float[size];
    }

    /**
     * The loop over elements {@code [from, to)}: add and relu write {@code out}, sum accumulates
     * in double.
     *
     * @return the sum of the range for sum, 0 otherwise
     */
    private double loopOver(float[] out, int from, int to) {
        switch (op) {
            case "add":
                for (int i = from; i < to; i++) {
                    out[i] = x[i] + y[i];
                }
                return 0;
            case "relu":
                for (int i = from; i < to; i++) {
                    out[i] = Math.max(x[i], 0f);
                }
                return 0;
            default:
                double sum = 0;
                for (int i = from; i < to; i++) {
                    sum += x[i];
                }
                return sum;
        }
    }
}
