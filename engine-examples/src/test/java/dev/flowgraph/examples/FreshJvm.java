package dev.flowgraph.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a test class's {@code main} in a fresh JVM on this test's class path, so that a test can
 * show that a saved file, not state left in this JVM, carries what is compared.
 */
final class FreshJvm {
    private FreshJvm() {}

    /**
     * Runs {@code main} with {@code args}, asserts that it exits with 0 within 60 seconds, and
     * returns the lines it printed to standard output.
     */
    static List<String> run(Class<?> main, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        // Standard error goes to a file, so that a child that logs a lot never blocks on a full pipe.
        Path errors = Files.createTempFile("fresh-jvm", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the fresh JVM did not finish in 60 s");
            assertEquals(0, p.exitValue(), Files.readString(errors));
            return stdout.lines().toList();
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}
