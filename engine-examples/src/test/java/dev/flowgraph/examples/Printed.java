package dev.flowgraph.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** Captures what an example prints, so that its test can assert the lines. */
final class Printed<T> {
    final T value;
    final String text;

    private Printed(T value, String text) {
        this.value = value;
        this.text = text;
    }

    static <T> Printed<T> of(Function<PrintStream, T> example) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            T value = example.apply(out);
            return new Printed<>(value, bytes.toString(StandardCharsets.UTF_8));
        }
    }
}
