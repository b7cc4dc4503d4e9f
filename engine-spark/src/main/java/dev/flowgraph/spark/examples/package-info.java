/**
 * Runnable programs that show Flowgraph on Spark: {@link dev.flowgraph.spark.examples.SparkMnist}
 * trains the MNIST MLP data-parallel over partitions and scores the test images in batch.
 */
package dev.flowgraph.spark.examples;
