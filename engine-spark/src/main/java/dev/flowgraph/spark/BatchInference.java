package dev.flowgraph.spark;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.flowgraph.Tensor;
import dev.flowgraph.io.ModelBundle;
import dev.flowgraph.io.Signature;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Runs a saved model over a Spark {@code Dataset<Row>}: every row gets the signature's outputs
 * as new columns. The bundle's bytes are broadcast, so executors need no shared file system; each
 * partition loads the bundle once, opens one session and feeds it mini-batches of rows.
 *
 * <p>Each input of the signature is read from the column of the same name: a placeholder of
 * shape {@code [-1]} from a column of numbers, one of shape {@code [-1, d...]} from a column of
 * arrays of {@code d...} values in row-major order; the Spark element type must be the dtype's
 * ({@code float} for FLOAT32, {@code double}, {@code int}, {@code bigint}, {@code boolean}).
 * Columns are checked against the signature on the driver, before any job starts; a row that
 * does not fit (a null, an array of the wrong length) fails its task with a
 * {@link SparkDataException} naming the partition, the row's index in it and the column.
 *
 * <pre>{@code
 * byte[] bundle = Files.readAllBytes(Path.of("mnist.fgbundle"));
 * Dataset<Row> images = spark.read().parquet("images.parquet");   // column images: array<float>
 * Dataset<Row> scored = BatchInference.run(images, bundle, "serve", 256);
 * scored.select("id", "predicted").show();
 * }</pre>
 */
public final class BatchInference {
    private BatchInference() {}

    /**
     * Adds a signature's outputs to every row of a dataset.
     *
     * @param input the rows, with a column for every input of the signature
     * @param bundle the bytes of a model bundle ({@link ModelBundle#save(java.io.OutputStream,
     *     dev.flowgraph.Session, Signature...)})
     * @param signature the signature to run
     * @param batchSize the rows fed to the session at a time
     * @return the input's columns followed by one column per output of the signature (lazy: the
     *     job runs when the result is used)
     * @throws SparkDataException if a column is missing or has the wrong type, or an output
     *     cannot be a column; no job was started
     * @throws dev.flowgraph.InvalidRunException if the bundle has no such signature
     * @throws UncheckedIOException if the bytes are not a model bundle
     */
    public static Dataset<Row> run(Dataset<Row> input, byte[] bundle, String signature, int batchSize) {
        checkNotNull(input, "input");
        checkNotNull(bundle, "bundle");
        checkNotNull(signature, "signature");
        checkArgument(batchSize >= 1, "batchSize must be at least 1 but is %s", batchSize);
        Plan plan = plan(bundle, signature, input.schema());
        StructType schema = input.schema();
        for (ColumnSpec out : plan.outputs) {
            schema = schema.add(new StructField(out.column(), out.sparkType(), false,
                    Metadata.empty()));
        }
        SparkSession spark = input.sparkSession();
        Broadcast<byte[]> shared = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(bundle);
        JavaRDD<Row> rows = input.javaRDD().mapPartitionsWithIndex(
                (partition, it) -> score(shared.value(), plan, partition, it, batchSize), true);
        return spark.createDataFrame(rows, schema);
    }

    /**
     * Adds a signature's outputs to every row of an RDD, as {@link #run(Dataset, byte[], String, int)}
     * does to a dataset.
     *
     * @param rows the rows
     * @param schema the rows' columns, with a column for every input of the signature
     * @param bundle the bytes of a model bundle
     * @param signature the signature to run
     * @param batchSize the rows fed to the session at a time
     * @return the rows with one more value per output of the signature, after the row's own
     * @throws SparkDataException if a column is missing or has the wrong type; no job was started
     */
    public static JavaRDD<Row> run(JavaRDD<Row> rows, StructType schema, byte[] bundle, String signature,
            int batchSize) {
        checkNotNull(rows, "rows");
        checkNotNull(schema, "schema");
        // getOrCreate finds the session (or makes one) over the SparkContext the rows live in.
        SparkSession spark = SparkSession.builder().config(rows.context().getConf()).getOrCreate();
        return run(spark.createDataFrame(rows, schema), bundle, signature, batchSize).javaRDD();
    }

    /** What a partition needs: the signature, and where its inputs are and outputs go. */
    private record Plan(String signature, List<ColumnSpec> inputs, int[] fields, List<ColumnSpec> outputs)
            implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }

    private static Plan plan(byte[] bundle, String signature, StructType schema) {
        try (ModelBundle model = load(bundle)) {
            Signature s = model.signatures().get(signature);
            if (s == null) {
                throw new dev.flowgraph.InvalidRunException("The bundle has no signature '" + signature
                        + "' (it has " + model.signatures().keySet() + ")");
            }
            List<ColumnSpec> inputs = new ArrayList<>();
            int[] fields = new int[s.inputs().size()];
            String what = "Batch inference with signature '" + signature + "'";
            for (Map.Entry<String, String> e : s.inputs().entrySet()) {
                ColumnSpec spec = ColumnSpec.of(e.getKey(), model.graph().output(e.getValue()));
                spec.checkIn(schema, what);
                fields[inputs.size()] = schema.fieldIndex(e.getKey());
                inputs.add(spec);
            }
            List<ColumnSpec> outputs = new ArrayList<>();
            for (Map.Entry<String, String> e : s.outputs().entrySet()) {
                if (Arrays.asList(schema.fieldNames()).contains(e.getKey())) {
                    throw new SparkDataException(what + ": output '" + e.getKey()
                            + "' would replace the input column of the same name; rename or drop the column first");
                }
                outputs.add(ColumnSpec.of(e.getKey(), model.graph().output(e.getValue())));
            }
            return new Plan(signature, inputs, fields, outputs);
        }
    }

    /** Loads a bundle from its bytes; the caller closes it. */
    static ModelBundle load(byte[] bundle) {
        try {
            return ModelBundle.load(new ByteArrayInputStream(bundle));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the model bundle (" + bundle.length + " bytes)", e);
        }
    }

    /** Scores one partition: one bundle and session, batches of rows in, rows with outputs out. */
    private static Iterator<Row> score(byte[] bundle, Plan plan, int partition, Iterator<Row> it, int batchSize) {
        List<Row> out = new ArrayList<>();
        if (!it.hasNext()) {
            return out.iterator();
        }
        try (ModelBundle model = load(bundle)) {
            List<Row> batch = new ArrayList<>(batchSize);
            long first = 0;
            while (it.hasNext()) {
                batch.add(it.next());
                if (batch.size() == batchSize || !it.hasNext()) {
                    Map<String, Tensor> feeds = new LinkedHashMap<>();
                    for (int i = 0; i < plan.inputs.size(); i++) {
                        ColumnSpec spec = plan.inputs.get(i);
                        feeds.put(spec.column(), RowTensors.stack(batch, plan.fields[i], spec, partition, first));
                    }
                    Map<String, Tensor> results = model.run(plan.signature, feeds);
                    List<Object[]> columns = new ArrayList<>();
                    for (ColumnSpec spec : plan.outputs) {
                        columns.add(RowTensors.rowValues(results.get(spec.column()), spec));
                    }
                    for (int r = 0; r < batch.size(); r++) {
                        Row row = batch.get(r);
                        Object[] values = new Object[row.length() + columns.size()];
                        for (int c = 0; c < row.length(); c++) {
                            values[c] = row.get(c);
                        }
                        for (int c = 0; c < columns.size(); c++) {
                            values[row.length() + c] = columns.get(c)[r];
                        }
                        out.add(RowFactory.create(values));
                    }
                    first += batch.size();
                    batch.clear();
                }
            }
        }
        return out.iterator();
    }
}
