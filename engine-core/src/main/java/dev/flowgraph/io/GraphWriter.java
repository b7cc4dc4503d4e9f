package dev.flowgraph.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowgraph.Graph;
import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.spi.OutputSpec;
import dev.flowgraph.spi.TensorBuffers;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a graph into the bytes of {@code graph.json} and its {@code constants/<k>.npy} entries. */
final class GraphWriter {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Map<String, byte[]> constants = new LinkedHashMap<>();

    private GraphWriter() {}

    /** What a saved graph consists of: the JSON, the constant entries by name, the node count. */
    record Entries(byte[] json, Map<String, byte[]> constants, int nodeCount) {}

    static Entries write(Graph graph) {
        GraphWriter w = new GraphWriter();
        // A topological order, not insertion order: a control input added later may point forward.
        List<Node> order = graph.executionOrder(graph.nodes(), Set.of());
        ObjectNode root = JSON.objectNode();
        root.put(GraphJson.FORMAT, GraphIO.FORMAT);
        root.put(GraphJson.VERSION, GraphIO.VERSION);
        ArrayNode nodes = root.putArray(GraphJson.NODES);
        for (Node n : order) {
            nodes.add(w.node(n));
        }
        try {
            byte[] json = GraphJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root)
                    .getBytes(StandardCharsets.UTF_8);
            return new Entries(json, w.constants, order.size());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode node(Node n) {
        ObjectNode o = JSON.objectNode();
        o.put(GraphJson.NAME, n.name());
        o.put(GraphJson.OP, n.opType());
        ArrayNode inputs = o.putArray(GraphJson.INPUTS);
        n.inputs().forEach(in -> inputs.add(in.name()));
        ArrayNode controls = o.putArray(GraphJson.CONTROL_INPUTS);
        n.controlInputs().forEach(c -> controls.add(c.name()));
        ObjectNode attrs = o.putObject(GraphJson.ATTRS);
        n.attrs().asMap().forEach((k, v) -> attrs.set(k, attr(v)));
        ArrayNode outputs = o.putArray(GraphJson.OUTPUTS);
        for (Output out : n.outputs()) {
            outputs.add(spec(out.spec()));
        }
        return o;
    }

    private static ObjectNode spec(OutputSpec spec) {
        ObjectNode o = JSON.objectNode();
        o.put(GraphJson.DTYPE, spec.dtype().toString());
        o.set(GraphJson.SHAPE, shape(spec.shape()));
        return o;
    }

    private JsonNode attr(Object v) {
        ObjectNode o = JSON.objectNode();
        if (v instanceof Boolean) {
            o.put(GraphJson.TYPE, GraphJson.BOOL).put(GraphJson.VALUE, (Boolean) v);
        } else if (v instanceof Long) {
            o.put(GraphJson.TYPE, GraphJson.LONG).put(GraphJson.VALUE, (Long) v);
        } else if (v instanceof Double) {
            o.put(GraphJson.TYPE, GraphJson.DOUBLE).set(GraphJson.VALUE, GraphJson.number((Double) v));
        } else if (v instanceof String) {
            o.put(GraphJson.TYPE, GraphJson.STRING).put(GraphJson.VALUE, (String) v);
        } else if (v instanceof long[]) {
            ArrayNode a = o.put(GraphJson.TYPE, GraphJson.LONGS).putArray(GraphJson.VALUE);
            for (long x : (long[]) v) {
                a.add(x);
            }
        } else if (v instanceof Shape) {
            o.put(GraphJson.TYPE, GraphJson.SHAPE).set(GraphJson.VALUE, shape((Shape) v));
        } else if (v instanceof Tensor) {
            tensor(o.put(GraphJson.TYPE, GraphJson.TENSOR), (Tensor) v);
        } else {
            o.put(GraphJson.TYPE, GraphJson.DTYPE).put(GraphJson.VALUE, v.toString());
        }
        return o;
    }

    private static JsonNode shape(Shape s) {
        if (!s.hasKnownRank()) {
            return JSON.textNode(GraphJson.UNKNOWN_RANK);
        }
        ArrayNode a = JSON.arrayNode();
        for (long d : s.dims()) {
            a.add(d);
        }
        return a;
    }

    private void tensor(ObjectNode o, Tensor t) {
        o.put(GraphJson.DTYPE, t.dtype().toString());
        o.set(GraphJson.SHAPE, shape(t.shape()));
        if (t.size() > GraphIO.INLINE_TENSOR_LIMIT) {
            String file = GraphJson.CONSTANTS_DIR + constants.size() + ".npy";
            constants.put(file, Npy.toBytes(t));
            o.put(GraphJson.FILE, file);
            return;
        }
        ArrayNode values = o.putArray(GraphJson.VALUES);
        for (int i = 0; i < t.size(); i++) {
            switch (t.dtype()) {
                case FLOAT32: values.add(GraphJson.number(TensorBuffers.floats(t)[i])); break;
                case FLOAT64: values.add(GraphJson.number(TensorBuffers.doubles(t)[i])); break;
                case INT32: values.add(TensorBuffers.ints(t)[i]); break;
                case INT64: values.add(TensorBuffers.longs(t)[i]); break;
                default: values.add(TensorBuffers.booleans(t)[i]); break;
            }
        }
    }
}
