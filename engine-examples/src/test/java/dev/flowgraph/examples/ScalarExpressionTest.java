package dev.flowgraph.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.GraphDot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ScalarExpressionTest {
    @Test
    void computesJAndFeedsAnIntermediate(@TempDir Path dir) {
        Printed<double[]> p = Printed.of(out -> ScalarExpression.run(out, dir));
        // 3 * (5 + 3 * 2) = 33; with u = b * c fed as 10: 3 * (5 + 10) = 45.
        // The saved and reloaded graph computes 33 again.
        assertArrayEquals(new double[] {33.0, 45.0, 33.0}, p.value);
        assertTrue(p.text.contains("Saved graph: " + dir.resolve("ScalarExpression.fgraph")), p.text);
        assertTrue(p.text.contains("Loaded again (7 nodes): a = 5, b = 3, c = 2  ->  J = 33.0"), p.text);
        assertTrue(p.text.contains("a = 5, b = 3, c = 2  ->  J = 33.0"), p.text);
        assertTrue(p.text.contains("a = 5, u = b * c fed as 10  ->  J = 45.0"), p.text);
        // a, b, c, the constant 3, u, v, J
        assertTrue(p.text.contains("7 nodes"), p.text);
    }

    @Test
    void writesTheGraphAndTheFedRunAsPictures(@TempDir Path dir) throws IOException {
        Path pictures = dir.resolve("pictures");
        Printed<double[]> p = Printed.of(out -> ScalarExpression.run(out, pictures));

        Path graphDot = pictures.resolve("ScalarExpression.dot");
        Path runDot = pictures.resolve("ScalarExpression-fed-u.dot");
        assertTrue(p.text.contains("Graph picture: " + graphDot), p.text);
        assertTrue(p.text.contains("Run picture (u fed; b, c pruned): " + runDot), p.text);
        String graph = Files.readString(graphDot, StandardCharsets.UTF_8);
        assertTrue(graph.startsWith("digraph flowgraph {"), graph);
        for (String node : new String[] {"\"a\"", "\"b\"", "\"c\"", "\"u\"", "\"v\"", "\"J\""}) {
            assertTrue(graph.contains(node + " ["), node + " in\n" + graph);
        }
        String run = Files.readString(runDot, StandardCharsets.UTF_8);
        assertTrue(run.contains("class=\"pruned\""), run);
        assertTrue(run.contains("class=\"fed\""), run);

        Path png = pictures.resolve("ScalarExpression.png");
        if (GraphDot.isDotInstalled()) {
            assertTrue(p.text.contains("Graph picture as PNG: " + png), p.text);
            byte[] bytes = Files.readAllBytes(png);
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(bytes, 4));
            assertTrue(Files.size(pictures.resolve("ScalarExpression-fed-u.png")) > 0);
        } else {
            assertTrue(p.text.contains("Graph picture as PNG: skipped, Graphviz 'dot' is not installed"), p.text);
            assertFalse(Files.exists(png));
        }
        assertEquals(2, p.text.lines().filter(l -> l.contains("as PNG: ")).count(), p.text);
    }
}
