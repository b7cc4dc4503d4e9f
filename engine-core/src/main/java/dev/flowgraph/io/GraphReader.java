package dev.flowgraph.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.GraphBuildException;
import dev.flowgraph.Node;
import dev.flowgraph.NodeBuilder;
import dev.flowgraph.Output;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.UnknownNameException;
import dev.flowgraph.spi.Attrs;
import dev.flowgraph.spi.OpRegistry;
import dev.flowgraph.spi.OutputSpec;
import dev.flowgraph.spi.TensorBuffers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rebuilds a graph from the entries of a saved graph: node by node through
 * {@link Graph#nodeBuilder}, checking every field, so that a bad file fails with a message that
 * says where. The partial graph is closed and dropped on any failure.
 */
final class GraphReader {
    private static final Set<String> ROOT_FIELDS = Set.of(GraphJson.FORMAT, GraphJson.VERSION, GraphJson.NODES);
    private static final Set<String> NODE_FIELDS = Set.of(GraphJson.NAME, GraphJson.OP, GraphJson.INPUTS,
            GraphJson.CONTROL_INPUTS, GraphJson.ATTRS, GraphJson.OUTPUTS);
    private static final Set<String> SPEC_FIELDS = Set.of(GraphJson.DTYPE, GraphJson.SHAPE);

    private final Map<String, byte[]> entries;
    private final String source;
    private final Graph graph;
    /** Every node name in the file and its position, to tell a forward reference from a typo. */
    private final Map<String, Integer> positions = new HashMap<>();
    private String where;

    private GraphReader(Map<String, byte[]> entries, String source, Graph graph) {
        this.entries = entries;
        this.source = source;
        this.graph = graph;
        this.where = source + ": " + GraphIO.GRAPH_ENTRY;
    }

    static Graph read(Map<String, byte[]> entries, String source, OpRegistry registry) {
        Graph graph = new Graph(registry);
        try {
            new GraphReader(entries, source, graph).read();
            return graph;
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    private GraphFormatException error(String message) {
        return new GraphFormatException(where + ": " + message);
    }

    private void read() {
        byte[] json = entries.get(GraphIO.GRAPH_ENTRY);
        if (json == null) {
            throw new GraphFormatException(source + ": no " + GraphIO.GRAPH_ENTRY + " entry (found "
                    + entries.keySet() + "); is this a saved Flowgraph graph?");
        }
        JsonNode root = GraphJson.parse(json, where);
        if (!root.isObject()) {
            throw error("expected a JSON object at the top level, found " + kind(root));
        }
        fields(root, ROOT_FIELDS);
        String format = text(root, GraphJson.FORMAT);
        if (!format.equals(GraphIO.FORMAT)) {
            throw error("unknown format '" + format + "' (expected '" + GraphIO.FORMAT + "')");
        }
        JsonNode version = field(root, GraphJson.VERSION);
        if (!version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() != GraphIO.VERSION) {
            throw error("unsupported version " + version + " (this build reads version " + GraphIO.VERSION + ")");
        }
        JsonNode nodes = array(root, GraphJson.NODES);
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode name = nodes.get(i).get(GraphJson.NAME);
            if (name != null && name.isTextual()) {
                positions.putIfAbsent(name.asText(), i);
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            where = source + ": " + GraphIO.GRAPH_ENTRY + " node #" + i;
            JsonNode n = nodes.get(i);
            if (!n.isObject()) {
                throw error("expected a JSON object, found " + kind(n));
            }
            String name = text(n, GraphJson.NAME);
            where += " '" + name + "'";
            Integer earlier = seen.putIfAbsent(name, i);
            if (earlier != null) {
                throw error("duplicate name: node #" + earlier + " is also named '" + name + "'");
            }
            node(n, name);
        }
    }

    private void node(JsonNode n, String name) {
        fields(n, NODE_FIELDS);
        String op = text(n, GraphJson.OP);
        where += " (op " + op + ")";
        NodeBuilder b = graph.nodeBuilder(op).name(name);
        for (JsonNode in : array(n, GraphJson.INPUTS)) {
            b.input(input(in));
        }
        for (JsonNode c : array(n, GraphJson.CONTROL_INPUTS)) {
            b.controlInput(controlInput(c));
        }
        Attrs attrs = attrs(object(n, GraphJson.ATTRS));
        b.attrs(attrs);
        Node node;
        try {
            node = b.build();
        } catch (GraphBuildException e) {
            throw new GraphFormatException(where + ": " + e.getMessage(), e);
        }
        JsonNode outputs = array(n, GraphJson.OUTPUTS);
        List<OutputSpec> recorded = new ArrayList<>();
        for (JsonNode o : outputs) {
            recorded.add(spec(o));
        }
        List<OutputSpec> inferred = new ArrayList<>();
        node.outputs().forEach(o -> inferred.add(o.spec()));
        if (!recorded.equals(inferred)) {
            throw error("the file records outputs " + recorded + " but the op's shape rule infers " + inferred
                    + " from the inputs " + inputSpecs(node));
        }
    }

    private static List<OutputSpec> inputSpecs(Node node) {
        List<OutputSpec> specs = new ArrayList<>();
        node.inputs().forEach(in -> specs.add(in.spec()));
        return specs;
    }

    private Output input(JsonNode ref) {
        if (!ref.isTextual()) {
            throw error("expected each input to be a string 'node:index', found " + kind(ref));
        }
        String address = ref.asText();
        int colon = address.lastIndexOf(':');
        checkDefined(colon < 0 ? address : address.substring(0, colon), "input '" + address + "'");
        try {
            return graph.output(address);
        } catch (UnknownNameException e) {
            throw error("input '" + address + "': " + e.getMessage());
        }
    }

    private Node controlInput(JsonNode ref) {
        if (!ref.isTextual()) {
            throw error("expected each control input to be a node name, found " + kind(ref));
        }
        checkDefined(ref.asText(), "control input '" + ref.asText() + "'");
        try {
            return graph.node(ref.asText());
        } catch (UnknownNameException e) {
            throw error("control input '" + ref.asText() + "': " + e.getMessage());
        }
    }

    /** Refuses a reference to a node that the file defines only later. */
    private void checkDefined(String nodeName, String what) {
        Integer at = positions.get(nodeName);
        if (at != null && !graph.hasNode(nodeName)) {
            throw error(what + " refers to node #" + at + " '" + nodeName + "', which comes later in the file: "
                    + "every node must come after its inputs (the file has a forward reference or a cycle)");
        }
    }

    private Attrs attrs(JsonNode attrs) {
        Attrs.Builder b = Attrs.builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = attrs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            b.put(e.getKey(), attr(e.getKey(), e.getValue()));
        }
        return b.build();
    }

    private Object attr(String name, JsonNode a) {
        String what = "attribute '" + name + "'";
        if (!a.isObject()) {
            throw error(what + ": expected an object {\"type\": ..., \"value\": ...}, found " + kind(a));
        }
        String type = text(a, GraphJson.TYPE, what);
        if (type.equals(GraphJson.TENSOR)) {
            return tensor(a, what);
        }
        fields(a, Set.of(GraphJson.TYPE, GraphJson.VALUE), what);
        JsonNode v = field(a, GraphJson.VALUE, what);
        String expected;
        switch (type) {
            case GraphJson.BOOL:
                if (v.isBoolean()) {
                    return v.booleanValue();
                }
                expected = "true or false";
                break;
            case GraphJson.LONG:
                if (v.isIntegralNumber() && v.canConvertToLong()) {
                    return v.longValue();
                }
                expected = "an integer";
                break;
            case GraphJson.DOUBLE:
                Double d = GraphJson.toDouble(v);
                if (d != null) {
                    return d;
                }
                expected = "a number, \"NaN\", \"Infinity\", \"-Infinity\", \"-0.0\" or raw bits \"0x...\"";
                break;
            case GraphJson.STRING:
                if (v.isTextual()) {
                    return v.asText();
                }
                expected = "a string";
                break;
            case GraphJson.LONGS:
                return longs(v, what);
            case GraphJson.DTYPE:
                return dtype(v, what);
            case GraphJson.SHAPE:
                return shape(v, what);
            default:
                throw error(what + ": unknown type '" + type + "' (expected one of bool, long, double, string, "
                        + "longs, dtype, shape, tensor)");
        }
        throw error(what + " of type " + type + ": expected " + expected + ", found " + kind(v));
    }

    private long[] longs(JsonNode v, String what) {
        if (!v.isArray()) {
            throw error(what + ": expected an array of integers, found " + kind(v));
        }
        long[] out = new long[v.size()];
        for (int i = 0; i < out.length; i++) {
            if (!v.get(i).isIntegralNumber() || !v.get(i).canConvertToLong()) {
                throw error(what + ": expected an array of integers, found " + kind(v.get(i)) + " at index " + i);
            }
            out[i] = v.get(i).longValue();
        }
        return out;
    }

    private DType dtype(JsonNode v, String what) {
        if (v.isTextual()) {
            for (DType d : DType.values()) {
                if (d.toString().equals(v.asText())) {
                    return d;
                }
            }
        }
        throw error(what + ": expected a dtype (float32, float64, int32, int64 or bool), found " + kind(v));
    }

    private Shape shape(JsonNode v, String what) {
        if (v.isTextual() && v.asText().equals(GraphJson.UNKNOWN_RANK)) {
            return Shape.unknown();
        }
        long[] dims = longs(v, what + " (a shape: an array of dimensions, -1 where unknown, or \"unknown\")");
        for (long d : dims) {
            if (d < Shape.UNKNOWN_DIM) {
                throw error(what + ": dimension " + d + " in " + v + " is below -1");
            }
        }
        return Shape.of(dims);
    }

    private OutputSpec spec(JsonNode o) {
        String what = "output";
        if (!o.isObject()) {
            throw error("expected each output to be an object {\"dtype\": ..., \"shape\": ...}, found " + kind(o));
        }
        fields(o, SPEC_FIELDS, what);
        return new OutputSpec(dtype(field(o, GraphJson.DTYPE, what), what), shape(field(o, GraphJson.SHAPE, what), what));
    }

    private Tensor tensor(JsonNode a, String what) {
        boolean inFile = a.has(GraphJson.FILE);
        fields(a, Set.of(GraphJson.TYPE, GraphJson.DTYPE, GraphJson.SHAPE, inFile ? GraphJson.FILE : GraphJson.VALUES),
                what);
        DType dtype = dtype(field(a, GraphJson.DTYPE, what), what);
        Shape shape = shape(field(a, GraphJson.SHAPE, what), what);
        if (!shape.isFullyDefined() || shape.size() > Tensor.MAX_SIZE) {
            throw error(what + ": a tensor's shape must be fully defined and hold at most " + Tensor.MAX_SIZE
                    + " elements, found " + shape);
        }
        Tensor t = inFile ? tensorFile(text(a, GraphJson.FILE, what), what) : inlineTensor(a, dtype, shape, what);
        if (t.dtype() != dtype || !t.shape().equals(shape)) {
            throw error(what + ": the file " + a.get(GraphJson.FILE).asText() + " holds a " + t.dtype() + t.shape()
                    + " tensor but graph.json says " + dtype + shape);
        }
        return t;
    }

    private Tensor tensorFile(String file, String what) {
        byte[] bytes = entries.get(file);
        if (bytes == null) {
            throw error(what + ": the zip has no entry '" + file + "'");
        }
        try {
            return Npy.read(ZipEntries.open(bytes), source + " entry '" + file + "'");
        } catch (TensorFormatException e) {
            throw error(what + ": " + e.getMessage());
        } catch (IOException e) {
            throw new GraphFormatException(where + ": " + what + ": " + e.getMessage(), e);
        }
    }

    private Tensor inlineTensor(JsonNode a, DType dtype, Shape shape, String what) {
        JsonNode values = field(a, GraphJson.VALUES, what);
        if (!values.isArray() || values.size() != shape.size()) {
            throw error(what + ": expected 'values' to be an array of " + shape.size() + " elements for shape "
                    + shape + ", found " + (values.isArray() ? values.size() + " elements" : kind(values)));
        }
        Object data = TensorBuffers.newArray(dtype, values.size());
        for (int i = 0; i < values.size(); i++) {
            JsonNode v = values.get(i);
            boolean ok = true;
            switch (dtype) {
                case FLOAT32:
                    Float f = GraphJson.toFloat(v);
                    ok = f != null;
                    ((float[]) data)[i] = ok ? f : 0;
                    break;
                case FLOAT64:
                    Double d = GraphJson.toDouble(v);
                    ok = d != null;
                    ((double[]) data)[i] = ok ? d : 0;
                    break;
                case INT32:
                    ok = v.isIntegralNumber() && v.canConvertToInt();
                    ((int[]) data)[i] = v.intValue();
                    break;
                case INT64:
                    ok = v.isIntegralNumber() && v.canConvertToLong();
                    ((long[]) data)[i] = v.longValue();
                    break;
                default:
                    ok = v.isBoolean();
                    ((boolean[]) data)[i] = v.booleanValue();
                    break;
            }
            if (!ok) {
                throw error(what + ": value " + i + " is " + kind(v) + ", not a " + dtype);
            }
        }
        return TensorBuffers.wrap(dtype, shape, data);
    }

    // ---- field access with messages ---------------------------------------------------------

    private void fields(JsonNode o, Set<String> allowed) {
        fields(o, allowed, null);
    }

    private void fields(JsonNode o, Set<String> allowed, String what) {
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw error((what == null ? "" : what + ": ") + "unexpected field '" + f + "' (expected "
                        + new TreeSet<>(allowed) + ")");
            }
        }
    }

    private JsonNode field(JsonNode o, String name) {
        return field(o, name, null);
    }

    private JsonNode field(JsonNode o, String name, String what) {
        JsonNode v = o.get(name);
        if (v == null) {
            throw error((what == null ? "" : what + ": ") + "missing field '" + name + "'");
        }
        return v;
    }

    private String text(JsonNode o, String name) {
        return text(o, name, null);
    }

    private String text(JsonNode o, String name, String what) {
        JsonNode v = field(o, name, what);
        if (!v.isTextual()) {
            throw error((what == null ? "" : what + ": ") + "expected field '" + name + "' to be a string, found "
                    + kind(v));
        }
        return v.asText();
    }

    private JsonNode array(JsonNode o, String name) {
        JsonNode v = field(o, name);
        if (!v.isArray()) {
            throw error("expected field '" + name + "' to be an array, found " + kind(v));
        }
        return v;
    }

    private JsonNode object(JsonNode o, String name) {
        JsonNode v = field(o, name);
        if (!v.isObject()) {
            throw error("expected field '" + name + "' to be an object, found " + kind(v));
        }
        return v;
    }

    /** Names a JSON value's kind for messages, with the value itself when it is short. */
    private static String kind(JsonNode v) {
        String text = v.toString();
        String type = v.getNodeType().toString().toLowerCase(Locale.ROOT);
        return text.length() <= 40 ? type + " " + text : type;
    }
}
