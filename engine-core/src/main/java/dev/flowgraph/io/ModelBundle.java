package dev.flowgraph.io;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowgraph.FlowgraphException;
import dev.flowgraph.Graph;
import dev.flowgraph.InvalidRunException;
import dev.flowgraph.Output;
import dev.flowgraph.Result;
import dev.flowgraph.Runner;
import dev.flowgraph.Session;
import dev.flowgraph.Tensor;
import dev.flowgraph.UnknownNameException;
import dev.flowgraph.builtin.Placeholder;
import dev.flowgraph.spi.OpRegistry;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trained model in one file: its graph, the values of its variables and named
 * {@link Signature}s, loaded back as a ready-to-run graph and session.
 *
 * <p>The file is a zip of {@code manifest.json} (format and version), the saved graph's entries
 * ({@code graph.json} and {@code constants/<k>.npy}, as {@link GraphIO} writes them), the
 * variables as a checkpoint ({@code variables.npz}, as {@link Checkpoint} writes it) and
 * {@code signatures.json}. docs/observability.md describes the layout.
 *
 * <p>Saving refuses a session with uninitialised variables and a signature whose input is not a
 * placeholder's output or whose addresses name no output. Loading checks everything that saving
 * did, and refuses a bad file (not a zip, truncated, a missing entry, an unknown format or version,
 * a bad graph, variables that do not match the graph, a bad signature) with a
 * {@link GraphFormatException} naming the file and entry; the graph and session it had made are
 * closed, so nothing half-loaded is returned. A loaded bundle owns its graph and session: close it.
 *
 * <pre>{@code
 * try (Graph g = new Graph(); Session s = new Session(g)) {
 *     Ops tf = Ops.on(g);
 *     Output x = tf.placeholder("x", DType.FLOAT32, Shape.of(-1, 784));
 *     Variable w = tf.variable("w", DType.FLOAT32, Shape.of(784, 10), Initializers.zeros());
 *     Output probs = tf.withName("probs").softmax(tf.matMul(x, w.output()));
 *     s.runner().addTarget(tf.initAllVariables()).run();
 *     // ... train ...
 *     ModelBundle.save(Path.of("model.fgbundle"), s,
 *             Signature.of("serve", Map.of("images", x), Map.of("probabilities", probs)));
 * }
 * try (ModelBundle model = ModelBundle.load(Path.of("model.fgbundle"))) {
 *     Tensor p = model.run("serve", Map.of("images", batch)).get("probabilities");
 * }
 * }</pre>
 */
public final class ModelBundle implements AutoCloseable {
    /** The value of the {@code "format"} field of {@code manifest.json}. */
    public static final String FORMAT = "flowgraph.bundle";
    /** The version this build writes and the only one it reads. */
    public static final int VERSION = 1;
    /** The zip entry naming the format and version. */
    public static final String MANIFEST_ENTRY = "manifest.json";
    /** The zip entry holding the variables' values, a {@code .npz} checkpoint. */
    public static final String VARIABLES_ENTRY = "variables.npz";
    /** The zip entry holding the signatures. */
    public static final String SIGNATURES_ENTRY = "signatures.json";

    private static final Logger LOG = LoggerFactory.getLogger(ModelBundle.class);
    private static final String FORMAT_FIELD = "format";
    private static final String VERSION_FIELD = "version";
    private static final String INPUTS = "inputs";
    private static final String OUTPUTS = "outputs";

    private final Graph graph;
    private final Session session;
    private final Map<String, Signature> signatures;

    private ModelBundle(Graph graph, Session session, Map<String, Signature> signatures) {
        this.graph = graph;
        this.session = session;
        this.signatures = signatures;
    }

    /**
     * Saves a session's graph, its variables' values and the signatures to one file, replacing
     * any file there only once the whole file is written.
     *
     * @param path the file (by convention {@code .fgbundle})
     * @param session the session whose graph and variables are saved
     * @param signatures the ways to run the model, with distinct names
     * @throws CheckpointException if a variable has no value in the session (naming them)
     * @throws FlowgraphException if a signature names no output of the graph, takes an input at
     *     an output that is not a placeholder's, or two signatures share a name; nothing was written
     * @throws IOException if writing fails; the target is left as it was
     */
    public static void save(Path path, Session session, Signature... signatures) throws IOException {
        checkNotNull(path, "path");
        byte[] bytes = toBytes(session, signatures);
        AtomicFiles.write(path, out -> out.write(bytes));
        LOG.info("Saved a model bundle of {} nodes, {} variables and signatures {} to {}", session.graph().size(),
                session.graph().variables().size(), names(signatures), path);
    }

    /**
     * Saves a session's graph, its variables' values and the signatures as zip bytes to a stream,
     * which stays open.
     *
     * @param out where the bytes go
     * @param session the session whose graph and variables are saved
     * @param signatures the ways to run the model, with distinct names
     * @throws CheckpointException if a variable has no value in the session (naming them)
     * @throws FlowgraphException if a signature is refused, as {@link #save(Path, Session, Signature...)}
     * @throws IOException if writing fails
     */
    public static void save(OutputStream out, Session session, Signature... signatures) throws IOException {
        checkNotNull(out, "out");
        out.write(toBytes(session, signatures));
    }

    private static List<String> names(Signature... signatures) {
        return Arrays.stream(signatures).map(Signature::name).toList();
    }

    /** Checks everything, then builds the whole file in memory, so a refusal writes nothing. */
    private static byte[] toBytes(Session session, Signature... signatures) throws IOException {
        checkNotNull(session, "session");
        checkNotNull(signatures, "signatures");
        Graph graph = session.graph();
        Map<String, Signature> byName = new LinkedHashMap<>();
        for (Signature s : signatures) {
            checkNotNull(s, "a signature is null");
            if (byName.put(s.name(), resolve(s, graph, m -> new FlowgraphException("Cannot save the model bundle: "
                    + m))) != null) {
                throw new FlowgraphException("Cannot save the model bundle: two signatures are named '" + s.name() + "'");
            }
        }
        Map<String, Tensor> values = Checkpoint.values(session);
        GraphWriter.Entries entries = GraphWriter.write(graph);
        ByteArrayOutputStream variables = new ByteArrayOutputStream();
        Npz.write(values, variables);

        ObjectNode manifest = GraphJson.MAPPER.createObjectNode();
        manifest.put(FORMAT_FIELD, FORMAT);
        manifest.put(VERSION_FIELD, VERSION);
        ObjectNode sigs = GraphJson.MAPPER.createObjectNode();
        for (Signature s : byName.values()) {
            ObjectNode o = sigs.putObject(s.name());
            s.inputs().forEach(o.putObject(INPUTS)::put);
            s.outputs().forEach(o.putObject(OUTPUTS)::put);
        }

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ZipEntries.putDeflated(zip, MANIFEST_ENTRY, json(manifest));
            ZipEntries.putDeflated(zip, GraphIO.GRAPH_ENTRY, entries.json());
            for (Map.Entry<String, byte[]> c : entries.constants().entrySet()) {
                ZipEntries.putStored(zip, c.getKey(), c.getValue());
            }
            ZipEntries.putStored(zip, VARIABLES_ENTRY, variables.toByteArray());
            ZipEntries.putDeflated(zip, SIGNATURES_ENTRY, json(sigs));
        }
        return bytes.toByteArray();
    }

    private static byte[] json(JsonNode node) {
        try {
            return GraphJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node)
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks a signature against a graph (inputs are placeholders' outputs, outputs exist) and
     * returns it with every address in its full {@code "node:index"} form.
     */
    private static Signature resolve(Signature s, Graph graph, Function<String, RuntimeException> error) {
        Map<String, String> inputs = new LinkedHashMap<>();
        s.inputs().forEach((k, address) -> {
            Output o = output(graph, address, "signature '" + s.name() + "' input '" + k + "'", error);
            if (!o.node().opType().equals(Placeholder.TYPE)) {
                throw error.apply("signature '" + s.name() + "' input '" + k + "': '" + o.name() + "' is the output of a "
                        + o.node().opType() + " node, not of a placeholder");
            }
            inputs.put(k, o.name());
        });
        Map<String, String> outputs = new LinkedHashMap<>();
        s.outputs().forEach((k, address) ->
                outputs.put(k, output(graph, address, "signature '" + s.name() + "' output '" + k + "'", error).name()));
        return new Signature(s.name(), inputs, outputs);
    }

    private static Output output(Graph graph, String address, String what, Function<String, RuntimeException> error) {
        try {
            return graph.output(address);
        } catch (UnknownNameException e) {
            throw error.apply(what + ": " + e.getMessage());
        }
    }

    /**
     * Loads a model bundle with the ops of {@link OpRegistry#global()}: a new graph, a session over
     * it holding the saved variables' values, and the signatures.
     *
     * @param path the file
     * @return the loaded bundle, which the caller closes
     * @throws GraphFormatException naming the file and entry if the file cannot be loaded; nothing
     *     stays open
     * @throws IOException if reading fails
     */
    public static ModelBundle load(Path path) throws IOException {
        return load(path, OpRegistry.global());
    }

    /**
     * Loads a model bundle, looking its op types up in {@code registry}.
     *
     * @param path the file
     * @param registry where the op types are found
     * @return the loaded bundle, which the caller closes
     * @throws GraphFormatException naming the file and entry if the file cannot be loaded; nothing
     *     stays open
     * @throws IOException if reading fails
     */
    public static ModelBundle load(Path path, OpRegistry registry) throws IOException {
        checkNotNull(path, "path");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            ModelBundle b = read(in, path.toString(), registry);
            LOG.info("Loaded a model bundle of {} nodes and signatures {} from {}", b.graph.size(),
                    b.signatures.keySet(), path);
            return b;
        }
    }

    /**
     * Loads a model bundle from a stream, read to its end, with the ops of {@link OpRegistry#global()}.
     *
     * @param in the stream
     * @return the loaded bundle, which the caller closes
     * @throws GraphFormatException naming the entry if the bytes cannot be loaded; nothing stays open
     * @throws IOException if reading fails
     */
    public static ModelBundle load(InputStream in) throws IOException {
        checkNotNull(in, "in");
        return read(in, "stream", OpRegistry.global());
    }

    private static ModelBundle read(InputStream in, String source, OpRegistry registry) throws IOException {
        checkNotNull(registry, "registry");
        Map<String, byte[]> entries = ZipEntries.readAll(in, source, GraphFormatException::new);
        checkManifest(entries, source);
        byte[] variables = entry(entries, VARIABLES_ENTRY, source);
        byte[] signatures = entry(entries, SIGNATURES_ENTRY, source);
        Graph graph = GraphReader.read(entries, source, registry);
        Session session = null;
        try {
            session = new Session(graph);
            restore(session, variables, source + " entry '" + VARIABLES_ENTRY + "'");
            return new ModelBundle(graph, session, signatures(signatures, graph, source + ": " + SIGNATURES_ENTRY));
        } catch (RuntimeException | IOException e) {
            if (session != null) {
                session.close();
            }
            graph.close();
            throw e;
        }
    }

    private static byte[] entry(Map<String, byte[]> entries, String name, String source) {
        byte[] bytes = entries.get(name);
        if (bytes == null) {
            throw new GraphFormatException(source + ": no " + name + " entry (found " + entries.keySet() + ")");
        }
        return bytes;
    }

    private static void checkManifest(Map<String, byte[]> entries, String source) {
        if (!entries.containsKey(MANIFEST_ENTRY)) {
            throw new GraphFormatException(source + ": no " + MANIFEST_ENTRY + " entry (found " + entries.keySet()
                    + "); is this a Flowgraph model bundle? (a graph saved alone loads with GraphIO.load)");
        }
        String where = source + ": " + MANIFEST_ENTRY;
        JsonNode m = GraphJson.parse(entries.get(MANIFEST_ENTRY), where);
        if (!m.isObject() || !Set.of(FORMAT_FIELD, VERSION_FIELD).equals(fieldNames(m))
                || !m.get(FORMAT_FIELD).isTextual()) {
            throw new GraphFormatException(where + ": expected an object with exactly the fields 'format' and"
                    + " 'version', found " + m);
        }
        if (!m.get(FORMAT_FIELD).asText().equals(FORMAT)) {
            throw new GraphFormatException(where + ": unknown format '" + m.get(FORMAT_FIELD).asText() + "' (expected '"
                    + FORMAT + "')");
        }
        JsonNode version = m.get(VERSION_FIELD);
        if (!version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() != VERSION) {
            throw new GraphFormatException(where + ": unsupported version " + version + " (this build reads version "
                    + VERSION + ")");
        }
    }

    private static Set<String> fieldNames(JsonNode o) {
        Set<String> names = new HashSet<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void restore(Session session, byte[] npz, String source) throws IOException {
        try {
            Checkpoint.restore(session, Npz.read(ZipEntries.open(npz), source), source, false, "");
        } catch (TensorFormatException | CheckpointException e) {
            throw new GraphFormatException(e.getMessage(), e);
        }
    }

    private static Map<String, Signature> signatures(byte[] json, Graph graph, String where) {
        JsonNode root = GraphJson.parse(json, where);
        if (!root.isObject()) {
            throw new GraphFormatException(where + ": expected an object of signatures by name, found " + root);
        }
        Map<String, Signature> byName = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String what = where + ": signature '" + e.getKey() + "'";
            JsonNode s = e.getValue();
            if (!s.isObject() || !Set.of(INPUTS, OUTPUTS).equals(fieldNames(s))) {
                throw new GraphFormatException(what + ": expected an object with exactly the fields 'inputs' and"
                        + " 'outputs', found " + s);
            }
            Signature sig;
            try {
                sig = new Signature(e.getKey(), addresses(s.get(INPUTS), what), addresses(s.get(OUTPUTS), what));
            } catch (IllegalArgumentException bad) {
                throw new GraphFormatException(what + ": " + bad.getMessage(), bad);
            }
            byName.put(sig.name(), resolve(sig, graph, m -> new GraphFormatException(where + ": " + m)));
        }
        return Collections.unmodifiableMap(byName);
    }

    private static Map<String, String> addresses(JsonNode o, String what) {
        Map<String, String> m = new LinkedHashMap<>();
        if (o.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual()) {
                    break;
                }
                m.put(e.getKey(), e.getValue().asText());
            }
        }
        if (m.size() != o.size() || !o.isObject()) {
            throw new GraphFormatException(what + ": expected an object of names to \"node:index\" addresses, found " + o);
        }
        return m;
    }

    /**
     * Returns the loaded graph, owned by this bundle.
     *
     * @return the graph
     */
    public Graph graph() {
        return graph;
    }

    /**
     * Returns the session over the loaded graph, holding the saved variables' values; owned by
     * this bundle. Use it to run what no signature names.
     *
     * @return the session
     */
    public Session session() {
        return session;
    }

    /**
     * Returns the signatures by name, in the file's order, with full {@code "node:index"} addresses.
     *
     * @return the signatures (unmodifiable)
     */
    public Map<String, Signature> signatures() {
        return signatures;
    }

    /**
     * Runs a signature: feeds each named input to its placeholder and fetches every output.
     *
     * @param signature the signature's name
     * @param inputs a tensor for every input of the signature, by input name
     * @return the outputs by output name, in the signature's order
     * @throws InvalidRunException if there is no such signature, an input is missing or unknown,
     *     or a tensor's dtype or shape does not fit its placeholder
     * @throws FlowgraphException if the run fails
     */
    public Map<String, Tensor> run(String signature, Map<String, Tensor> inputs) {
        checkNotNull(signature, "signature");
        checkNotNull(inputs, "inputs");
        Signature s = signatures.get(signature);
        if (s == null) {
            throw new InvalidRunException("The bundle has no signature '" + signature + "' (it has "
                    + signatures.keySet() + ")");
        }
        for (String name : inputs.keySet()) {
            if (!s.inputs().containsKey(name)) {
                throw new InvalidRunException("Signature '" + signature + "' has no input '" + name + "' (its inputs: "
                        + s.inputs().keySet() + ")");
            }
        }
        Runner r = session.runner();
        s.inputs().forEach((name, address) -> {
            Tensor t = inputs.get(name);
            if (t == null) {
                throw new InvalidRunException("Signature '" + signature + "' needs the input '" + name
                        + "', which was not given (its inputs: " + s.inputs().keySet() + ")");
            }
            r.feed(address, t);
        });
        s.outputs().values().forEach(r::fetch);
        Result result = r.run();
        Map<String, Tensor> out = new LinkedHashMap<>();
        int i = 0;
        for (String name : s.outputs().keySet()) {
            out.put(name, result.get(i++));
        }
        return Collections.unmodifiableMap(out);
    }

    /** Closes the session and then the graph. */
    @Override
    public void close() {
        try {
            session.close();
        } finally {
            graph.close();
        }
    }
}
