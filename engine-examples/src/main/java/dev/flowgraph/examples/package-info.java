/**
 * Small runnable programs that teach Flowgraph, one class each, each with a test asserting what
 * it prints: {@link dev.flowgraph.examples.ScalarExpression} (graphs, placeholders, feeding by
 * name, feeding an intermediate, Graphviz pictures of the graph and of a run),
 * {@link dev.flowgraph.examples.MatrixVector} (tensors and matMul),
 * {@link dev.flowgraph.examples.ParallelBranches} (dataflow scheduling on a pool),
 * {@link dev.flowgraph.examples.LinearRegression} (variables, gradients, gradient descent),
 * {@link dev.flowgraph.examples.Mnist} (an MLP trained with Adam on real images, checkpoints).
 * The sub-package {@link dev.flowgraph.examples.mnist} holds the Mnist example's model, data
 * reading, mini-batches, progress bar and pictures.
 * Run one with {@code mvn -q -pl engine-examples -am compile exec:java -Dexample=Name}.
 */
package dev.flowgraph.examples;
