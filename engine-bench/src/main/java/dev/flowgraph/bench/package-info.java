/**
 * JMH benchmarks of the engine against the pure-Java peers a Java user would otherwise pick
 * (EJML, ojAlgo) and a plain hand-written loop as the floor, engine and peers in the same class so
 * that one run compares them. Seeds are fixed; each family has a small and a large size, except
 * {@link dev.flowgraph.bench.MnistTrainingBenchmark}, whose batch of 128 the issue fixes and
 * whose peer, NumPy, runs outside JMH ({@code engine-bench/src/main/python/mnist_mlp_numpy.py}).
 *
 * <p>Run them all, or a family by a regular expression, with the jar the module packages:
 *
 * <pre>{@code
 * mvn -B -q -pl engine-bench -am package -DskipTests
 * java -jar engine-bench/target/benchmarks.jar RunOverhead -prof gc
 * }</pre>
 *
 * <p>The engine's optional Vector API kernel runs where the forks have {@code
 * --add-modules=jdk.incubator.vector}: add {@code -jvmArgsAppend "-Xms2g -Xmx2g
 * --add-modules=jdk.incubator.vector"} to a command (it replaces a class's own fork arguments, so
 * it repeats the heap sizes). {@link dev.flowgraph.bench.MatMulKernelBenchmark} always has the
 * module and compares the two FLOAT32 tiled kernels directly.
 *
 * <p>Results and the commands that produced them are in {@code docs/benchmarks.md}.
 */
package dev.flowgraph.bench;
