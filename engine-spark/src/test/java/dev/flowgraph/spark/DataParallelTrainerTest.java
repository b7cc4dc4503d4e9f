package dev.flowgraph.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.train.Initializers;
import dev.flowgraph.optimizers.Adam;
import dev.flowgraph.optimizers.GradientDescent;
import dev.flowgraph.optimizers.Optimizer;
import java.util.ArrayList;
import scala.jdk.javaapi.CollectionConverters;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class DataParallelTrainerTest {
    private static final StructType SCHEMA = new StructType()
            .add("x", DataTypes.createArrayType(DataTypes.FloatType, false), false)
            .add("y", DataTypes.FloatType, false);

    /** Eight rows of y = 3 x0 - 2 x1 + 1 plus a little noise, so that the loss never reaches 0. */
    private static final float[][] X = {{0, 1}, {1, 0}, {1, 1}, {2, 1}, {0.5f, -1}, {-1, 2}, {3, 0.25f}, {-2, -2}};
    private static final float[] Y = {-0.9f, 4.1f, 2.05f, 4.9f, 4.4f, -5.95f, 9.6f, 3.1f};

    /** A linear model y = x·w + b with a mean squared error, as the trainer and minimize see it. */
    private record Model(Graph graph, Session session, Output x, Output y, Output loss) implements AutoCloseable {
        static Model build() {
            Graph g = new Graph();
            Ops tf = Ops.on(g);
            Output x = tf.placeholder("x", DType.FLOAT32, Shape.of(-1, 2));
            Output y = tf.placeholder("y", DType.FLOAT32, Shape.of(-1));
            Output w = tf.variable("w", DType.FLOAT32, Shape.of(2, 1), Initializers.randomNormal(0, 1, 7)).output();
            Output b = tf.variable("b", DType.FLOAT32, Shape.of(1), Initializers.zeros()).output();
            Output predicted = tf.reshape(tf.add(tf.matMul(x, w), b), -1);
            Output loss = tf.mean(tf.square(tf.sub(predicted, y)));
            Session s = new Session(g);
            s.runner().addTarget(tf.initAllVariables()).run();
            return new Model(g, s, x, y, loss);
        }

        Map<String, Tensor> variables() {
            return Map.of("w", session.variableValues().get("w"), "b", session.variableValues().get("b"));
        }

        @Override
        public void close() {
            session.close();
            graph.close();
        }
    }

    private static Dataset<Row> rows(int partitions) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < X.length; i++) {
            rows.add(RowFactory.create(CollectionConverters.asScala(List.of(X[i][0], X[i][1])).toSeq(), Y[i]));
        }
        // parallelize cuts the list into contiguous slices, so partition p holds known rows.
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(LocalSpark.session().sparkContext());
        return LocalSpark.session().createDataFrame(jsc.parallelize(rows, partitions), SCHEMA);
    }

    private static Tensor xOf(int... rows) {
        float[] data = new float[rows.length * 2];
        for (int i = 0; i < rows.length; i++) {
            data[2 * i] = X[rows[i]][0];
            data[2 * i + 1] = X[rows[i]][1];
        }
        return Tensor.of(data, Shape.of(rows.length, 2));
    }

    private static Tensor yOf(int... rows) {
        float[] data = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            data[i] = Y[rows[i]];
        }
        return Tensor.of(data, Shape.of(rows.length));
    }

    private static int[] range(int from, int to) {
        return java.util.stream.IntStream.range(from, to).toArray();
    }

    /** Trains in one session with optimizer.minimize on the given batches of row indices. */
    private static Model minimizeOn(Supplier<Optimizer> optimizer, List<int[]> batches) {
        Model m = Model.build();
        Node step = optimizer.get().minimize(m.loss());
        m.session().runner().addTarget(Ops.on(m.graph()).initAllVariables()).run();
        for (int[] batch : batches) {
            m.session().runner().feed(m.x(), xOf(batch)).feed(m.y(), yOf(batch)).addTarget(step).run();
        }
        return m;
    }

    private static DataParallelTrainer trainer(Model m, Optimizer optimizer, int partitions, int rowsPerPartition) {
        return new DataParallelTrainer(m.session(), optimizer, m.loss(), Map.of("x", m.x(), "y", m.y()),
                rows(partitions), rowsPerPartition);
    }

    @Test
    void onePartitionEqualsMinimizeOnTheSameBatchesBitForBit() {
        // Windows of 3 over 8 rows: [0,3), [3,6), [6,8), then [0,3) and [3,6) again.
        List<int[]> batches = List.of(range(0, 3), range(3, 6), range(6, 8), range(0, 3), range(3, 6));
        try (Model single = minimizeOn(() -> new Adam(0.1), batches); Model spark = Model.build();
                DataParallelTrainer trainer = trainer(spark, new Adam(0.1), 1, 3)) {
            for (int i = 0; i < batches.size(); i++) {
                trainer.step();
            }
            assertEquals(5, trainer.steps());
            assertEquals(single.variables(), spark.variables());
        }
    }

    @Test
    void twoPartitionsTakeTheGradientOfTheWholeStepsMean() {
        // Partitions hold rows 0-3 and 4-7; with 2 rows each, step s takes rows 2s, 2s+1 of both.
        List<int[]> batches = List.of(new int[] {0, 1, 4, 5}, new int[] {2, 3, 6, 7}, new int[] {0, 1, 4, 5});
        try (Model single = minimizeOn(() -> new GradientDescent(0.05), batches); Model spark = Model.build();
                DataParallelTrainer trainer = trainer(spark, new GradientDescent(0.05), 2, 2)) {
            double firstLoss = trainer.step();
            trainer.step();
            trainer.step();
            // Each partition's gradient is weighted by 2/4 and the two summed in float64, where
            // minimize takes the mean over 4 rows in float32: equal to float32 rounding.
            assertArrayEquals(single.variables().get("w").toFloatArray(), spark.variables().get("w").toFloatArray(),
                    1e-5f);
            assertArrayEquals(single.variables().get("b").toFloatArray(), spark.variables().get("b").toFloatArray(),
                    1e-5f);
            try (Model fresh = Model.build()) {
                double expected = fresh.session().runner().feed(fresh.x(), xOf(0, 1, 4, 5))
                        .feed(fresh.y(), yOf(0, 1, 4, 5)).fetch(fresh.loss()).run().get(0).getDouble();
                assertEquals(expected, firstLoss, 1e-5 * Math.abs(expected));
            }
        }
    }

    @Test
    void oneAveragingRoundOnOnePartitionEqualsItsLocalStepsBitForBit() {
        List<int[]> batches = List.of(range(0, 4), range(4, 8), range(0, 4));
        try (Model single = minimizeOn(() -> new Adam(0.1), batches); Model spark = Model.build();
                DataParallelTrainer trainer = trainer(spark, new Adam(0.1), 1, 4)) {
            trainer.averagingRound(3);
            assertEquals(3, trainer.steps());
            assertEquals(single.variables(), spark.variables());
        }
    }

    @Test
    void averagingTwoPartitionsTakesTheMeanOfTheirVariables() {
        // Partition 0 trains alone on rows 0-1 then 2-3, partition 1 on rows 4-5 then 6-7.
        try (Model p0 = minimizeOn(() -> new GradientDescent(0.05), List.of(range(0, 2), range(2, 4)));
                Model p1 = minimizeOn(() -> new GradientDescent(0.05), List.of(range(4, 6), range(6, 8)));
                Model spark = Model.build();
                DataParallelTrainer trainer = trainer(spark, new GradientDescent(0.05), 2, 2)) {
            trainer.averagingRound(2);
            float[] a = p0.variables().get("w").toFloatArray();
            float[] b = p1.variables().get("w").toFloatArray();
            // (a + b) / 2 in float64, rounded once to float32: what the driver computes.
            float[] mean = {(float) (((double) a[0] + b[0]) / 2), (float) (((double) a[1] + b[1]) / 2)};
            assertArrayEquals(mean, spark.variables().get("w").toFloatArray());
        }
    }

    /** Set by a test to make the next first attempt of a task reading the rows fail. */
    private static final AtomicBoolean FAIL_NEXT_FIRST_ATTEMPT = new AtomicBoolean();

    @Test
    void aRetriedTaskDoesNotApplyItsStepTwice() {
        List<int[]> batches = List.of(range(0, 4), range(4, 8), range(0, 4));
        Dataset<Row> plain = rows(1);
        JavaRDD<Row> failingOnce = plain.javaRDD().map(r -> {
            if (TaskContext.get().attemptNumber() == 0 && FAIL_NEXT_FIRST_ATTEMPT.getAndSet(false)) {
                throw new IllegalStateException("an executor lost in the middle of a step");
            }
            return r;
        });
        Dataset<Row> data = LocalSpark.session().createDataFrame(failingOnce, SCHEMA);
        try (Model single = minimizeOn(() -> new Adam(0.1), batches); Model spark = Model.build();
                DataParallelTrainer trainer = new DataParallelTrainer(spark.session(), new Adam(0.1), spark.loss(),
                        Map.of("x", spark.x(), "y", spark.y()), data, 4)) {
            trainer.step();
            // Drop the cached rows so that step 2's task reads them again, and fail its first attempt.
            JavaSparkContext.fromSparkContext(LocalSpark.session().sparkContext()).getPersistentRDDs().values()
                    .forEach(rdd -> rdd.unpersist(true));
            FAIL_NEXT_FIRST_ATTEMPT.set(true);
            trainer.step();
            trainer.step();

            assertFalse(FAIL_NEXT_FIRST_ATTEMPT.get(), "no task failed");
            assertEquals(3, trainer.steps());
            assertEquals(single.variables(), spark.variables());
        }
    }

    @Test
    void dataWithNoRowsIsRefused() {
        try (Model m = Model.build()) {
            SparkDataException e = assertThrows(SparkDataException.class, () -> new DataParallelTrainer(m.session(),
                    new Adam(0.1), m.loss(), Map.of("x", m.x(), "y", m.y()), rows(2).filter("y > 1000"), 4));
            assertEquals("Training needs rows, but all 2 partitions of the data are empty", e.getMessage());
        }
    }

    @Test
    void aMissingColumnIsNamedBeforeAnyJob() {
        try (Model m = Model.build()) {
            SparkDataException e = assertThrows(SparkDataException.class, () -> new DataParallelTrainer(m.session(),
                    new Adam(0.1), m.loss(), Map.of("x", m.x(), "label", m.y()), rows(1), 4));
            assertEquals("Training needs the column 'label' for 'y:0', float32[-1] (float per row), but the data has"
                    + " only [x, y]", e.getMessage());
        }
    }
}
