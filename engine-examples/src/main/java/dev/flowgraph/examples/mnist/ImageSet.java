package dev.flowgraph.examples.mnist;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkPositionIndexes;

import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Labelled greyscale images, as read from a pair of IDX files: immutable, kept as the files'
 * unsigned bytes and turned into tensors on request, so that 60,000 images take 47 MB and not
 * four times as much. Images become FLOAT32 rows of {@code rows × cols} pixels scaled to
 * {@code [0, 1]} (pixel / 255); labels become INT64 class indices, the dtype that
 * {@code argMax} returns and that {@code sparseSoftmaxCrossEntropy} reads without a copy.
 *
 * <pre>{@code
 * ImageSet test = MnistDataset.load(dir).test();
 * Tensor x = test.images();            // float32 [10000, 784], values in [0, 1]
 * Tensor y = test.labels();            // int64 [10000], values 0..9
 * ImageSet firstHundred = test.slice(0, 100);
 * }</pre>
 */
public final class ImageSet {
    /** The most values one set may hold: as many as one tensor holds. */
    static final long MAX_VALUES = Tensor.MAX_SIZE;

    private static final float[] SCALED = new float[256];

    static {
        for (int v = 0; v < SCALED.length; v++) {
            SCALED[v] = v / 255f;
        }
    }

    private final byte[] pixels;
    private final byte[] labels;
    private final int offset;
    private final int size;
    private final int rows;
    private final int cols;

    ImageSet(byte[] pixels, byte[] labels, int count, int rows, int cols) {
        this(pixels, labels, 0, count, rows, cols);
    }

    private ImageSet(byte[] pixels, byte[] labels, int offset, int size, int rows, int cols) {
        this.pixels = pixels;
        this.labels = labels;
        this.offset = offset;
        this.size = size;
        this.rows = rows;
        this.cols = cols;
    }

    /**
     * Returns the number of images.
     *
     * @return the number of images (and labels)
     */
    public int size() {
        return size;
    }

    /**
     * Returns the height of every image.
     *
     * @return the number of pixel rows of one image (28 for MNIST)
     */
    public int rows() {
        return rows;
    }

    /**
     * Returns the width of every image.
     *
     * @return the number of pixel columns of one image (28 for MNIST)
     */
    public int cols() {
        return cols;
    }

    /**
     * Returns the length of one flattened image, the width of {@link #images()}.
     *
     * @return {@code rows() * cols()} (784 for MNIST)
     */
    public int pixelsPerImage() {
        return rows * cols;
    }

    /**
     * Returns the label of one image.
     *
     * @param image the image's index in this set
     * @return its label, 0 to 255 as stored (0 to 9 for MNIST)
     * @throws IndexOutOfBoundsException if {@code image} is not in {@code [0, size())}
     */
    public int label(int image) {
        checkElementIndex(image, size, "image");
        return labels[offset + image] & 0xff;
    }

    /**
     * Returns one pixel as stored in the file.
     *
     * @param image the image's index in this set
     * @param row the pixel's row, from the top
     * @param col the pixel's column, from the left
     * @return the grey value, 0 (background) to 255 (ink)
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public int pixel(int image, int row, int col) {
        checkElementIndex(image, size, "image");
        checkElementIndex(row, rows, "row");
        checkElementIndex(col, cols, "col");
        return pixels[(offset + image) * pixelsPerImage() + row * cols + col] & 0xff;
    }

    /**
     * Returns all images as one tensor: image {@code i} is row {@code i}, its pixels row-major,
     * each scaled to {@code [0, 1]} as {@code pixel / 255f}.
     *
     * @return a FLOAT32 tensor of shape {@code [size(), pixelsPerImage()]}
     */
    public Tensor images() {
        return images(IntStream.range(0, size).toArray());
    }

    /**
     * Returns all labels as one tensor.
     *
     * @return an INT64 tensor of shape {@code [size()]}
     */
    public Tensor labels() {
        long[] out = new long[size];
        for (int i = 0; i < size; i++) {
            out[i] = labels[offset + i] & 0xff;
        }
        return Tensor.of(out, Shape.of(size));
    }

    /**
     * Returns the chosen images, in the order given, as {@link #images()} lays them out.
     *
     * @param indices indices into this set; may repeat
     * @return a FLOAT32 tensor of shape {@code [indices.length, pixelsPerImage()]}
     * @throws IndexOutOfBoundsException if an index is not in {@code [0, size())}
     */
    public Tensor images(int[] indices) {
        int n = pixelsPerImage();
        float[] out = new float[Math.multiplyExact(checkNotNull(indices, "indices").length, n)];
        for (int i = 0; i < indices.length; i++) {
            scale(checkElementIndex(indices[i], size, "index"), out, i * n);
        }
        return Tensor.of(out, Shape.of(indices.length, n));
    }

    /**
     * Returns the labels of the chosen images, in the order given.
     *
     * @param indices indices into this set; may repeat
     * @return an INT64 tensor of shape {@code [indices.length]}
     * @throws IndexOutOfBoundsException if an index is not in {@code [0, size())}
     */
    public Tensor labels(int[] indices) {
        long[] out = new long[checkNotNull(indices, "indices").length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = label(indices[i]);
        }
        return Tensor.of(out, Shape.of(indices.length));
    }

    /**
     * Returns a contiguous part of this set, sharing its data.
     *
     * @param from the first image, inclusive
     * @param to the end, exclusive
     * @return images {@code from} to {@code to - 1} of this set, as images 0 to
     *     {@code to - from - 1}
     * @throws IndexOutOfBoundsException unless {@code 0 <= from <= to <= size()}
     */
    public ImageSet slice(int from, int to) {
        checkPositionIndexes(from, to, size);
        return new ImageSet(pixels, labels, offset + from, to - from, rows, cols);
    }

    /**
     * Returns the fraction of images whose predicted class equals the label.
     *
     * @param predicted one predicted class per image, e.g. {@code argMax(logits, 1).toLongArray()}
     * @return the fraction correct, in {@code [0, 1]}; 0 for an empty set
     * @throws IllegalArgumentException if there is not one prediction per image
     */
    public double accuracy(long[] predicted) {
        checkPredictions(predicted);
        int correct = 0;
        for (int i = 0; i < size; i++) {
            correct += predicted[i] == label(i) ? 1 : 0;
        }
        return size == 0 ? 0 : (double) correct / size;
    }

    /**
     * Returns shuffled mini-batches over this set.
     *
     * @param batchSize the number of images per batch (the last batch of an epoch may be smaller)
     * @param seed the shuffle's seed: the same seed gives the same batches
     * @return the batches, epoch by epoch
     * @throws IllegalArgumentException if {@code batchSize < 1}
     */
    public MiniBatches batches(int batchSize, long seed) {
        return new MiniBatches(this, batchSize, seed);
    }

    /** Returns a summary such as {@code ImageSet[10,000 images of 28x28]}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ImageSet[%,d images of %dx%d]", size, rows, cols);
    }

    void checkPredictions(long[] predicted) {
        checkArgument(checkNotNull(predicted, "predicted").length == size,
                "expected one prediction per image, %s, but got %s", size, predicted.length);
    }

    private void scale(int image, float[] out, int at) {
        int n = pixelsPerImage();
        int start = (offset + image) * n;
        for (int p = 0; p < n; p++) {
            out[at + p] = SCALED[pixels[start + p] & 0xff];
        }
    }
}
