package dev.flowgraph.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowgraph.Graph;
import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Tensor;
import dev.flowgraph.io.GraphIO;
import dev.flowgraph.io.Npy;
import dev.flowgraph.spi.OpRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered op's sample from {@link OpSamples} survives {@link GraphIO}: saved, loaded into a
 * fresh graph and saved again it gives the same bytes (so every attribute of every op round-trips),
 * and the loaded graph computes a bit-identical result.
 */
class SavedGraphContractTest {
    static Stream<String> opTypes() {
        return OpRegistry.global().types().stream();
    }

    private static byte[] save(Graph g) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GraphIO.save(g, out);
        return out.toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("opTypes")
    void roundTripsThroughASavedGraph(String opType) throws IOException {
        try (Graph g = new Graph()) {
            OpSamples.Sample sample = OpSamples.forType(opType)
                    .orElseThrow(() -> new AssertionError("op type " + opType + " has no sample in OpSamples"))
                    .apply(Ops.on(g));
            byte[] saved = save(g);
            try (Graph back = GraphIO.load(new ByteArrayInputStream(saved))) {
                assertArrayEquals(saved, save(back), "saving the loaded graph gives other bytes");
                Output loaded = back.output(sample.output().name());
                assertEquals(opType, back.node(sample.node().name()).opType());
                List<Node> setup = sample.setup().stream().map(n -> back.node(n.name())).toList();
                Tensor expected = TestRuns.eval(sample.output(), 1, sample.feeds(), sample.setup());
                Tensor actual = TestRuns.eval(loaded, 1, sample.feeds(), setup);
                assertArrayEquals(Npy.toBytes(expected), Npy.toBytes(actual), "the loaded graph computes other bits");
            }
        }
    }
}
