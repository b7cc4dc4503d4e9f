package dev.flowgraph.examples.mnist;

import static com.google.common.base.Preconditions.checkArgument;

import dev.flowgraph.Tensor;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * Shuffled mini-batches over an {@link ImageSet}: each epoch visits every image once, in an
 * order drawn from the seed and the epoch's number alone, so that a run is repeatable and any
 * epoch can be replayed without the ones before it. An epoch has {@link #steps()} batches of
 * {@link #batchSize()} images, the last one smaller when the size is not a multiple.
 *
 * <pre>{@code
 * MiniBatches batches = train.batches(128, 42);
 * for (int epoch = 0; epoch < 5; epoch++) {
 *     for (MiniBatches.Batch b : batches.epoch(epoch)) {
 *         session.runner().feed("x", b.images()).feed("y", b.labels()).addTarget(step).run();
 *     }
 * }
 * }</pre>
 */
public final class MiniBatches {
    /**
     * One mini-batch.
     *
     * @param images FLOAT32 {@code [n, pixelsPerImage]}, pixels scaled to {@code [0, 1]}
     * @param labels INT64 {@code [n]}, the class of each row of {@code images}
     */
    public record Batch(Tensor images, Tensor labels) {}

    private final ImageSet data;
    private final int batchSize;
    private final long seed;

    MiniBatches(ImageSet data, int batchSize, long seed) {
        checkArgument(batchSize >= 1, "batchSize must be at least 1 but is %s", batchSize);
        this.data = data;
        this.batchSize = batchSize;
        this.seed = seed;
    }

    /**
     * Returns the number of images per batch.
     *
     * @return the batch size (the last batch of an epoch may hold fewer)
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Returns the number of batches in one epoch.
     *
     * @return {@code ceil(size / batchSize)}, 0 for an empty set
     */
    public int steps() {
        return (data.size() + batchSize - 1) / batchSize;
    }

    /**
     * Returns the order in which an epoch visits the images.
     *
     * @param epoch the epoch, counted from 0
     * @return a permutation of {@code 0 .. size - 1}, the same for the same seed and epoch
     * @throws IllegalArgumentException if {@code epoch < 0}
     */
    public int[] order(int epoch) {
        checkArgument(epoch >= 0, "epoch must be at least 0 but is %s", epoch);
        // Epoch k shuffles with the (k+1)-th stream split from the seed's: streams independent
        // of each other, and a function of (seed, epoch) only.
        SplittableRandom parent = new SplittableRandom(seed);
        SplittableRandom random = parent.split();
        for (int e = 0; e < epoch; e++) {
            random = parent.split();
        }
        int[] order = new int[data.size()];
        Arrays.setAll(order, i -> i);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /**
     * Returns the batches of one epoch, built one at a time as they are iterated.
     *
     * @param epoch the epoch, counted from 0
     * @return {@link #steps()} batches that together hold every image once, in {@link #order}
     * @throws IllegalArgumentException if {@code epoch < 0}
     */
    public Iterable<Batch> epoch(int epoch) {
        int[] order = order(epoch);
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < order.length;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the epoch's " + steps() + " batches are used up");
                }
                int[] indices = Arrays.copyOfRange(order, next, Math.min(next + batchSize, order.length));
                next += indices.length;
                return new Batch(data.images(indices), data.labels(indices));
            }
        };
    }
}
