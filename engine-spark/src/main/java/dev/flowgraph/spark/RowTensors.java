package dev.flowgraph.spark;

import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import scala.jdk.javaapi.CollectionConverters;
import org.apache.spark.sql.Row;

/** Converts between Spark rows and the tensors of {@link ColumnSpec}s, in both directions. */
final class RowTensors {
    private RowTensors() {}

    /**
     * Stacks one column of rows into a tensor {@code [rows.size(), rowShape...]}.
     *
     * @param rows the rows
     * @param field the column's index in the rows
     * @param spec the column
     * @param partition the rows' partition, for messages
     * @param firstRow the index of {@code rows.get(0)} in its partition, for messages
     * @throws SparkDataException naming the partition, the row's index and the column if a value
     *     is null or an array has the wrong number of values
     */
    static Tensor stack(List<Row> rows, int field, ColumnSpec spec, int partition, long firstRow) {
        int per = spec.valuesPerRow();
        int n = rows.size();
        long[] dims = new long[spec.rowShape().length + 1];
        dims[0] = n;
        System.arraycopy(spec.rowShape(), 0, dims, 1, spec.rowShape().length);
        Shape shape = Shape.of(dims);
        switch (spec.dtype()) {
            case FLOAT32 -> {
                float[] data = new float[n * per];
                fill(rows, field, spec, partition, firstRow, (i, v) -> data[i] = (Float) v);
                return Tensor.of(data, shape);
            }
            case FLOAT64 -> {
                double[] data = new double[n * per];
                fill(rows, field, spec, partition, firstRow, (i, v) -> data[i] = (Double) v);
                return Tensor.of(data, shape);
            }
            case INT32 -> {
                int[] data = new int[n * per];
                fill(rows, field, spec, partition, firstRow, (i, v) -> data[i] = (Integer) v);
                return Tensor.of(data, shape);
            }
            case INT64 -> {
                long[] data = new long[n * per];
                fill(rows, field, spec, partition, firstRow, (i, v) -> data[i] = (Long) v);
                return Tensor.of(data, shape);
            }
            case BOOL -> {
                boolean[] data = new boolean[n * per];
                fill(rows, field, spec, partition, firstRow, (i, v) -> data[i] = (Boolean) v);
                return Tensor.of(data, shape);
            }
        }
        throw new AssertionError(spec.dtype());
    }

    /** Stores one value at a flat index of a tensor's data. */
    private interface Sink {
        void put(int index, Object value);
    }

    private static void fill(List<Row> rows, int field, ColumnSpec spec, int partition, long firstRow, Sink sink) {
        int per = spec.valuesPerRow();
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            if (row.isNullAt(field)) {
                throw badRow(spec, partition, firstRow + r, "is null");
            }
            if (spec.scalarPerRow()) {
                sink.put(r, row.get(field));
                continue;
            }
            List<Object> values = row.getList(field);
            if (values.size() != per) {
                throw badRow(spec, partition, firstRow + r, "holds " + values.size() + " values but " + per
                        + " are needed");
            }
            for (int k = 0; k < per; k++) {
                Object v = values.get(k);
                if (v == null) {
                    throw badRow(spec, partition, firstRow + r, "has a null at position " + k);
                }
                sink.put(r * per + k, v);
            }
        }
    }

    private static SparkDataException badRow(ColumnSpec spec, int partition, long row, String what) {
        return new SparkDataException("Row " + row + " of partition " + partition + ": column '" + spec.column()
                + "' " + what + " (it feeds '" + spec.address() + "', " + spec.describe() + ")");
    }

    /**
     * Splits a tensor {@code [rows, rowShape...]} into column values, one per row: a boxed number
     * for a rank-1 tensor, otherwise a Scala sequence of the row's values in row-major order.
     */
    static Object[] rowValues(Tensor t, ColumnSpec spec) {
        IntFunction<Object> flat = switch (spec.dtype()) {
            case FLOAT32 -> {
                float[] a = t.toFloatArray();
                yield i -> a[i];
            }
            case FLOAT64 -> {
                double[] a = t.toDoubleArray();
                yield i -> a[i];
            }
            case INT32 -> {
                int[] a = t.toIntArray();
                yield i -> a[i];
            }
            case INT64 -> {
                long[] a = t.toLongArray();
                yield i -> a[i];
            }
            case BOOL -> {
                boolean[] a = t.toBooleanArray();
                yield i -> a[i];
            }
        };
        int per = spec.valuesPerRow();
        Object[] rows = new Object[Math.toIntExact(t.shape().dim(0))];
        for (int r = 0; r < rows.length; r++) {
            if (spec.scalarPerRow()) {
                rows[r] = flat.apply(r);
            } else {
                Object[] row = new Object[per];
                for (int k = 0; k < per; k++) {
                    row[k] = flat.apply(r * per + k);
                }
                // A Scala Seq: what Spark's row encoder takes for an array column.
                rows[r] = CollectionConverters.asScala(Arrays.asList(row)).toSeq();
            }
        }
        return rows;
    }
}
