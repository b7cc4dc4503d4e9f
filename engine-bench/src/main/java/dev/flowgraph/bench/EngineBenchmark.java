package dev.flowgraph.bench;

import dev.flowgraph.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the benchmarks that compare pools share: the engine's run with a pool of 1 and of 2
 * threads on the graph a subclass builds into {@link #engine} in its {@code @Setup}, and closing
 * it afterwards. JMH generates these benchmarks for each concrete subclass.
 */
public abstract class EngineBenchmark {
    /** The graph and its two sessions; set by the subclass's setup. */
    EngineSessions engine;

    /** Closes the sessions and the graph. */
    @TearDown
    public void tearDown() {
        engine.close();
    }

    /**
     * The engine with a pool of 1 thread.
     *
     * @return the fetched tensor
     */
    @Benchmark
    public Tensor enginePool1() {
        return engine.run(1);
    }

    /**
     * The engine with a pool of 2 threads.
     *
     * @return the fetched tensor
     */
    @Benchmark
    public Tensor enginePool2() {
        return engine.run(2);
    }
}
