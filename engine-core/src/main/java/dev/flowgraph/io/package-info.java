/**
 * Tensors and graphs on disk.
 *
 * <ul>
 *   <li>{@link dev.flowgraph.io.Npy} and {@link dev.flowgraph.io.Npz}: tensors in NumPy's
 *       {@code .npy} and {@code .npz} formats, which {@code numpy.load} reads;</li>
 *   <li>{@link dev.flowgraph.io.GraphIO}: a graph saved as one zip holding a versioned,
 *       human-readable {@code graph.json} and large constants as {@code .npy} entries, and
 *       loaded into a fresh graph through the graph's checked entry point;</li>
 *   <li>{@link dev.flowgraph.io.Checkpoint}: a session's variables saved to one {@code .npz} and
 *       restored, all or nothing;</li>
 *   <li>{@link dev.flowgraph.io.ModelBundle}: a graph, its variables and named
 *       {@link dev.flowgraph.io.Signature}s in one file, loaded as a ready-to-run session.</li>
 * </ul>
 *
 * <p>Bad files are refused with {@link dev.flowgraph.io.TensorFormatException} or
 * {@link dev.flowgraph.io.GraphFormatException}, and checkpoints that do not fit a session with
 * {@link dev.flowgraph.io.CheckpointException}, all {@link dev.flowgraph.FlowgraphException}s;
 * failures of the file system itself stay {@link java.io.IOException}s.
 *
 * <pre>{@code
 * GraphIO.save(graph, Path.of("model.fgraph"));
 * try (Graph copy = GraphIO.load(Path.of("model.fgraph"))) {
 *     // the same nodes, op types, attributes and output shapes
 * }
 * }</pre>
 */
package dev.flowgraph.io;
