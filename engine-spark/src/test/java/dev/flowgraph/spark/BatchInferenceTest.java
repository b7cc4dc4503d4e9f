package dev.flowgraph.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.Output;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.io.ModelBundle;
import dev.flowgraph.io.Signature;
import dev.flowgraph.ops.Ops;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BatchInferenceTest {
    private static byte[] bundle;

    /** score = x·[1, 10, 100] + offset (FLOAT32 per row), doubled = 2x (an array per row). */
    @BeforeAll
    static void saveModel() throws Exception {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.on(g);
            Output x = tf.placeholder("x", DType.FLOAT32, Shape.of(-1, 3));
            Output offset = tf.placeholder("offset", DType.FLOAT32, Shape.of(-1));
            Output weights = tf.constant(Tensor.vector(1f, 10f, 100f));
            Output score = tf.add(tf.sum(tf.mul(x, weights), new int[] {1}, false), offset);
            Output doubled = tf.mul(x, tf.constant(2f));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Map<String, Output> outputs = new LinkedHashMap<>();
            outputs.put("score", score);
            outputs.put("doubled", doubled);
            ModelBundle.save(out, s, Signature.of("serve", Map.of("x", x, "offset", offset), outputs));
            bundle = out.toByteArray();
        }
    }

    private static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.LongType)
            .add("x", DataTypes.createArrayType(DataTypes.FloatType))
            .add("offset", DataTypes.FloatType);

    private static Row row(long id, float offset, Float... x) {
        return RowFactory.create(id, Arrays.asList(x), offset);
    }

    private static Dataset<Row> data(List<Row> rows) {
        return LocalSpark.session().createDataFrame(rows, SCHEMA).repartition(2);
    }

    @Test
    void addsEveryOutputToEveryRowAcrossPartitionsAndBatches() {
        List<Row> rows = List.of(row(0, 0f, 1f, 2f, 3f), row(1, 0.5f, 0f, 0f, 1f), row(2, -1f, 4f, 0f, 0f),
                row(3, 0f, 0f, 1f, 0f), row(4, 1000f, 1f, 1f, 1f));
        // Batches of 2 rows: partitions of 2 or 3 rows get a last, shorter batch.
        List<Row> scored = BatchInference.run(data(rows), bundle, "serve", 2).orderBy("id").collectAsList();

        // score = x0 + 10 x1 + 100 x2 + offset: 1+20+300 = 321; 100+0.5; 4-1 = 3; 10; 111+1000
        assertEquals(List.of(321f, 100.5f, 3f, 10f, 1111f),
                scored.stream().map(r -> r.getFloat(r.fieldIndex("score"))).toList());
        assertEquals(List.of(2f, 4f, 6f), scored.get(0).getList(scored.get(0).fieldIndex("doubled")));
        assertEquals(List.of("id", "x", "offset", "score", "doubled"),
                List.of(scored.get(0).schema().fieldNames()));
    }

    @Test
    void scoresAJavaRddGivenItsSchema() {
        List<Row> rows = List.of(row(7, 0f, 1f, 2f, 3f), row(8, 1f, 0f, 0f, 1f));
        JavaRDD<Row> rdd = JavaSparkContext.fromSparkContext(LocalSpark.session().sparkContext())
                .parallelize(data(rows).collectAsList(), 2);

        List<Row> scored = BatchInference.run(rdd, SCHEMA, bundle, "serve", 4).collect();

        // Each row keeps its 3 values and gains score then doubled: 321 as above; 100 + 1 = 101.
        assertEquals(List.of(7L, 8L), scored.stream().map(r -> r.getLong(0)).sorted().toList());
        assertEquals(List.of(321f, 101f), scored.stream().sorted(java.util.Comparator.comparing(r -> r.getLong(0)))
                .map(r -> r.getFloat(3)).toList());
    }

    @Test
    void aMissingColumnIsNamedBeforeAnyJob() {
        Dataset<Row> noOffset = data(List.of(row(0, 0f, 1f, 2f, 3f))).drop("offset");

        SparkDataException e = assertThrows(SparkDataException.class,
                () -> BatchInference.run(noOffset, bundle, "serve", 2));
        assertEquals("Batch inference with signature 'serve' needs the column 'offset' for 'offset:0',"
                        + " float32[-1] (float per row), but the data has only [id, x]",
                e.getMessage());
    }

    @Test
    void aColumnOfTheWrongTypeIsNamedBeforeAnyJob() {
        Dataset<Row> doubles = data(List.of(row(0, 0f, 1f, 2f, 3f)))
                .withColumn("x", org.apache.spark.sql.functions.col("x").cast("array<double>"));

        SparkDataException e = assertThrows(SparkDataException.class,
                () -> BatchInference.run(doubles, bundle, "serve", 2));
        assertEquals("Batch inference with signature 'serve': column 'x' is array<double> but 'x:0' is"
                        + " float32[-1, 3] (array<float> per row); cast the column first (nothing is converted"
                        + " silently)", e.getMessage());
    }

    @Test
    void aBadRowFailsTheJobNamingItsPartitionIndexAndColumn() {
        List<Row> rows = List.of(row(0, 0f, 1f, 2f, 3f), row(1, 0f, 1f, 2f), row(2, 0f, 1f, 2f, 3f));
        Dataset<Row> one = LocalSpark.session().createDataFrame(rows, SCHEMA).coalesce(1);

        SparkException failure = assertThrows(SparkException.class,
                () -> BatchInference.run(one, bundle, "serve", 2).collectAsList());

        assertTrue(failure.getMessage().contains("SparkDataException: Row 1 of partition 0: column 'x' holds 2 values but 3"
                        + " are needed (it feeds 'x:0', float32[-1, 3] (array<float> per row))"),
                failure.getMessage());
    }
}
