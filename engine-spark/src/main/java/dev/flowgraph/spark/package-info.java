/**
 * Flowgraph on Apache Spark: {@link dev.flowgraph.spark.BatchInference} runs a saved model over a
 * {@code Dataset<Row>} partition by partition, and {@link dev.flowgraph.spark.DataParallelTrainer}
 * trains a graph with synchronous data-parallel steps (gradients summed with
 * {@code treeAggregate}, the update applied once on the driver) or parameter averaging. Columns
 * map to placeholders by name; docs/distributed.md explains what runs where.
 *
 * <pre>{@code
 * Dataset<Row> scored = BatchInference.run(images, bundleBytes, "classify", 256);
 * try (DataParallelTrainer t = new DataParallelTrainer(session, new Adam(1e-3), loss,
 *         Map.of("images", x, "labels", y), trainRows, 32)) {
 *     t.step();
 * }
 * }</pre>
 */
package dev.flowgraph.spark;
