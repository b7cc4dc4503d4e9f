/**
 * The building blocks of the Mnist example: the model ({@link dev.flowgraph.examples.mnist.MnistModel},
 * softmax regression or an MLP with its Adam step), and reading MNIST or
 * Fashion-MNIST from gzip-compressed IDX files ({@link dev.flowgraph.examples.mnist.MnistDataset},
 * {@link dev.flowgraph.examples.mnist.IdxReader}, {@link dev.flowgraph.examples.mnist.ImageSet}),
 * seeded shuffled mini-batches ({@link dev.flowgraph.examples.mnist.MiniBatches}), a per-epoch
 * progress bar ({@link dev.flowgraph.examples.mnist.ProgressBar}), and two headless PNG pictures:
 * the loss curve ({@link dev.flowgraph.examples.mnist.LossChart}, drawn with XChart) and a grid of
 * misclassified images ({@link dev.flowgraph.examples.mnist.MisclassifiedGrid}).
 *
 * <pre>{@code
 * MnistDataset data = MnistDataset.load(Path.of(args.length > 0 ? args[0] : "/usr/share/datasets/fashion-mnist"));
 * System.out.println(data.description());
 * MiniBatches batches = data.train().batches(128, 42);
 * ProgressBar bar = ProgressBar.onStandardOutput();
 * LossChart chart = new LossChart(batches.steps());
 * // with a session of a graph holding model = MnistModel.build(tf, Architecture.MLP, 1e-3, 42), initialised
 * for (int epoch = 1; epoch <= 5; epoch++) {
 *     bar.startEpoch(epoch, 5, batches.steps());
 *     for (MiniBatches.Batch b : batches.epoch(epoch - 1)) {
 *         double loss = model.trainStep(session, b);
 *         bar.step(loss);
 *         chart.add(loss);
 *     }
 *     bar.finishEpoch();
 * }
 * chart.writePng(Path.of("mnist-loss.png"));
 * long[] predicted = model.predict(session, data.test().images());
 * System.out.printf("test accuracy %.2f%%%n", 100 * data.test().accuracy(predicted));
 * MisclassifiedGrid.writePng(Path.of("mnist-misclassified.png"), data.test(), predicted);
 * }</pre>
 */
package dev.flowgraph.examples.mnist;
