package dev.flowgraph.examples.mnist;

import static dev.flowgraph.examples.mnist.MnistDataException.WHERE_TO_GET_THE_DATA;
import static dev.flowgraph.examples.mnist.MnistDataset.TEST_IMAGES;
import static dev.flowgraph.examples.mnist.MnistDataset.TEST_LABELS;
import static dev.flowgraph.examples.mnist.MnistDataset.TRAIN_IMAGES;
import static dev.flowgraph.examples.mnist.MnistDataset.TRAIN_LABELS;
import static dev.flowgraph.examples.mnist.TestData.writeImages;
import static dev.flowgraph.examples.mnist.TestData.writeLabels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowgraph.DType;
import dev.flowgraph.Shape;
import dev.flowgraph.Tensor;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class MnistDatasetTest {
    @TempDir
    Path dir;

    /*
     * Expected values of the real files, computed independently with NumPy:
     *   x = np.frombuffer(gzip.open('t10k-images-idx3-ubyte.gz').read(), np.uint8, offset=16).reshape(-1, 784)
     *   y = np.frombuffer(gzip.open('t10k-labels-idx1-ubyte.gz').read(), np.uint8, offset=8)
     * MNIST: y[:10] = [7 2 1 0 4 1 4 9 5 9]; x[0].sum() = 18454; x[0].reshape(28, 28)[7, 6] = 84;
     * x[:8000].sum() = 208058241; y[8000] = 4; x[8000].sum() = 37689; y[-1] = 6.
     */
    @Test
    void splitsTheMnistTestFilesWhenThereAreNoTrainingFiles() throws MnistDataException {
        Path mnist = TestData.mnistTestFiles();
        MnistDataset data = MnistDataset.load(mnist);

        assertTrue(data.splitFromTestFiles());
        assertEquals("Only the test files (t10k-*) are in " + mnist + ": training on the first 8,000 of their"
                + " 10,000 images and evaluating on the last 2,000.", data.description());
        ImageSet train = data.train();
        ImageSet test = data.test();
        assertEquals(8000, train.size());
        assertEquals(2000, test.size());
        assertArrayEquals(new long[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9},
                Arrays.copyOf(train.labels().toLongArray(), 10));
        assertEquals(18454, pixelSum(train, 0));
        assertEquals(84, train.pixel(0, 7, 6));
        assertEquals(208058241L, pixelSum(train));
        assertEquals(4, test.label(0));
        assertEquals(37689, pixelSum(test, 0));
        assertEquals(6, test.label(test.size() - 1));

        Tensor x = test.images();
        assertEquals(DType.FLOAT32, x.dtype());
        assertEquals(Shape.of(2000, 784), x.shape());
        Tensor first = train.images(new int[] {0});
        assertEquals(84 / 255f, first.getFloat(0, 7 * 28 + 6));
    }

    /*
     * Fashion-MNIST, computed with NumPy as above: train y[:10] = [9 0 0 3 0 2 7 2 5 5],
     * x[0].sum() = 76247, y[-1] = 5; t10k y[:10] = [9 2 1 1 6 1 4 6 5 7], x[0].sum() = 33456.
     */
    @Test
    void loadsTheFourFashionMnistFiles() throws MnistDataException {
        MnistDataset data = MnistDataset.load(TestData.fashionMnist());

        assertFalse(data.splitFromTestFiles());
        assertEquals("60,000 training images (train-*) and 10,000 test images (t10k-*) from "
                + MnistDataset.DEFAULT_DIRECTORY + ".", data.description());
        assertEquals(MnistDataset.DEFAULT_DIRECTORY, MnistDataset.load().directory());
        assertArrayEquals(new long[] {9, 0, 0, 3, 0, 2, 7, 2, 5, 5},
                Arrays.copyOf(data.train().labels().toLongArray(), 10));
        assertEquals(76247, pixelSum(data.train(), 0));
        assertEquals(5, data.train().label(59_999));
        assertArrayEquals(new long[] {9, 2, 1, 1, 6, 1, 4, 6, 5, 7},
                Arrays.copyOf(data.test().labels().toLongArray(), 10));
        assertEquals(33456, pixelSum(data.test(), 0));
    }

    @Test
    void usesTheTrainingFilesWhenPresent() throws MnistDataException {
        writeImages(dir.resolve(TRAIN_IMAGES), 3, 28, 28);
        writeLabels(dir.resolve(TRAIN_LABELS), 1, 2, 3);
        writeImages(dir.resolve(TEST_IMAGES), 2, 28, 28);
        writeLabels(dir.resolve(TEST_LABELS), 4, 5);
        MnistDataset data = MnistDataset.load(dir);

        assertFalse(data.splitFromTestFiles());
        assertArrayEquals(new long[] {1, 2, 3}, data.train().labels().toLongArray());
        assertArrayEquals(new long[] {4, 5}, data.test().labels().toLongArray());
        assertEquals("3 training images (train-*) and 2 test images (t10k-*) from " + dir + ".", data.toString());
    }

    @Test
    void splitsFourFifthsForTrainingAndOneFifthForEvaluation() throws MnistDataException {
        writeImages(dir.resolve(TEST_IMAGES), 7, 28, 28);
        writeLabels(dir.resolve(TEST_LABELS), 0, 1, 2, 3, 4, 5, 6);
        MnistDataset data = MnistDataset.load(dir);

        // floor(7 * 4 / 5) = 5 for training, 2 for evaluation.
        assertArrayEquals(new long[] {0, 1, 2, 3, 4}, data.train().labels().toLongArray());
        assertArrayEquals(new long[] {5, 6}, data.test().labels().toLongArray());
        // Pixel k of the file is k % 256: image 5 starts at 5 * 784 = 3920, 3920 % 256 = 80.
        assertEquals(80, data.test().pixel(0, 0, 0));
    }

    private void assertFails(String problem) {
        MnistDataException e = assertThrows(MnistDataException.class, () -> MnistDataset.load(dir));
        assertEquals(problem + " " + WHERE_TO_GET_THE_DATA, e.getMessage());
    }

    @Test
    void noDirectory() {
        Path nowhere = dir.resolve("nowhere");
        MnistDataException e = assertThrows(MnistDataException.class, () -> MnistDataset.load(nowhere));
        assertEquals(nowhere + " is not a directory: expected one holding train-images-idx3-ubyte.gz,"
                + " train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz. "
                + WHERE_TO_GET_THE_DATA, e.getMessage());
    }

    @Test
    void noTestFiles() {
        writeImages(dir.resolve(TRAIN_IMAGES), 1, 28, 28);
        writeLabels(dir.resolve(TRAIN_LABELS), 1);
        assertFails(dir + " lacks t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz: expected"
                + " train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and"
                + " t10k-labels-idx1-ubyte.gz, or only the two test files t10k-images-idx3-ubyte.gz and"
                + " t10k-labels-idx1-ubyte.gz.");
    }

    @Test
    void onlyOneTrainingFile() {
        writeImages(dir.resolve(TRAIN_IMAGES), 1, 28, 28);
        writeImages(dir.resolve(TEST_IMAGES), 1, 28, 28);
        writeLabels(dir.resolve(TEST_LABELS), 1);
        assertFails(dir + " lacks train-labels-idx1-ubyte.gz: expected train-images-idx3-ubyte.gz,"
                + " train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz, or only"
                + " the two test files t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz.");
    }

    @Test
    void imagesThatAreNot28By28() {
        writeImages(dir.resolve(TEST_IMAGES), 1, 32, 32);
        writeLabels(dir.resolve(TEST_LABELS), 1);
        assertFails(dir.resolve(TEST_IMAGES) + ": expected 28x28 images but found 32x32.");
    }

    @Test
    void aLabelOutsideTheTenClasses() {
        writeImages(dir.resolve(TEST_IMAGES), 3, 28, 28);
        writeLabels(dir.resolve(TEST_LABELS), 9, 0, 10);
        assertFails(dir.resolve(TEST_LABELS) + ": expected labels 0 to 9 but label 2 is 10.");
    }

    @Test
    void aMalformedTrainingFileIsNamed() {
        writeImages(dir.resolve(TRAIN_IMAGES), 2, 28, 28);
        writeLabels(dir.resolve(TRAIN_LABELS), 1);
        writeImages(dir.resolve(TEST_IMAGES), 1, 28, 28);
        writeLabels(dir.resolve(TEST_LABELS), 1);
        assertFails(dir.resolve(TRAIN_IMAGES) + " holds 2 images but " + dir.resolve(TRAIN_LABELS)
                + " holds 1 labels: expected one label per image.");
    }

    private static long pixelSum(ImageSet set) {
        long sum = 0;
        for (int i = 0; i < set.size(); i++) {
            sum += pixelSum(set, i);
        }
        return sum;
    }

    private static int pixelSum(ImageSet set, int image) {
        int sum = 0;
        for (int r = 0; r < set.rows(); r++) {
            for (int c = 0; c < set.cols(); c++) {
                sum += set.pixel(image, r, c);
            }
        }
        return sum;
    }
}
