package dev.flowgraph.examples;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.GraphDot;
import dev.flowgraph.Output;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.io.GraphIO;
import dev.flowgraph.ops.Ops;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The first Flowgraph program: {@code J = 3 * (a + b * c)}, built once as a graph, then run by a
 * session with {@code a}, {@code b} and {@code c} fed by name.
 *
 * <p>It also shows that any node's output may be fed, not only a placeholder: feeding the
 * {@code u = b * c} node directly replaces its value, so {@code b} and {@code c} are not needed.
 *
 * <p>It writes two Graphviz pictures to a directory ({@code target/} unless the first argument
 * names another): {@code ScalarExpression.dot}, the whole graph, and
 * {@code ScalarExpression-fed-u.dot}, the second run's plan with {@code u} fed and {@code b},
 * {@code c} pruned; and a PNG of each when Graphviz's {@code dot} is installed. Last, it saves
 * the graph to {@code ScalarExpression.fgraph} in the same directory ({@code GraphIO}), loads it
 * into a new graph and computes J there again.
 *
 * <pre>{@code
 * mvn -q -pl engine-examples -am compile exec:java
 * mvn -q -pl engine-examples -am compile exec:java -Dexec.args=/tmp/pictures
 * }</pre>
 */
public final class ScalarExpression {
    private ScalarExpression() {}

    /** Where the pictures go unless {@code main} is given a directory. */
    public static final Path DEFAULT_PICTURE_DIR = Path.of("target");

    /**
     * Runs the example, printing to standard output.
     *
     * @param args optionally, the directory to write the graph pictures to (default {@code target})
     */
    public static void main(String[] args) {
        run(System.out, args.length > 0 ? Path.of(args[0]) : DEFAULT_PICTURE_DIR);
    }

    /**
     * Builds and runs the graph, printing each step, and writes the pictures to
     * {@link #DEFAULT_PICTURE_DIR}.
     *
     * @param out where to print
     * @return J with a=5, b=3, c=2, then J with a=5 and u=b*c fed as 10, then J with a=5, b=3,
     *     c=2 computed by the graph saved and loaded again
     */
    public static double[] run(PrintStream out) {
        return run(out, DEFAULT_PICTURE_DIR);
    }

    /**
     * Builds and runs the graph, printing each step, and writes the graph's pictures.
     *
     * @param out where to print
     * @param pictureDir the directory for the DOT files (and PNGs when Graphviz is installed);
     *     created if missing
     * @return J with a=5, b=3, c=2, then J with a=5 and u=b*c fed as 10, then J with a=5, b=3,
     *     c=2 computed by the graph saved and loaded again
     * @throws UncheckedIOException if a picture cannot be written
     */
    public static double[] run(PrintStream out, Path pictureDir) {
        try (Graph g = new Graph()) {
            Output jOutput = build(Ops.on(g));
            Output a = g.output("a");
            Output u = g.output("u");
            out.println("Graph: J = 3 * (a + b * c), " + g.size() + " nodes: u = b * c, v = a + u, J = 3 * v");
            writePicture(out, "Graph picture", GraphDot.toDot(g), pictureDir.resolve("ScalarExpression"));

            try (Session session = new Session(g)) {
                double j = computeJ(session);
                out.println("a = 5, b = 3, c = 2  ->  J = " + j);

                // Feeding u cuts b and c off the run: they need not (and here do not) get values.
                double jFed = session.runner()
                        .feed("a", Tensor.scalar(5.0))
                        .feed("u", Tensor.scalar(10.0))
                        .fetch("J")
                        .run().get("J").getDouble();
                out.println("a = 5, u = b * c fed as 10  ->  J = " + jFed);
                writePicture(out, "Run picture (u fed; b, c pruned)",
                        GraphDot.toDot(g, List.of(a, u), List.of(jOutput), List.of()),
                        pictureDir.resolve("ScalarExpression-fed-u"));
                double jLoaded = saveAndReload(out, g, pictureDir.resolve("ScalarExpression.fgraph"));
                return new double[] {j, jFed, jLoaded};
            }
        }
    }

    /**
     * Adds the placeholders {@code a}, {@code b}, {@code c} (FLOAT64 scalars) and the nodes
     * {@code u = b * c}, {@code v = a + u} and {@code J = 3 * v}.
     *
     * @param tf the graph to add to
     * @return J
     */
    static Output build(Ops tf) {
        Output a = tf.placeholder("a", DType.FLOAT64, Shape.scalar());
        Output b = tf.placeholder("b", DType.FLOAT64, Shape.scalar());
        Output c = tf.placeholder("c", DType.FLOAT64, Shape.scalar());
        Output u = tf.withName("u").mul(b, c);
        Output v = tf.withName("v").add(a, u);
        return tf.withName("J").mul(tf.constant(3.0), v);
    }

    /** Runs J with a=5, b=3, c=2. */
    private static double computeJ(Session session) {
        return session.runner()
                .feed("a", Tensor.scalar(5.0))
                .feed("b", Tensor.scalar(3.0))
                .feed("c", Tensor.scalar(2.0))
                .fetch("J")
                .run().get("J").getDouble();
    }

    /**
     * Saves the graph, loads the file into a new graph and computes J there with a=5, b=3, c=2,
     * printing the file and the result.
     */
    private static double saveAndReload(PrintStream out, Graph g, Path file) {
        try {
            GraphIO.save(g, file);
            out.println("Saved graph: " + file);
            try (Graph loaded = GraphIO.load(file); Session session = new Session(loaded)) {
                double j = computeJ(session);
                out.println("Loaded again (" + loaded.size() + " nodes): a = 5, b = 3, c = 2  ->  J = " + j);
                return j;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save or load " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code base.dot}, and {@code base.png} when Graphviz is installed, printing both paths. */
    private static void writePicture(PrintStream out, String what, String dot, Path base) {
        Path dotFile = base.resolveSibling(base.getFileName() + ".dot");
        try {
            Files.createDirectories(dotFile.toAbsolutePath().getParent());
            Files.writeString(dotFile, dot, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + dotFile + ": " + e.getMessage(), e);
        }
        out.println(what + ": " + dotFile);
        if (GraphDot.isDotInstalled()) {
            out.println(what + " as PNG: " + GraphDot.render(dot, base.resolveSibling(base.getFileName() + ".png")));
        } else {
            out.println(what + " as PNG: skipped, Graphviz 'dot' is not installed (apt-get install graphviz)");
        }
    }
}
