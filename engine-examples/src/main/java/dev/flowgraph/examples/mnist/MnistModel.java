package dev.flowgraph.examples.mnist;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.DType;
import dev.flowgraph.Graph;
import dev.flowgraph.Node;
import dev.flowgraph.Output;
import dev.flowgraph.Session;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import dev.flowgraph.ops.Ops;
import dev.flowgraph.ops.train.Initializer;
import dev.flowgraph.ops.train.Initializers;
import dev.flowgraph.ops.train.Variable;
import dev.flowgraph.optimizers.Adam;

/**
 * A classifier of 28×28 images into 10 classes, as one graph: its inputs, the loss, the
 * predictions and an Adam training step. Two architectures: softmax regression
 * ({@code logits = x·W + b}) and a multilayer perceptron with one hidden ReLU layer
 * ({@code logits = relu(x·W1 + b1)·W2 + b2}, 784-128-10). The loss is the mean sparse softmax
 * cross-entropy of a batch.
 *
 * <p>Node names, for feeding and fetching by name: {@value #IMAGES} (FLOAT32 {@code [-1, 784]}),
 * {@value #LABELS} (INT64 {@code [-1]}), {@value #LOSS}, {@value #PREDICTED} (INT64 class
 * indices) and the variables {@code hidden/w}, {@code hidden/b} (MLP only), {@code output/w},
 * {@code output/b}, plus Adam's slots.
 *
 * <pre>{@code
 * try (Graph g = new Graph()) {
 *     MnistModel model = MnistModel.build(Ops.on(g), MnistModel.Architecture.MLP, 1e-3, 42);
 *     try (Session s = new Session(g)) {
 *         model.initialize(s);
 *         for (MiniBatches.Batch b : data.train().batches(128, 42).epoch(0)) {
 *             double loss = model.trainStep(s, b);
 *         }
 *         double accuracy = data.test().accuracy(model.predict(s, data.test().images()));
 *     }
 * }
 * }</pre>
 */
public final class MnistModel {
    /** The name of the images placeholder. */
    public static final String IMAGES = "images";
    /** The name of the labels placeholder. */
    public static final String LABELS = "labels";
    /** The name of the loss node. */
    public static final String LOSS = "loss";
    /** The name of the predictions node. */
    public static final String PREDICTED = "predicted";
    /** The units of the MLP's hidden layer. */
    public static final int HIDDEN_UNITS = 128;

    /** The two models the example trains. */
    public enum Architecture {
        /** {@code logits = x·W + b}: a linear model, trained in seconds. */
        SOFTMAX_REGRESSION,
        /** {@code logits = relu(x·W1 + b1)·W2 + b2} with 128 hidden units. */
        MLP
    }

    private final Architecture architecture;
    private final Output images;
    private final Output labels;
    private final Output loss;
    private final Output predicted;
    private final Node trainStep;
    private final Node initializer;

    private MnistModel(Architecture architecture, Output images, Output labels, Output loss, Output predicted,
            Node trainStep, Node initializer) {
        this.architecture = architecture;
        this.images = images;
        this.labels = labels;
        this.loss = loss;
        this.predicted = predicted;
        this.trainStep = trainStep;
        this.initializer = initializer;
    }

    /**
     * Adds the model to a graph: placeholders, layers (weights drawn from seeded Glorot and He
     * initializers, biases zero), loss, predictions, an Adam step and an initializer of every
     * variable (Adam's slots included).
     *
     * @param tf the graph to add to, which must not hold another model's names
     * @param architecture softmax regression or the MLP
     * @param learningRate Adam's learning rate
     * @param seed the seed of the initial weights
     * @return the model
     */
    public static MnistModel build(Ops tf, Architecture architecture, double learningRate, long seed) {
        int pixels = MnistDataset.SIDE * MnistDataset.SIDE;
        Output images = tf.placeholder(IMAGES, DType.FLOAT32, Shape.of(-1, pixels));
        Output labels = tf.placeholder(LABELS, DType.INT64, Shape.of(-1));
        Output logits;
        if (architecture == Architecture.MLP) {
            Output hidden = tf.relu(dense(tf.withScope("hidden"), images, pixels, HIDDEN_UNITS,
                    Initializers.heNormal(seed)));
            logits = dense(tf.withScope("output"), hidden, HIDDEN_UNITS, MnistDataset.CLASSES,
                    Initializers.glorotUniform(seed + 1));
        } else {
            logits = dense(tf.withScope("output"), images, pixels, MnistDataset.CLASSES,
                    Initializers.glorotUniform(seed));
        }
        Output loss = tf.withName(LOSS).mean(tf.sparseSoftmaxCrossEntropy(logits, labels));
        Output predicted = tf.withName(PREDICTED).argMax(logits, 1);
        Node trainStep = new Adam(learningRate).minimize(loss);
        // After minimize, so that Adam's slots are initialised too.
        Node initializer = tf.initAllVariables();
        return new MnistModel(architecture, images, labels, loss, predicted, trainStep, initializer);
    }

    /** {@code x·w + b} with {@code w [in, out]} and {@code b [out]} variables named {@code w} and {@code b}. */
    private static Output dense(Ops scope, Output x, int in, int out, Initializer init) {
        Variable w = scope.variable("w", DType.FLOAT32, Shape.of(in, out), init);
        Variable b = scope.variable("b", DType.FLOAT32, Shape.of(out), Initializers.zeros());
        return scope.add(scope.matMul(x, w.output()), b.output());
    }

    /**
     * Returns the architecture.
     *
     * @return softmax regression or the MLP
     */
    public Architecture architecture() {
        return architecture;
    }

    /**
     * Returns the graph the model was added to.
     *
     * @return the graph
     */
    public Graph graph() {
        return loss.node().graph();
    }

    /**
     * Returns the mean cross-entropy of the fed batch.
     *
     * @return a FLOAT32 scalar
     */
    public Output loss() {
        return loss;
    }

    /**
     * Returns the training step: a target that applies one Adam update.
     *
     * @return the step's node
     */
    public Node trainStep() {
        return trainStep;
    }

    /**
     * Gives every variable of the model its initial value in a session.
     *
     * @param session a session of the model's graph
     */
    public void initialize(Session session) {
        session.runner().addTarget(initializer).run();
    }

    /**
     * Applies one training step to a batch.
     *
     * @param session a session of the model's graph, initialised or restored
     * @param batch the images and labels
     * @return the batch's loss before the step
     */
    public double trainStep(Session session, MiniBatches.Batch batch) {
        return session.runner().feed(images, batch.images()).feed(labels, batch.labels())
                .addTarget(trainStep).fetch(loss).run().get(0).getDouble();
    }

    /**
     * Returns the predicted class of each image.
     *
     * @param session a session of the model's graph, initialised or restored
     * @param batchOfImages FLOAT32 {@code [n, 784]}
     * @return n class indices
     */
    public long[] predict(Session session, Tensor batchOfImages) {
        checkArgument(batchOfImages.rank() == 2, "images must be [n, 784], not %s", batchOfImages.shape());
        return session.runner().feed(images, batchOfImages).fetch(predicted).run().get(0).toLongArray();
    }
}
