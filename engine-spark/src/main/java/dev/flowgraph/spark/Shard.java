package dev.flowgraph.spark;

import dev.flowgraph.DType;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.io.Npz;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One partition's training rows as tensors, one per column, stacked once and kept in the
 * executor's cache; a step takes a window of rows from them. Serialised as a NumPy {@code .npz}.
 */
final class Shard implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int partition;
    private final int rows;
    private transient Map<String, Tensor> columns;

    Shard(int partition, int rows, Map<String, Tensor> columns) {
        this.partition = partition;
        this.rows = rows;
        this.columns = columns;
    }

    int partition() {
        return partition;
    }

    int rows() {
        return rows;
    }

    /**
     * The rows a step uses: the shard is cut into windows of {@code rowsPerStep} rows (the last
     * one shorter), and step {@code s} takes window {@code s mod windows}.
     *
     * @return {@code {from, to}}; empty for an empty shard
     */
    static int[] window(int rows, long step, int rowsPerStep) {
        if (rows == 0) {
            return new int[] {0, 0};
        }
        int windows = (rows + rowsPerStep - 1) / rowsPerStep;
        int from = Math.toIntExact(step % windows) * rowsPerStep;
        return new int[] {from, Math.min(from + rowsPerStep, rows)};
    }

    /** Returns rows {@code from .. to - 1} of every column, by column name. */
    Map<String, Tensor> slice(int from, int to) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        columns.forEach((name, t) -> out.put(name, sliceRows(t, from, to)));
        return out;
    }

    private static Tensor sliceRows(Tensor t, int from, int to) {
        long[] dims = t.shape().dims();
        int per = Math.toIntExact(t.size() / Math.max(1, dims[0]));
        dims[0] = to - from;
        Shape shape = Shape.of(dims);
        int a = from * per;
        int b = to * per;
        DType dtype = t.dtype();
        return switch (dtype) {
            case FLOAT32 -> Tensor.of(Arrays.copyOfRange(t.toFloatArray(), a, b), shape);
            case FLOAT64 -> Tensor.of(Arrays.copyOfRange(t.toDoubleArray(), a, b), shape);
            case INT32 -> Tensor.of(Arrays.copyOfRange(t.toIntArray(), a, b), shape);
            case INT64 -> Tensor.of(Arrays.copyOfRange(t.toLongArray(), a, b), shape);
            case BOOL -> Tensor.of(Arrays.copyOfRange(t.toBooleanArray(), a, b), shape);
        };
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeObject(npz(columns));
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        columns = npz((byte[]) in.readObject());
    }

    /** Tensors by name as {@code .npz} bytes: how tensors travel between driver and executors. */
    static byte[] npz(Map<String, Tensor> tensors) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Npz.write(tensors, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads what {@link #npz(Map)} wrote. */
    static Map<String, Tensor> npz(byte[] bytes) {
        try {
            return Npz.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
