package dev.flowgraph.examples;

import dev.flowgraph.GraphDot;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes an example's graph pictures: always the DOT text, and a PNG when Graphviz is installed. */
final class GraphPictures {
    private GraphPictures() {}

    /**
     * Writes {@code base.dot}, and {@code base.png} when Graphviz's {@code dot} is installed,
     * printing both paths (or why the PNG was skipped).
     *
     * @param out where to print
     * @param what what the picture shows, for the printed lines
     * @param dot the DOT text
     * @param base the files' path without extension; its directory is created if missing
     * @throws UncheckedIOException if the DOT file cannot be written
     */
    static void write(PrintStream out, String what, String dot, Path base) {
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
