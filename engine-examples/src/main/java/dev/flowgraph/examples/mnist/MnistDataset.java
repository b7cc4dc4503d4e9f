package dev.flowgraph.examples.mnist;

import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * MNIST or Fashion-MNIST from a directory of the four standard gzip-compressed IDX files
 * ({@value #TRAIN_IMAGES}, {@value #TRAIN_LABELS}, {@value #TEST_IMAGES}, {@value #TEST_LABELS}):
 * 28×28 greyscale images in 10 classes. Both data sets share the format and the file names.
 *
 * <p>When the directory holds only the two test files (as {@code ../shared/datasets/mnist/}
 * does on the project's machines), the test set is split: the first 4/5 (8,000 of 10,000)
 * become the training set and the last 1/5 (2,000) the test set, and {@link #description()}
 * says so. Nothing is ever downloaded; a missing or malformed file is a
 * {@link MnistDataException} that says which file, what was expected, what was found and where
 * to get the data.
 *
 * <pre>{@code
 * MnistDataset data = MnistDataset.load(Path.of("/usr/share/datasets/fashion-mnist"));
 * System.out.println(data.description());
 * ImageSet train = data.train();       // 60,000 images
 * ImageSet test = data.test();         // 10,000 images
 * }</pre>
 */
public final class MnistDataset {
    /** Where {@code apt-get install dataset-fashion-mnist} puts Fashion-MNIST: the default directory. */
    public static final Path DEFAULT_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");
    /** The training images' file name. */
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    /** The training labels' file name. */
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    /** The test images' file name. */
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    /** The test labels' file name. */
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";
    /** The number of classes; labels are 0 to {@code CLASSES - 1}. */
    public static final int CLASSES = 10;
    /** The height and width of every image. */
    public static final int SIDE = 28;

    private static final String FILES = TRAIN_IMAGES + ", " + TRAIN_LABELS + ", " + TEST_IMAGES + " and " + TEST_LABELS;

    private final Path directory;
    private final ImageSet train;
    private final ImageSet test;
    private final boolean splitFromTestFiles;

    private MnistDataset(Path directory, ImageSet train, ImageSet test, boolean splitFromTestFiles) {
        this.directory = directory;
        this.train = train;
        this.test = test;
        this.splitFromTestFiles = splitFromTestFiles;
    }

    /**
     * Loads Fashion-MNIST from {@link #DEFAULT_DIRECTORY}.
     *
     * @return the data set
     * @throws MnistDataException if the files are missing or malformed
     */
    public static MnistDataset load() throws MnistDataException {
        return load(DEFAULT_DIRECTORY);
    }

    /**
     * Loads the data set in a directory: all four files, or only the two test files (which are
     * then split 4/5 for training, 1/5 for evaluation).
     *
     * @param directory the directory holding the files
     * @return the data set
     * @throws MnistDataException if the directory or a test file is missing, if only one of the
     *     two training files is there, or if a file is malformed: not gzip, not the expected
     *     IDX kind, truncated, images not 28×28, labels outside 0 to 9, or image and label counts
     *     that differ
     */
    public static MnistDataset load(Path directory) throws MnistDataException {
        checkNotNull(directory, "directory");
        if (!Files.isDirectory(directory)) {
            throw new MnistDataException(directory + " is not a directory: expected one holding " + FILES + ".");
        }
        List<String> missing = new ArrayList<>();
        for (String name : List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS)) {
            if (!Files.isRegularFile(directory.resolve(name))) {
                missing.add(name);
            }
        }
        if (missing.contains(TEST_IMAGES) || missing.contains(TEST_LABELS) || missing.size() == 1) {
            throw new MnistDataException(String.format(Locale.ROOT,
                    "%s lacks %s: expected %s, or only the two test files %s and %s.",
                    directory, String.join(" and ", missing), FILES, TEST_IMAGES, TEST_LABELS));
        }
        ImageSet test = read(directory, TEST_IMAGES, TEST_LABELS);
        if (missing.isEmpty()) {
            return new MnistDataset(directory, read(directory, TRAIN_IMAGES, TRAIN_LABELS), test, false);
        }
        int cut = (int) (test.size() * 4L / 5);
        return new MnistDataset(directory, test.slice(0, cut), test.slice(cut, test.size()), true);
    }

    private static ImageSet read(Path directory, String imagesName, String labelsName) throws MnistDataException {
        Path imagesFile = directory.resolve(imagesName);
        Path labelsFile = directory.resolve(labelsName);
        ImageSet set = IdxReader.read(imagesFile, labelsFile);
        if (set.rows() != SIDE || set.cols() != SIDE) {
            throw new MnistDataException(String.format(Locale.ROOT, "%s: expected %dx%d images but found %dx%d.",
                    imagesFile, SIDE, SIDE, set.rows(), set.cols()));
        }
        for (int i = 0; i < set.size(); i++) {
            if (set.label(i) >= CLASSES) {
                throw new MnistDataException(String.format(Locale.ROOT,
                        "%s: expected labels 0 to %d but label %,d is %d.", labelsFile, CLASSES - 1, i, set.label(i)));
            }
        }
        return set;
    }

    /**
     * Returns the directory the data came from.
     *
     * @return the directory given to {@link #load(Path)}
     */
    public Path directory() {
        return directory;
    }

    /**
     * Returns the images to train on.
     *
     * @return the training files' images, or the first 4/5 of the test files' when only those
     *     are present
     */
    public ImageSet train() {
        return train;
    }

    /**
     * Returns the images to evaluate on.
     *
     * @return the test files' images, or their last 1/5 when only the test files are present
     */
    public ImageSet test() {
        return test;
    }

    /**
     * Tells whether the directory held only the test files, so that training and test sets
     * are both parts of them.
     *
     * @return true when the test files were split into training and test sets
     */
    public boolean splitFromTestFiles() {
        return splitFromTestFiles;
    }

    /**
     * Says what was loaded, for the example to print: how many images, from which files, and
     * whether the test files were split.
     *
     * @return one sentence
     */
    public String description() {
        int all = train.size() + test.size();
        return splitFromTestFiles
                ? String.format(Locale.ROOT, "Only the test files (t10k-*) are in %s: training on the first %,d of"
                        + " their %,d images and evaluating on the last %,d.", directory, train.size(), all, test.size())
                : String.format(Locale.ROOT, "%,d training images (train-*) and %,d test images (t10k-*) from %s.",
                        train.size(), test.size(), directory);
    }

    /** Returns {@link #description()}. */
    @Override
    public String toString() {
        return description();
    }
}
