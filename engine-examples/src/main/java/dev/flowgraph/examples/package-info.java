/**
 * Small runnable programs that teach Flowgraph, one class each, each with a test asserting what
 * it prints: {@link dev.flowgraph.examples.ScalarExpression} (graphs, placeholders, feeding by
 * name, feeding an intermediate, Graphviz pictures of the graph and of a run),
 * {@link dev.flowgraph.examples.MatrixVector} (tensors and matMul),
 * {@link dev.flowgraph.examples.ParallelBranches} (dataflow scheduling on a pool).
 * The sub-package {@link dev.flowgraph.examples.mnist} holds the Mnist example's data reading,
 * mini-batches, progress bar and pictures.
 * Run one with {@code mvn -q -pl engine-examples -am compile exec:java -Dexample=Name}.
 */
package dev.flowgraph.examples;
