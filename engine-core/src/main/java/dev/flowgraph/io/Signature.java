package dev.flowgraph.io;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.flowgraph.Output;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A named way to run a saved model, as a {@link ModelBundle} keeps it: which placeholders take the
 * inputs and which outputs are fetched, each under a name of its own (in the spirit of
 * TensorFlow's SavedModel signatures). Addresses are {@code "node:index"}; the maps keep their
 * order.
 *
 * <pre>{@code
 * Signature serve = Signature.of("serve", Map.of("images", x), Map.of("probabilities", probs));
 * serve.inputs();    // {images=x:0}
 * }</pre>
 *
 * @param name the signature's name, e.g. {@code "serve"}
 * @param inputs input name to the address of the placeholder output that takes it
 * @param outputs output name to the address of the output that is fetched; at least one
 */
public record Signature(String name, Map<String, String> inputs, Map<String, String> outputs) {
    /**
     * Checks the names and keeps unmodifiable copies of the maps, in their order.
     *
     * @param name the signature's name
     * @param inputs input name to placeholder output address
     * @param outputs output name to fetched output address
     * @throws IllegalArgumentException if a name or address is empty, or there is no output
     */
    public Signature {
        checkArgument(name != null && !name.isEmpty(), "a signature needs a non-empty name");
        inputs = copy(inputs, name, "input");
        outputs = copy(outputs, name, "output");
        checkArgument(!outputs.isEmpty(), "signature '%s' has no outputs", name);
    }

    private static Map<String, String> copy(Map<String, String> map, String signature, String what) {
        checkNotNull(map, "the %ss of signature '%s'", what, signature);
        Map<String, String> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            checkArgument(k != null && !k.isEmpty(), "signature '%s' has an %s with an empty name", signature, what);
            checkArgument(v != null && !v.isEmpty(), "signature '%s' %s '%s' has no address", signature, what, k);
            copy.put(k, v);
        });
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Makes a signature from outputs of a graph.
     *
     * @param name the signature's name
     * @param inputs input name to a placeholder's output
     * @param outputs output name to an output to fetch
     * @return the signature, holding the outputs' addresses
     */
    public static Signature of(String name, Map<String, Output> inputs, Map<String, Output> outputs) {
        return new Signature(name, addresses(inputs), addresses(outputs));
    }

    private static Map<String, String> addresses(Map<String, Output> outputs) {
        checkNotNull(outputs, "outputs");
        Map<String, String> m = new LinkedHashMap<>();
        outputs.forEach((k, v) -> m.put(k, checkNotNull(v, "output '%s'", k).name()));
        return m;
    }
}
