package dev.flowgraph.spark.examples;

import dev.flowgraph.Graph;
import dev.flowgraph.Output;
import dev.flowgraph.Session;
import dev.flowgraph.Tensor;
import dev.flowgraph.examples.mnist.ImageSet;
import dev.flowgraph.examples.mnist.MnistDataException;
import dev.flowgraph.examples.mnist.MnistDataset;
import dev.flowgraph.examples.mnist.MnistModel;
import dev.flowgraph.io.ModelBundle;
import dev.flowgraph.io.Signature;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.optimizers.Adam;
import dev.flowgraph.spark.BatchInference;
import dev.flowgraph.spark.DataParallelTrainer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Trains the Mnist example's 784-128-10 MLP on Spark: synchronous data-parallel Adam over 4
 * partitions of {@code local[2]} (32 images from each partition per step, 128 in all, as the
 * single-machine example), then scores the test images with {@link BatchInference} and prints
 * the accuracy. Each partition reads its slice of the IDX files itself, as executors of a real
 * cluster would read theirs from a shared file system.
 *
 * <pre>{@code
 * mvn -q -pl engine-spark -am compile exec:exec -Dexamples.skip=true -DsparkMnist.args="../shared/datasets/mnist"
 * }</pre>
 *
 * <p>Arguments: the data directory (default: Fashion-MNIST in /usr/share/datasets/fashion-mnist),
 * then optionally {@code --epochs N} (default 10 on the 8,000-image split of the test files, 5 on
 * a full training set).
 */
public final class SparkMnist {
    /** The partitions the training rows are spread over. */
    public static final int PARTITIONS = 4;
    /** The images each partition contributes to a step. */
    public static final int ROWS_PER_PARTITION = 32;

    private static final StructType SCHEMA = new StructType()
            .add(MnistModel.IMAGES, DataTypes.createArrayType(DataTypes.FloatType, false), false)
            .add(MnistModel.LABELS, DataTypes.LongType, false);

    private SparkMnist() {}

    /**
     * What a run measured.
     *
     * @param accuracy the test accuracy, from 0 to 1
     * @param steps the synchronous steps taken
     * @param meanStepMillis the mean wall time of a step on the driver
     */
    public record Report(double accuracy, long steps, double meanStepMillis) {}

    /**
     * Runs the example on {@code local[2]}, or on the cluster {@code spark-submit} names, and
     * prints its progress and accuracy.
     *
     * @param args the data directory, then optionally {@code --epochs N}
     * @throws MnistDataException if the data cannot be read
     */
    public static void main(String[] args) throws MnistDataException {
        Path dir = args.length > 0 ? Path.of(args[0]) : MnistDataset.DEFAULT_DIRECTORY;
        int epochs = args.length > 2 && args[1].equals("--epochs") ? Integer.parseInt(args[2]) : 0;
        SparkSession.Builder builder = SparkSession.builder().appName("SparkMnist")
                .config("spark.ui.showConsoleProgress", "false");
        // spark-submit passes its --master as this property; run alone, the example is its own
        // local[2] cluster on the loopback address, without a UI.
        if (System.getProperty("spark.master") == null) {
            builder.master("local[2]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1");
        }
        SparkSession spark = builder.getOrCreate();
        try {
            run(System.out, spark, dir, epochs);
        } finally {
            spark.stop();
        }
    }

    /**
     * Trains and evaluates the MLP.
     *
     * @param out where progress goes
     * @param spark the session to run on
     * @param dir the data directory
     * @param epochs the epochs, or 0 for the default
     * @return the accuracy and step count
     * @throws MnistDataException if the data cannot be read
     */
    public static Report run(PrintStream out, SparkSession spark, Path dir, int epochs) throws MnistDataException {
        MnistDataset data = MnistDataset.load(dir);
        int epochCount = epochs > 0 ? epochs : data.splitFromTestFiles() ? 10 : 5;
        out.printf(Locale.ROOT, "%s: training on %,d images over %d partitions, testing on %,d%n", dir,
                data.train().size(), PARTITIONS, data.test().size());
        Dataset<Row> train = rows(spark, dir.toAbsolutePath().toString(), true, data.train().size());
        Dataset<Row> test = rows(spark, dir.toAbsolutePath().toString(), false, data.test().size());
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.on(g);
            MnistModel model = MnistModel.build(tf, MnistModel.Architecture.MLP, 1e-3, 42);
            model.initialize(s);
            Output images = g.output(MnistModel.IMAGES);
            Output labels = g.output(MnistModel.LABELS);
            long steps;
            long started = System.nanoTime();
            try (DataParallelTrainer trainer = new DataParallelTrainer(s, new Adam(1e-3), model.loss(),
                    Map.of(MnistModel.IMAGES, images, MnistModel.LABELS, labels), train, ROWS_PER_PARTITION)) {
                int largest = IntStream.of(trainer.partitionRows()).max().orElse(0);
                int perEpoch = (largest + ROWS_PER_PARTITION - 1) / ROWS_PER_PARTITION;
                started = System.nanoTime();
                for (int epoch = 1; epoch <= epochCount; epoch++) {
                    double sum = 0;
                    for (int i = 0; i < perEpoch; i++) {
                        sum += trainer.step();
                    }
                    out.printf(Locale.ROOT, "epoch %d: mean loss %.4f%n", epoch, sum / perEpoch);
                }
                steps = trainer.steps();
                DataParallelTrainer.StepTimes t = trainer.stepTimes();
                out.printf(Locale.ROOT, "a step: %.1f ms on the driver = %.1f ms job (broadcast, %d tasks, aggregate)"
                        + " + %.1f ms update; a task: %.1f ms restoring the variables (and loading the model, on first use) + %.1f ms gradients%n",
                        t.wallNanos() / 1e6 / steps, t.jobNanos() / 1e6 / steps, PARTITIONS,
                        t.updateNanos() / 1e6 / steps, t.taskLoadNanos() / 1e6 / steps / PARTITIONS,
                        t.taskComputeNanos() / 1e6 / steps / PARTITIONS);
            }
            double stepMillis = (System.nanoTime() - started) / 1e6 / steps;
            ByteArrayOutputStream bundle = new ByteArrayOutputStream();
            try {
                ModelBundle.save(bundle, s, Signature.of("classify", Map.of(MnistModel.IMAGES, images),
                        Map.of(MnistModel.PREDICTED, g.output(MnistModel.PREDICTED))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Dataset<Row> scored = BatchInference.run(test, bundle.toByteArray(), "classify", 256);
            long correct = scored.filter(scored.col(MnistModel.PREDICTED).equalTo(scored.col(MnistModel.LABELS)))
                    .count();
            double accuracy = (double) correct / data.test().size();
            out.printf(Locale.ROOT, "MLP on Spark: %d steps (%.1f ms each), test accuracy %.2f%%%n", steps,
                    stepMillis, 100 * accuracy);
            return new Report(accuracy, steps, stepMillis);
        }
    }

    /**
     * The training or test images as rows of {@code images} (784 floats in [0, 1]) and
     * {@code labels}, in {@link #PARTITIONS} partitions of consecutive images; each partition
     * reads the files and keeps its own slice.
     */
    private static Dataset<Row> rows(SparkSession spark, String dir, boolean training, int size) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Integer> partitions = IntStream.range(0, PARTITIONS).boxed().toList();
        JavaRDD<Row> rdd = jsc.parallelize(partitions, PARTITIONS).mapPartitions(it -> {
            List<Row> rows = new ArrayList<>();
            while (it.hasNext()) {
                int p = it.next();
                MnistDataset data = MnistDataset.load(Path.of(dir));
                ImageSet set = training ? data.train() : data.test();
                int[] indices = IntStream.range(p * size / PARTITIONS, (p + 1) * size / PARTITIONS).toArray();
                rows.addAll(toRows(set.images(indices), set.labels(indices)));
            }
            return rows.iterator();
        });
        return spark.createDataFrame(rdd, SCHEMA);
    }

    private static List<Row> toRows(Tensor images, Tensor labels) {
        float[] pixels = images.toFloatArray();
        long[] classes = labels.toLongArray();
        int per = Math.toIntExact(images.shape().dim(1));
        List<Row> rows = new ArrayList<>(classes.length);
        for (int i = 0; i < classes.length; i++) {
            List<Float> row = new ArrayList<>(per);
            for (int k = 0; k < per; k++) {
                row.add(pixels[i * per + k]);
            }
            rows.add(RowFactory.create(CollectionConverters.asScala(row).toSeq(), classes[i]));
        }
        return rows;
    }
}
