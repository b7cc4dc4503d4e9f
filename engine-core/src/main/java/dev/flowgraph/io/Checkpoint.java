package dev.flowgraph.io;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.flowgraph.FlowgraphException;
import dev.flowgraph.Node;
import dev.flowgraph.Session;
import dev.flowgraph.SessionClosedException;
import dev.flowgraph.Tensor;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves the values of a session's variables to one file and restores them into a session, bit for
 * bit.
 *
 * <p>The file is NumPy's {@code .npz} (see {@link Npz}): one {@code <variable name>.npy} entry per
 * variable, in the order the variables were added to the graph, so {@code numpy.load(path)["layer1/w"]}
 * reads a variable named {@code layer1/w}. A checkpoint restores into any session whose graph
 * has variables of the same names, dtypes and shapes: a session of the same graph, or of a graph
 * built again or loaded with {@link GraphIO}.
 *
 * <p>Saving refuses a session in which a variable has no value (naming them), since the file would
 * not restore the whole model; the file is written to a temporary file beside the target and moved
 * over it, so the target never holds half a checkpoint. Restoring is all or nothing: a file that
 * is not a readable {@code .npz} ({@link TensorFormatException}), lacks a variable of the graph,
 * holds an entry that is not a variable of the graph, or a value of another dtype or shape
 * ({@link CheckpointException}) leaves every variable of the session as it was.
 * {@link #restorePartial} accepts a file that lacks some variables and leaves those unchanged.
 *
 * <pre>{@code
 * try (Graph g = new Graph(); Session s = new Session(g)) {
 *     Ops tf = Ops.on(g);
 *     Variable w = tf.variable("layer1/w", DType.FLOAT32, Shape.of(2, 2), Initializers.glorotUniform(1));
 *     s.runner().addTarget(tf.initAllVariables()).run();
 *     Checkpoint.save(s, Path.of("model.npz"));           // numpy.load("model.npz")["layer1/w"]
 *     try (Session fresh = new Session(g)) {
 *         Checkpoint.restore(fresh, Path.of("model.npz"));  // fresh holds the same bits as s
 *     }
 * }
 * }</pre>
 */
public final class Checkpoint {
    private static final Logger LOG = LoggerFactory.getLogger(Checkpoint.class);
    private static final String PARTIAL_HINT = "; Checkpoint.restorePartial leaves missing variables unchanged";

    private Checkpoint() {}

    /**
     * Saves every variable of the session to a {@code .npz} file, replacing any file there only
     * once the whole file is written.
     *
     * @param session the session whose variables are saved
     * @param path the file (by convention {@code .npz})
     * @throws CheckpointException if a variable has no value in the session (naming them); nothing
     *     was written
     * @throws IOException if writing fails; the target is left as it was
     */
    public static void save(Session session, Path path) throws IOException {
        checkNotNull(path, "path");
        Map<String, Tensor> values = values(session);
        AtomicFiles.write(path, out -> Npz.write(values, out));
        LOG.info("Saved a checkpoint of {} variables to {}", values.size(), path);
    }

    /**
     * Saves every variable of the session as {@code .npz} bytes to a stream, which stays open.
     *
     * @param session the session whose variables are saved
     * @param out where the bytes go
     * @throws CheckpointException if a variable has no value in the session (naming them); nothing
     *     was written
     * @throws IOException if writing fails
     */
    public static void save(Session session, OutputStream out) throws IOException {
        checkNotNull(out, "out");
        Npz.write(values(session), out);
    }

    /**
     * Restores every variable of the session's graph from a checkpoint file, all or nothing.
     *
     * @param session the session whose variables are set
     * @param path the checkpoint
     * @throws TensorFormatException if the file is not a readable {@code .npz} (not a zip,
     *     truncated, a corrupt entry), naming the file and entry; nothing was changed
     * @throws CheckpointException if the file lacks a variable of the graph, holds an entry that
     *     is not one (with the nearest variable names), or a value of another dtype or shape;
     *     nothing was changed
     * @throws IOException if reading fails
     */
    public static void restore(Session session, Path path) throws IOException {
        restore(session, read(path), path.toString(), false, PARTIAL_HINT);
        LOG.info("Restored a checkpoint from {}", path);
    }

    /**
     * Restores every variable of the session's graph from a checkpoint stream, read to its end,
     * all or nothing.
     *
     * @param session the session whose variables are set
     * @param in the checkpoint's bytes
     * @throws TensorFormatException if the bytes are not a readable {@code .npz}; nothing was changed
     * @throws CheckpointException as {@link #restore(Session, Path)}; nothing was changed
     * @throws IOException if reading fails
     */
    public static void restore(Session session, InputStream in) throws IOException {
        checkNotNull(in, "in");
        restore(session, Npz.read(in, "stream"), "stream", false, PARTIAL_HINT);
    }

    /**
     * Restores the variables a checkpoint file holds and leaves the graph's other variables as
     * they are: for a graph that has grown since the checkpoint was saved (an optimizer's slots,
     * a new layer). Every entry must still be a variable of the graph with its dtype and shape;
     * all or nothing.
     *
     * @param session the session whose variables are set
     * @param path the checkpoint
     * @return the names of the graph's variables the file does not hold, which were left unchanged,
     *     in the order they were added to the graph
     * @throws TensorFormatException if the file is not a readable {@code .npz}; nothing was changed
     * @throws CheckpointException if an entry is not a variable of the graph, or holds a value of
     *     another dtype or shape; nothing was changed
     * @throws IOException if reading fails
     */
    public static List<String> restorePartial(Session session, Path path) throws IOException {
        List<String> missing = restore(session, read(path), path.toString(), true, "");
        LOG.info("Restored a checkpoint from {} ({} variables not in it)", path, missing.size());
        return missing;
    }

    private static Map<String, Tensor> read(Path path) throws IOException {
        checkNotNull(path, "path");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            return Npz.read(in, path.toString());
        }
    }

    /** The values to save: every variable's, refused when one has none. */
    static Map<String, Tensor> values(Session session) {
        checkNotNull(session, "session");
        List<String> missing = session.uninitializedVariables();
        if (!missing.isEmpty()) {
            throw new CheckpointException("Cannot save a checkpoint: " + quoted(missing)
                    + (missing.size() == 1 ? " has" : " have") + " no value in this session; run the initializers"
                    + " (e.g. tf.initAllVariables()) or restore a checkpoint first; nothing was written");
        }
        return session.variableValues();
    }

    /**
     * Checks and sets the values read from {@code source}; returns the graph's variables the
     * values do not name (refused unless {@code partial}, with {@code missingHint} in the message).
     */
    static List<String> restore(Session session, Map<String, Tensor> values, String source, boolean partial,
            String missingHint) {
        checkNotNull(session, "session");
        List<String> missing = new ArrayList<>();
        for (Node v : session.graph().variables()) {
            if (!values.containsKey(v.name())) {
                missing.add(v.name());
            }
        }
        if (!missing.isEmpty() && !partial) {
            throw new CheckpointException(source + ": the checkpoint has no value for " + quoted(missing)
                    + " (it holds " + quoted(values.keySet()) + ")" + missingHint + "; nothing was changed");
        }
        try {
            session.restoreVariables(values);
        } catch (SessionClosedException e) {
            throw e;
        } catch (FlowgraphException e) {
            throw new CheckpointException(source + ": " + e.getMessage(), e);
        }
        return List.copyOf(missing);
    }

    private static String quoted(Iterable<String> names) {
        List<String> q = new ArrayList<>();
        names.forEach(n -> q.add("'" + n + "'"));
        return q.isEmpty() ? "no variables" : q.stream().collect(Collectors.joining(", "));
    }
}
