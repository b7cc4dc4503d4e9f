package dev.flowgraph.bench;

import dev.flowgraph.DType;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
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
 * FLOAT32 kernels on vectors of 1M and 16M elements: {@code add(x, y)} and {@code relu(x)}, bound
 * by memory bandwidth, and the full reduction {@code sum(x)}, the engine with pools of 1 and 2
 * against the hand-written single-threaded loop. Like the engine, the loops for add and relu
 * allocate a new output array per call (a run's result is a new tensor); the loop's sum
 * accumulates in double, as the engine's does, in one chain, where the engine folds parts of
 * 65,536 elements on its pool and then the parts.
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
        switch (op) {
            case "add": {
                float[] out = new float[size];
                for (int i = 0; i < size; i++) {
                    out[i] = x[i] + y[i];
                }
                return out;
            }
            case "relu": {
                float[] out = new float[size];
                for (int i = 0; i < size; i++) {
                    out[i] = Math.max(x[i], 0f);
                }
                return out;
            }
            default: {
                double sum = 0;
                for (int i = 0; i < size; i++) {
                    sum += x[i];
                }
                return (float) sum;
            }
        }
    }
}
