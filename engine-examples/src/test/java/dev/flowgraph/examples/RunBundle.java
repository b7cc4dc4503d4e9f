package dev.flowgraph.examples;

import dev.flowgraph.Tensor;
import dev.flowgraph.io.ModelBundle;
import dev.flowgraph.io.Npz;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads a model bundle and runs one signature on inputs read from a {@code .npz}, printing one
 * {@link LoadAndRun#describe} line per output; {@link SavedModelTest} runs it in a fresh JVM.
 * Arguments: {@code <bundle> <signature> <inputs.npz>}.
 */
final class RunBundle {
    private RunBundle() {}

    /**
     * Runs the signature and prints its outputs.
     *
     * @param args the bundle, the signature's name and the inputs file
     * @throws IOException if a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        Map<String, Tensor> inputs = Npz.read(Path.of(args[2]));
        try (ModelBundle model = ModelBundle.load(Path.of(args[0]))) {
            model.run(args[1], inputs).forEach((name, t) -> System.out.println(LoadAndRun.describe(name, t)));
        }
    }
}
