package dev.flowgraph.examples;

import dev.flowgraph.Graph;
import dev.flowgraph.Runner;
import dev.flowgraph.Session;
import dev.flowgraph.Tensor;
import dev.flowgraph.io.GraphIO;
import dev.flowgraph.io.Npy;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads saved graphs and prints what they compute, bit-exactly; {@link SavedExamplesTest} runs it
 * in a fresh JVM. Each argument is one job, {@code <graph file>::<fetch>[::<name>=<float64>,...]},
 * and prints one line {@link #describe(String, Tensor)}.
 */
final class LoadAndRun {
    private LoadAndRun() {}

    /**
     * Runs each job and prints its line.
     *
     * @param args the jobs
     * @throws IOException if a graph cannot be read
     */
    public static void main(String[] args) throws IOException {
        for (String job : args) {
            String[] parts = job.split("::");
            Map<String, Tensor> feeds = new LinkedHashMap<>();
            if (parts.length > 2) {
                for (String feed : parts[2].split(",")) {
                    String[] kv = feed.split("=");
                    feeds.put(kv[0], Tensor.scalar(Double.parseDouble(kv[1])));
                }
            }
            System.out.println(describe(parts[1], run(Path.of(parts[0]), parts[1], feeds)));
        }
    }

    /** Loads a graph and computes one output with a one-thread session. */
    static Tensor run(Path file, String fetch, Map<String, Tensor> feeds) throws IOException {
        try (Graph g = GraphIO.load(file); Session s = new Session(g, 1)) {
            Runner r = s.runner();
            feeds.forEach(r::feed);
            return r.fetch(fetch).run().get(0);
        }
    }

    /**
     * Describes a tensor bit-exactly: its name, dtype and shape, the SHA-256 of its {@code .npy}
     * bytes, and for at most 16 elements the raw bits of its {@code .npy} data in hex.
     */
    static String describe(String name, Tensor t) {
        byte[] npy = Npy.toBytes(t);
        String line = name + " " + t.dtype() + t.shape() + " sha256=" + HexFormat.of().formatHex(sha256(npy));
        if (t.size() <= 16) {
            int data = npy.length - t.size() * t.dtype().byteSize();
            line += " data=" + HexFormat.of().formatHex(npy, data, npy.length);
        }
        return line;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JVM has SHA-256", e);
        }
    }
}
