package dev.flowgraph.bench;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.Output;
import dev.flowgraph.Runner;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
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
 * The executor's cost per run: J = 3*(a+b*c) on FLOAT64 scalars with three feeds, through
 * {@code runner()…run()}, so that nearly all the time is the run's bookkeeping (runner, plan
 * lookup, per-run state, four inline nodes, result). Run with {@code -prof gc} to read the bytes
 * allocated per run ({@code gc.alloc.rate.norm}). {@code trace} turns the run timeline on, to show
 * what tracing costs and that it costs nothing when off.
 *
 * <p>The floor is the same arithmetic in plain Java, boxed into a result tensor as a run must.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RunOverheadBenchmark {
    /** Whether each run records its timeline. */
    @Param({"false", "true"})
    public boolean trace;

    private Graph graph;
    private Session session;
    private Output a;
    private Output b;
    private Output c;
    private Output j;
    private final Tensor va = Tensor.scalar(5.0);
    private final Tensor vb = Tensor.scalar(3.0);
    private final Tensor vc = Tensor.scalar(2.0);
    private double da = 5.0;
    private double db = 3.0;
    private double dc = 2.0;

    /** Builds J = 3*(a+b*c) and opens a session (its nodes all run inline on the caller). */
    @Setup
    public void setUp() {
        graph = new Graph();
        Ops tf = Ops.on(graph);
        a = tf.placeholder("a", DType.FLOAT64, Shape.scalar());
        b = tf.placeholder("b", DType.FLOAT64, Shape.scalar());
        c = tf.placeholder("c", DType.FLOAT64, Shape.scalar());
        j = tf.withName("J").mul(tf.constant(3.0), tf.add(a, tf.mul(b, c)));
        session = new Session(graph, 1);
    }

    /** Closes the session and the graph. */
    @TearDown
    public void tearDown() {
        session.close();
        graph.close();
    }

    /**
     * One run, feeding and fetching by {@link Output}.
     *
     * @return J
     */
    @Benchmark
    public Tensor byOutput() {
        Runner r = session.runner().feed(a, va).feed(b, vb).feed(c, vc).fetch(j);
        if (trace) {
            r.trace();
        }
        return r.run().get(0);
    }

    /**
     * One run, feeding and fetching by name, as the README's example does.
     *
     * @return J
     */
    @Benchmark
    public Tensor byName() {
        Runner r = session.runner().feed("a", va).feed("b", vb).feed("c", vc).fetch("J");
        if (trace) {
            r.trace();
        }
        return r.run().get("J");
    }

    /**
     * The floor: the arithmetic in plain Java, wrapped in a result tensor.
     *
     * @return J
     */
    @Benchmark
    public Tensor floor() {
        return Tensor.scalar(3.0 * (da + db * dc));
    }
}
