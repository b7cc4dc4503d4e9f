package dev.flowgraph.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The field names of {@code graph.json} and the exact text form of floating-point numbers, shared
 * by {@link GraphWriter} and {@link GraphReader}.
 *
 * <p>A finite float or double other than -0.0 is a JSON number written with Java's
 * {@code toString} (which reads back to the same bits); every other value is a string:
 * {@code "NaN"} (the canonical NaN), {@code "Infinity"}, {@code "-Infinity"}, {@code "-0.0"}, or,
 * for a NaN with another payload, its raw bits in hex ({@code "0x7ff0000000000abc"}).
 */
final class GraphJson {
    /** Keeps numbers as their exact decimal text, so that parsing rounds once, to the target type. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    static final String FORMAT = "format";
    static final String VERSION = "version";
    static final String NODES = "nodes";
    static final String NAME = "name";
    static final String OP = "op";
    static final String INPUTS = "inputs";
    static final String CONTROL_INPUTS = "controlInputs";
    static final String ATTRS = "attrs";
    static final String OUTPUTS = "outputs";
    static final String TYPE = "type";
    static final String VALUE = "value";
    static final String VALUES = "values";
    static final String FILE = "file";

    static final String DTYPE = "dtype";
    static final String SHAPE = "shape";
    static final String BOOL = "bool";
    static final String LONG = "long";
    static final String DOUBLE = "double";
    static final String STRING = "string";
    static final String LONGS = "longs";
    static final String TENSOR = "tensor";

    static final String UNKNOWN_RANK = "unknown";
    static final String CONSTANTS_DIR = "constants/";

    private static final String NAN = "NaN";
    private static final String INFINITY = "Infinity";
    private static final String MINUS_INFINITY = "-Infinity";
    private static final String MINUS_ZERO = "-0.0";
    private static final long CANONICAL_NAN = Double.doubleToRawLongBits(Double.NaN);
    private static final int CANONICAL_NAN_32 = Float.floatToRawIntBits(Float.NaN);

    /** Jackson names the source inside some messages; only the line and column help here. */
    private static final Pattern SOURCE_IN_MESSAGE =
            Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)\\]");

    private GraphJson() {}

    /** Parses one JSON entry; {@code where} (the file and entry) starts the message of a refusal. */
    static JsonNode parse(byte[] json, String where) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new GraphFormatException(where + ": malformed JSON"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                    + ": " + SOURCE_IN_MESSAGE.matcher(e.getOriginalMessage()).replaceAll("line $1, column $2"), e);
        } catch (IOException e) {
            throw new GraphFormatException(where + ": unreadable JSON: " + e.getMessage(), e);
        }
    }

    static JsonNode number(double v) {
        long bits = Double.doubleToRawLongBits(v);
        if (Double.isFinite(v) && bits != Double.doubleToRawLongBits(-0.0)) {
            return JsonNodeFactory.instance.numberNode(v);
        }
        return JsonNodeFactory.instance.textNode(Double.isNaN(v) && bits != CANONICAL_NAN
                ? "0x" + Long.toHexString(bits) : special(v));
    }

    static JsonNode number(float v) {
        int bits = Float.floatToRawIntBits(v);
        if (Float.isFinite(v) && bits != Float.floatToRawIntBits(-0.0f)) {
            return JsonNodeFactory.instance.numberNode(v);
        }
        return JsonNodeFactory.instance.textNode(Float.isNaN(v) && bits != CANONICAL_NAN_32
                ? "0x" + Integer.toHexString(bits) : special(v));
    }

    private static String special(double v) {
        return Double.isNaN(v) ? NAN : v == Double.POSITIVE_INFINITY ? INFINITY
                : v == Double.NEGATIVE_INFINITY ? MINUS_INFINITY : MINUS_ZERO;
    }

    /** Reads a double written by {@link #number(double)}; null if {@code n} is not one. */
    static Double toDouble(JsonNode n) {
        if (n.isNumber()) {
            return Double.parseDouble(n.asText());
        }
        Double special = special(n);
        if (special != null || !n.isTextual()) {
            return special;
        }
        Long bits = hex(n.asText(), 16);
        return bits == null ? null : Double.longBitsToDouble(bits);
    }

    /** Reads a float written by {@link #number(float)}; null if {@code n} is not one. */
    static Float toFloat(JsonNode n) {
        if (n.isNumber()) {
            return Float.parseFloat(n.asText());
        }
        Double special = special(n);
        if (special != null || !n.isTextual()) {
            // Narrowing keeps NaN canonical, the infinities and the sign of zero.
            return special == null ? null : special.floatValue();
        }
        Long bits = hex(n.asText(), 8);
        return bits == null ? null : Float.intBitsToFloat((int) (long) bits);
    }

    /** The value of {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} or {@code "-0.0"}, else null. */
    private static Double special(JsonNode n) {
        switch (n.isTextual() ? n.asText() : "") {
            case NAN: return Double.NaN;
            case INFINITY: return Double.POSITIVE_INFINITY;
            case MINUS_INFINITY: return Double.NEGATIVE_INFINITY;
            case MINUS_ZERO: return -0.0;
            default: return null;
        }
    }

    private static Long hex(String s, int maxDigits) {
        String lower = s.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("0x") || lower.length() < 3 || lower.length() > 2 + maxDigits) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(lower.substring(2), 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
