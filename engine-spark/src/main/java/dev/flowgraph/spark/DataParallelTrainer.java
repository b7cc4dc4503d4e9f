package dev.flowgraph.spark;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.flowgraph.DType;
import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Runner;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.io.ModelBundle;
import dev.flowgraph.io.Signature;
import dev.flowgraph.optimizers.GradientAndVariable;
import dev.flowgraph.optimizers.Optimizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Synchronous data-parallel training of a graph on Spark: the rows are split over the
 * partitions of a dataset, and every step each partition computes the gradients of the loss on
 * its share of the step's rows; the gradients are summed with {@code treeAggregate} and the
 * driver applies the optimizer's update to its own session. Variables live on the driver; each
 * step broadcasts their values, so a retried task recomputes the same gradients and an update is
 * applied exactly once, after the aggregate. The graph travels once, as a model bundle; each
 * executor keeps the models it loaded between steps and only restores the variables.
 *
 * <p>A step takes {@code rowsPerPartition} rows from each partition (partition {@code p}'s rows
 * are cut into windows of that size, the last one shorter; step {@code s} takes window
 * {@code s mod windows}). The loss must be a mean over the batch's rows: each partition's
 * gradients are weighted by its share of the step's rows, so that their sum is the gradient of
 * the mean over the whole step. Sums are taken in FLOAT64 and rounded once to the variable's
 * dtype. With one partition, training equals {@code optimizer.minimize(loss)} run on the same
 * batches in one session, bit for bit; with two it is still independent of the order the tasks
 * finish in (addition of two numbers commutes), with more the last bits of a sum may depend on
 * it.
 *
 * <p>{@link #averagingRound(int)} is the other scheme: each partition runs a number of local
 * optimizer steps from the driver's variables (optimizer slots included) and the driver takes
 * the mean of the partitions' variables: fewer rounds of communication, a different optimisation.
 *
 * <pre>{@code
 * Ops tf = Ops.on(graph);
 * Output x = tf.placeholder("x", DType.FLOAT32, Shape.of(-1, 784));
 * Output y = tf.placeholder("y", DType.INT64, Shape.of(-1));
 * Output loss = ...;                                      // a mean over the rows
 * session.runner().addTarget(tf.initAllVariables()).run();
 * try (DataParallelTrainer trainer = new DataParallelTrainer(session, new Adam(1e-3), loss,
 *         Map.of("images", x, "labels", y), rows, 32)) {
 *     for (int step = 0; step < 1000; step++) {
 *         double meanLoss = trainer.step();
 *     }
 * }
 * }</pre>
 */
public final class DataParallelTrainer implements AutoCloseable {
    private static final String SIGNATURE = "gradients";
    private static final String LOSS = "loss";

    private final Session session;
    private final JavaSparkContext spark;
    private final List<GradientAndVariable> gradients;
    private final Node update;
    private final Output loss;
    private final Broadcast<byte[]> bundle;
    private final JavaRDD<Shard> shards;
    private final int[] partitionRows;
    private final int rowsPerPartition;
    private final List<String> trained;
    private long steps;
    private StepTimes times = StepTimes.NONE;

    /**
     * Where the time of the synchronous steps so far went, summed over the steps; a task's times
     * are summed over the partitions, which run in parallel.
     *
     * @param steps the steps measured
     * @param wallNanos the driver's wall time of the steps
     * @param jobNanos of which: broadcasting the variables, the tasks and the aggregate
     * @param updateNanos of which: the optimizer's update on the driver
     * @param taskLoadNanos in the tasks: restoring the broadcast variables (and loading the model,
     *     the first time an executor thread needs it)
     * @param taskComputeNanos in the tasks: the forward and backward pass
     */
    public record StepTimes(long steps, long wallNanos, long jobNanos, long updateNanos, long taskLoadNanos,
            long taskComputeNanos) {
        static final StepTimes NONE = new StepTimes(0, 0, 0, 0, 0, 0);

        StepTimes plus(StepTimes o) {
            return new StepTimes(steps + o.steps, wallNanos + o.wallNanos, jobNanos + o.jobNanos,
                    updateNanos + o.updateNanos, taskLoadNanos + o.taskLoadNanos, taskComputeNanos + o.taskComputeNanos);
        }
    }

    /**
     * Adds the gradients and the optimizer's update to the session's graph (every FLOAT32 or
     * FLOAT64 variable the loss depends on is trained), initialises the optimizer's slots, and
     * caches the rows on the executors as tensors (one job).
     *
     * @param session the driver's session, with every variable of the loss initialised
     * @param optimizer a new optimizer for this graph
     * @param loss the loss, a scalar mean over the rows fed
     * @param columns column name to the placeholder it feeds, for every placeholder the loss needs
     * @param data the training rows, spread over its partitions
     * @param rowsPerPartition the rows each partition contributes to a step
     * @throws SparkDataException if a column is missing or has the wrong type (no job started)
     * @throws dev.flowgraph.GraphBuildException if the loss depends on no trainable variable
     */
    public DataParallelTrainer(Session session, Optimizer optimizer, Output loss, Map<String, Output> columns,
            Dataset<Row> data, int rowsPerPartition) {
        checkNotNull(session, "session");
        checkNotNull(optimizer, "optimizer");
        checkNotNull(loss, "loss");
        checkNotNull(columns, "columns");
        checkNotNull(data, "data");
        checkArgument(rowsPerPartition >= 1, "rowsPerPartition must be at least 1 but is %s", rowsPerPartition);
        this.session = session;
        this.loss = loss;
        this.rowsPerPartition = rowsPerPartition;
        List<ColumnSpec> specs = new ArrayList<>();
        int[] fields = new int[columns.size()];
        for (Map.Entry<String, Output> e : columns.entrySet()) {
            ColumnSpec spec = ColumnSpec.of(e.getKey(), e.getValue());
            spec.checkIn(data.schema(), "Training");
            fields[specs.size()] = data.schema().fieldIndex(e.getKey());
            specs.add(spec);
        }
        List<Output> variables = new ArrayList<>();
        for (Node n : loss.node().graph().executionOrder(List.of(loss.node()), java.util.Set.of())) {
            if (n.opType().equals("Variable") && n.output(0).dtype().isFloating()) {
                variables.add(n.output(0));
            }
        }
        this.gradients = optimizer.computeGradients(loss, variables);
        this.update = optimizer.applyGradients(gradients);
        session.runner().addTarget(optimizer.initializer()).run();
        this.trained = variables.stream().map(v -> v.node().name()).toList();

        Map<String, Output> outputs = new LinkedHashMap<>();
        outputs.put(LOSS, loss);
        for (int i = 0; i < gradients.size(); i++) {
            outputs.put(gradientName(i), gradients.get(i).gradient());
        }
        Map<String, Output> inputs = new LinkedHashMap<>(columns);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ModelBundle.save(bytes, session, Signature.of(SIGNATURE, inputs, outputs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.spark = JavaSparkContext.fromSparkContext(data.sparkSession().sparkContext());
        this.bundle = spark.broadcast(bytes.toByteArray());
        this.shards = data.javaRDD().mapPartitionsWithIndex((p, it) -> {
            List<Row> rows = new ArrayList<>();
            it.forEachRemaining(rows::add);
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (int i = 0; i < specs.size(); i++) {
                tensors.put(specs.get(i).column(), RowTensors.stack(rows, fields[i], specs.get(i), p, 0));
            }
            return List.of(new Shard(p, rows.size(), tensors)).iterator();
        }, true).persist(StorageLevel.MEMORY_ONLY());
        this.partitionRows = shards.map(Shard::rows).collect().stream().mapToInt(Integer::intValue).toArray();
        if (IntStream.of(partitionRows).sum() == 0) {
            close();
            throw new SparkDataException("Training needs rows, but all " + partitionRows.length
                    + " partitions of the data are empty");
        }
    }

    private static String gradientName(int i) {
        return "gradient_" + i;
    }

    /**
     * Returns the number of steps taken so far (an averaging round of k local steps counts k).
     *
     * @return the steps
     */
    public long steps() {
        return steps;
    }

    /**
     * Returns where the synchronous steps' time went so far.
     *
     * @return the times, summed over the steps
     */
    public StepTimes stepTimes() {
        return times;
    }

    /**
     * Returns the rows of each partition.
     *
     * @return the rows, by partition index
     */
    public int[] partitionRows() {
        return partitionRows.clone();
    }

    /**
     * Takes one synchronous step: every partition computes gradients on its window of rows, the
     * driver sums them and applies the optimizer's update.
     *
     * @return the mean loss over the step's rows, before the update
     * @throws org.apache.spark.SparkException if a task fails for good (a bad row: the cause names
     *     its partition, index and column); the variables are then unchanged
     */
    public double step() {
        long started = System.nanoTime();
        long step = steps;
        long total = 0;
        for (int rows : partitionRows) {
            int[] w = Shard.window(rows, step, rowsPerPartition);
            total += w[1] - w[0];
        }
        Broadcast<byte[]> values = spark.broadcast(Shard.npz(trainedValues()));
        Broadcast<byte[]> model = bundle;
        int per = rowsPerPartition;
        long n = total;
        int count = gradients.size();
        Partial sum;
        try {
            sum = shards.map(s -> gradientsOf(s, model.id(), model.value(), values.value(), step, per, n, count))
                    .treeAggregate(null, Partial::add, Partial::add);
        } finally {
            values.destroy();
        }
        long aggregated = System.nanoTime();
        Runner r = session.runner();
        for (int i = 0; i < count; i++) {
            Output g = gradients.get(i).gradient();
            r.feed(g, fromDoubles(sum.values.get(i), g.dtype(), gradients.get(i).variable().shape()));
        }
        r.addTarget(update).run();
        long done = System.nanoTime();
        times = times.plus(new StepTimes(1, done - started, aggregated - started, done - aggregated, sum.loadNanos,
                sum.computeNanos));
        steps++;
        return sum.loss;
    }

    /**
     * Takes one round of parameter averaging: every partition starts from the driver's variables
     * and optimizer slots, runs {@code localSteps} optimizer steps on its own windows of rows, and
     * the driver's variables (slots included) become the mean over the partitions that have rows.
     *
     * @param localSteps the steps each partition takes on its own
     * @return the mean over partitions of their mean loss over their local steps
     */
    public double averagingRound(int localSteps) {
        checkArgument(localSteps >= 1, "localSteps must be at least 1 but is %s", localSteps);
        long first = steps;
        Map<String, Tensor> current = session.variableValues();
        // Executors list their variables in this order, whatever order their maps keep.
        List<String> names = List.copyOf(current.keySet());
        Broadcast<byte[]> values = spark.broadcast(Shard.npz(current));
        Broadcast<byte[]> model = bundle;
        int per = rowsPerPartition;
        String updateName = update.name();
        String lossName = loss.name();
        Partial sum;
        try {
            sum = shards.map(s -> localSteps(s, model.id(), model.value(), values.value(), names, first, localSteps, per,
                    updateName, lossName)).treeAggregate(null, Partial::add, Partial::add);
        } finally {
            values.destroy();
        }
        Map<String, Tensor> averaged = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            double[] mean = sum.values.get(i);
            for (int k = 0; k < mean.length; k++) {
                mean[k] /= sum.parts;
            }
            Tensor was = current.get(names.get(i));
            averaged.put(names.get(i), fromDoubles(mean, was.dtype(), was.shape()));
        }
        session.restoreVariables(averaged);
        steps += localSteps;
        return sum.loss / sum.parts;
    }

    private Map<String, Tensor> trainedValues() {
        Map<String, Tensor> all = session.variableValues();
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String name : trained) {
            out.put(name, all.get(name));
        }
        return out;
    }

    /** What partitions send back: sums of arrays in FLOAT64, a loss and how many partitions added. */
    private static final class Partial implements Serializable {
        private static final long serialVersionUID = 1L;
        final List<double[]> values;
        double loss;
        int parts;
        long loadNanos;
        long computeNanos;

        Partial(List<double[]> values, double loss, long loadNanos, long computeNanos) {
            this.values = values;
            this.loss = loss;
            this.parts = 1;
            this.loadNanos = loadNanos;
            this.computeNanos = computeNanos;
        }

        /** Adds b into a; either may be null (a partition with no rows). */
        static Partial add(Partial a, Partial b) {
            if (a == null) {
                return b;
            }
            if (b == null) {
                return a;
            }
            for (int i = 0; i < a.values.size(); i++) {
                double[] x = a.values.get(i);
                double[] y = b.values.get(i);
                for (int k = 0; k < x.length; k++) {
                    x[k] += y[k];
                }
            }
            a.loss += b.loss;
            a.parts += b.parts;
            a.loadNanos += b.loadNanos;
            a.computeNanos += b.computeNanos;
            return a;
        }
    }

    /** The gradients of one partition's window, weighted by its share of the step's rows. */
    private static Partial gradientsOf(Shard shard, long bundleId, byte[] bundle, byte[] values, long step,
            int rowsPerStep, long total, int count) {
        int[] w = Shard.window(shard.rows(), step, rowsPerStep);
        if (w[1] == w[0]) {
            return null;
        }
        double weight = (w[1] - w[0]) / (double) total;
        long started = System.nanoTime();
        ModelBundle model = ExecutorModels.borrow(bundleId, bundle);
        try {
            model.session().restoreVariables(Shard.npz(values));
            long loaded = System.nanoTime();
            Map<String, Tensor> out = model.run(SIGNATURE, shard.slice(w[0], w[1]));
            long computed = System.nanoTime();
            List<double[]> weighted = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                double[] g = out.get(gradientName(i)).toDoubleArray();
                for (int k = 0; k < g.length; k++) {
                    g[k] *= weight;
                }
                weighted.add(g);
            }
            Partial p = new Partial(weighted, out.get(LOSS).getDouble() * weight, loaded - started, computed - loaded);
            ExecutorModels.giveBack(bundleId, model);
            return p;
        } catch (RuntimeException | Error e) {
            // A model that failed mid-run is not trusted with the next step.
            model.close();
            throw e;
        }
    }

    /** One partition's local steps from the broadcast variables; returns all its variables. */
    private static Partial localSteps(Shard shard, long bundleId, byte[] bundle, byte[] values, List<String> names,
            long first, int localSteps, int rowsPerStep, String update, String loss) {
        if (shard.rows() == 0) {
            return null;
        }
        long started = System.nanoTime();
        ModelBundle model = ExecutorModels.borrow(bundleId, bundle);
        try {
            Session s = model.session();
            s.restoreVariables(Shard.npz(values));
            long loaded = System.nanoTime();
            Map<String, String> inputs = model.signatures().get(SIGNATURE).inputs();
            double lossSum = 0;
            for (long step = first; step < first + localSteps; step++) {
                int[] w = Shard.window(shard.rows(), step, rowsPerStep);
                Runner r = s.runner();
                shard.slice(w[0], w[1]).forEach((column, t) -> r.feed(inputs.get(column), t));
                lossSum += r.addTarget(update).fetch(loss).run().get(0).getDouble();
            }
            List<double[]> all = new ArrayList<>();
            Map<String, Tensor> trainedHere = s.variableValues();
            names.forEach(name -> all.add(trainedHere.get(name).toDoubleArray()));
            Partial p = new Partial(all, lossSum / localSteps, loaded - started, System.nanoTime() - loaded);
            ExecutorModels.giveBack(bundleId, model);
            return p;
        } catch (RuntimeException | Error e) {
            model.close();
            throw e;
        }
    }

    private static Tensor fromDoubles(double[] values, DType dtype, Shape shape) {
        return switch (dtype) {
            case FLOAT64 -> Tensor.of(values, shape);
            case FLOAT32 -> {
                float[] f = new float[values.length];
                for (int i = 0; i < f.length; i++) {
                    f[i] = (float) values[i];
                }
                yield Tensor.of(f, shape);
            }
            case INT32 -> {
                int[] a = new int[values.length];
                for (int i = 0; i < a.length; i++) {
                    a[i] = (int) Math.round(values[i]);
                }
                yield Tensor.of(a, shape);
            }
            case INT64 -> {
                long[] a = new long[values.length];
                for (int i = 0; i < a.length; i++) {
                    a[i] = Math.round(values[i]);
                }
                yield Tensor.of(a, shape);
            }
            case BOOL -> throw new SparkDataException("Cannot average a BOOL variable of shape " + shape);
        };
    }

    /** Drops the cached rows and the broadcast model from the executors. */
    @Override
    public void close() {
        shards.unpersist(false);
        bundle.destroy();
    }
}
