package dev.flowgraph.io;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.flowgraph.Graph;
import dev.flowgraph.spi.OpRegistry;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves a {@link Graph} to a file and loads it back into a fresh graph.
 *
 * <p>The file is a zip holding {@code graph.json}, a versioned, human-readable description of
 * every node (name, op type, inputs, control inputs, typed attributes, output dtypes and shapes)
 * in an order where each node comes after its inputs, and one {@code constants/<k>.npy} entry per
 * tensor attribute of more than {@value #INLINE_TENSOR_LIMIT} elements (smaller tensors are
 * written inline). Attribute values round-trip exactly, floating-point ones bit for bit.
 * docs/observability.md describes the format.
 *
 * <p>Loading re-adds every node through the graph's checked entry point, so each op's shape rule
 * runs again, and the output dtypes and shapes recorded in the file must equal what the rules
 * infer. A bad file (not a zip, truncated, no {@code graph.json}, malformed JSON, an unknown format,
 * version or op type, an input naming no earlier node, a duplicate name, attributes an op refuses,
 * a recorded shape that disagrees) is refused with a {@link GraphFormatException}, and nothing is
 * loaded.
 *
 * <pre>{@code
 * try (Graph g = new Graph()) {
 *     Ops tf = Ops.on(g);
 *     Output x = tf.placeholder("x", DType.FLOAT64, Shape.scalar());
 *     tf.withName("y").mul(x, tf.constant(3.0));
 *     GraphIO.save(g, Path.of("triple.fgraph"));
 * }
 * try (Graph g = GraphIO.load(Path.of("triple.fgraph")); Session s = new Session(g)) {
 *     s.runner().feed("x", Tensor.scalar(2.0)).fetch("y").run().get("y");   // 6.0
 * }
 * }</pre>
 */
public final class GraphIO {
    /** The value of the {@code "format"} field of {@code graph.json}. */
    public static final String FORMAT = "flowgraph.graph";
    /** The version this build writes and the only one it reads. */
    public static final int VERSION = 1;
    /** The zip entry holding the graph's description. */
    public static final String GRAPH_ENTRY = "graph.json";
    /** Tensor attributes of at most this many elements are written inside {@code graph.json}. */
    public static final int INLINE_TENSOR_LIMIT = 16;

    private static final Logger LOG = LoggerFactory.getLogger(GraphIO.class);

    private GraphIO() {}

    /**
     * Saves a graph as a zip file, replacing any file there only once the whole file is written
     * (to a temporary file beside it, then moved).
     *
     * @param graph the graph
     * @param path the file (by convention {@code .fgraph})
     * @throws IOException if writing fails; the target is left as it was
     */
    public static void save(Graph graph, Path path) throws IOException {
        checkNotNull(path, "path");
        int[] nodes = new int[1];
        AtomicFiles.write(path, out -> nodes[0] = write(graph, out));
        LOG.info("Saved a graph of {} nodes to {}", nodes[0], path);
    }

    /**
     * Saves a graph as zip bytes to a stream, which stays open.
     *
     * @param graph the graph
     * @param out where the bytes go
     * @throws IOException if writing fails
     */
    public static void save(Graph graph, OutputStream out) throws IOException {
        int nodes = write(graph, out);
        LOG.debug("Saved a graph of {} nodes to a stream", nodes);
    }

    private static int write(Graph graph, OutputStream out) throws IOException {
        checkNotNull(graph, "graph");
        checkNotNull(out, "out");
        GraphWriter.Entries entries = GraphWriter.write(graph);
        // finish(), not close(): the caller owns the stream.
        ZipOutputStream zip = new ZipOutputStream(out);
        ZipEntries.putDeflated(zip, GRAPH_ENTRY, entries.json());
        for (Map.Entry<String, byte[]> c : entries.constants().entrySet()) {
            ZipEntries.putStored(zip, c.getKey(), c.getValue());
        }
        zip.finish();
        return entries.nodeCount();
    }

    /**
     * Loads a graph saved by {@link #save(Graph, Path)}, with the ops of {@link OpRegistry#global()}.
     *
     * @param path the file
     * @return a new graph, which the caller closes
     * @throws GraphFormatException naming the file and the node if the file cannot be loaded
     * @throws IOException if reading fails
     */
    public static Graph load(Path path) throws IOException {
        return load(path, OpRegistry.global());
    }

    /**
     * Loads a graph saved by {@link #save(Graph, Path)}, looking its op types up in {@code registry}.
     *
     * @param path the file
     * @param registry where the op types are found
     * @return a new graph, which the caller closes
     * @throws GraphFormatException naming the file and the node if the file cannot be loaded
     * @throws IOException if reading fails
     */
    public static Graph load(Path path, OpRegistry registry) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            Graph g = read(in, path.toString(), registry);
            LOG.info("Loaded a graph of {} nodes from {}", g.size(), path);
            return g;
        }
    }

    /**
     * Loads a saved graph from a stream, read to its end, with the ops of {@link OpRegistry#global()}.
     *
     * @param in the stream
     * @return a new graph, which the caller closes
     * @throws GraphFormatException naming the node if the bytes cannot be loaded
     * @throws IOException if reading fails
     */
    public static Graph load(InputStream in) throws IOException {
        return load(in, OpRegistry.global());
    }

    /**
     * Loads a saved graph from a stream, read to its end, looking its op types up in {@code registry}.
     *
     * @param in the stream
     * @param registry where the op types are found
     * @return a new graph, which the caller closes
     * @throws GraphFormatException naming the node if the bytes cannot be loaded
     * @throws IOException if reading fails
     */
    public static Graph load(InputStream in, OpRegistry registry) throws IOException {
        Graph g = read(in, "stream", registry);
        LOG.debug("Loaded a graph of {} nodes from a stream", g.size());
        return g;
    }

    private static Graph read(InputStream in, String source, OpRegistry registry) throws IOException {
        checkNotNull(in, "in");
        checkNotNull(registry, "registry");
        return GraphReader.read(ZipEntries.readAll(in, source, GraphFormatException::new), source, registry);
    }
}
