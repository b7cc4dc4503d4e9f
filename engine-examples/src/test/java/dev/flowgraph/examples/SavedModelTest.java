package dev.flowgraph.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.io.Checkpoint;
import dev.flowgraph.io.GraphIO;
import dev.flowgraph.io.ModelBundle;
import dev.flowgraph.io.Npy;
import dev.flowgraph.io.Npz;
import dev.flowgraph.io.Signature;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.train.Initializers;
import dev.flowgraph.ops.train.Variable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small model with variables, {@code probabilities = softmax(x·W + b)}, saved as a checkpoint and
 * as a model bundle and loaded again (the bundle also in a fresh JVM) computes bit-identical
 * results. The variables get known values through assign ops, with no training.
 */
@Timeout(120)
class SavedModelTest {
    @TempDir
    Path dir;

    /** W is [3, 2]; row 0 of x is all zeros, so its logits are b = [0, 0] and its probabilities exactly [0.5, 0.5]. */
    private static final Tensor W = Tensor.matrix(new float[][] {{0.1f, -0.2f}, {1.5f, 0.25f}, {-3f, 2f}});
    private static final Tensor B = Tensor.vector(0f, 0f);
    private static final Tensor X = Tensor.matrix(new float[][] {{0, 0, 0}, {1, 2, 3}, {-0.5f, 4f, 1e-3f}});

    /** The model's graph: the placeholder, the variables, the output and the target that sets W and b. */
    private record Model(Output x, Variable w, Variable b, Output probabilities, Node setValues) {
        static Model build(Ops tf) {
            Output x = tf.placeholder("x", DType.FLOAT32, Shape.of(-1, 3));
            Variable w = tf.variable("layer1/w", DType.FLOAT32, Shape.of(3, 2), Initializers.zeros());
            Variable b = tf.variable("layer1/b", DType.FLOAT32, Shape.of(2), Initializers.zeros());
            Output probabilities = tf.withName("probabilities").softmax(tf.add(tf.matMul(x, w.output()), b.output()));
            Node set = tf.group("set_values", tf.assign(w.output(), tf.constant(W)).node(),
                    tf.assign(b.output(), tf.constant(B)).node());
            return new Model(x, w, b, probabilities, set);
        }

        Signature serve() {
            return Signature.of("serve", Map.of("images", x), Map.of("probabilities", probabilities));
        }
    }

    private static Tensor run(Session s, Output probabilities) {
        return s.runner().feed("x", X).fetch(probabilities).run().get(0);
    }

    @Test
    void checkpointRestoresIntoANewSessionAndIntoALoadedGraph() throws IOException {
        Path ckpt = dir.resolve("model.npz");
        Path graphFile = dir.resolve("model.fgraph");
        try (Graph g = new Graph(); Session s = new Session(g, 2)) {
            Model m = Model.build(Ops.on(g));
            s.runner().addTarget(m.setValues()).run();
            Tensor expected = run(s, m.probabilities());
            Checkpoint.save(s, ckpt);
            GraphIO.save(g, graphFile);
            try (Session fresh = new Session(g, 1)) {
                Checkpoint.restore(fresh, ckpt);
                assertArrayEquals(Npy.toBytes(W), Npy.toBytes(fresh.variableValues().get("layer1/w")));
                assertArrayEquals(Npy.toBytes(expected), Npy.toBytes(run(fresh, m.probabilities())));
            }
            try (Graph loaded = GraphIO.load(graphFile); Session s2 = new Session(loaded, 3)) {
                Checkpoint.restore(s2, ckpt);
                assertArrayEquals(Npy.toBytes(expected), Npy.toBytes(run(s2, loaded.output("probabilities"))));
            }
        }
        // numpy.load(ckpt) sees the same names.
        assertEquals(List.of("layer1/w", "layer1/b"), List.copyOf(Npz.read(ckpt).keySet()));
    }

    @Test
    void bundleLoadedHereAndInAFreshJvmGivesTheSameBits() throws IOException, InterruptedException {
        Path bundle = dir.resolve("model.fgbundle");
        Tensor expected;
        try (Graph g = new Graph(); Session s = new Session(g, 2)) {
            Model m = Model.build(Ops.on(g));
            s.runner().addTarget(m.setValues()).run();
            expected = run(s, m.probabilities());
            ModelBundle.save(bundle, s, m.serve());
        }
        // Row 0: softmax([0, 0]) = [0.5, 0.5] exactly.
        assertEquals(0.5f, expected.toFloatArray()[0]);
        assertEquals(0.5f, expected.toFloatArray()[1]);

        try (ModelBundle model = ModelBundle.load(bundle)) {
            Tensor loaded = model.run("serve", Map.of("images", X)).get("probabilities");
            assertArrayEquals(Npy.toBytes(expected), Npy.toBytes(loaded));
        }

        Path inputs = dir.resolve("inputs.npz");
        Map<String, Tensor> feeds = new LinkedHashMap<>();
        feeds.put("images", X);
        Npz.write(feeds, inputs);
        assertEquals(List.of(LoadAndRun.describe("probabilities", expected)),
                FreshJvm.run(RunBundle.class, bundle.toString(), "serve", inputs.toString()));
    }
}
