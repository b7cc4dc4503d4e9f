package dev.flowgraph.examples.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class LossChartTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    @BeforeEach
    void fonts() {
        TestData.assumeTextRenders();
    }

    /** Reads a PNG after checking its signature. */
    static BufferedImage readPng(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, 8), "PNG signature of " + file);
        return ImageIO.read(file.toFile());
    }

    private static int pixelsNear(BufferedImage image, Color color) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = new Color(image.getRGB(x, y));
                if (Math.abs(c.getRed() - color.getRed()) + Math.abs(c.getGreen() - color.getGreen())
                        + Math.abs(c.getBlue() - color.getBlue()) < 12) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void writesAPngOfTheCurveWithItsRunningMean() throws IOException {
        LossChart chart = new LossChart(50);
        for (int step = 0; step < 150; step++) {
            chart.add(2.0 / (1 + step) + (step % 2) * 0.05);
        }
        Path file = dir.resolve("pictures/loss.png");
        chart.writePng(file);

        BufferedImage png = readPng(file);
        assertEquals(LossChart.WIDTH, png.getWidth());
        assertEquals(LossChart.HEIGHT, png.getHeight());
        // Both lines are drawn: a 150-step curve across ~700 pixels has hundreds of pixels of each colour.
        assertTrue(pixelsNear(png, LossChart.MEAN_COLOR) > 200, "mean-line pixels");
        assertTrue(pixelsNear(png, LossChart.STEP_COLOR) > 200, "step-line pixels");
        assertEquals(Color.WHITE.getRGB(), png.getRGB(2, 2), "background");
    }

    @Test
    void leavesNonFiniteLossesOut() throws IOException {
        LossChart chart = new LossChart(2);
        chart.add(1.0);
        chart.add(Double.NaN);
        chart.add(Double.POSITIVE_INFINITY);
        chart.add(0.5);
        assertArrayEquals(new double[] {1.0, Double.NaN, Double.POSITIVE_INFINITY, 0.5}, chart.losses());
        Path file = dir.resolve("diverged.png");
        chart.writePng(file);
        assertEquals(LossChart.WIDTH, readPng(file).getWidth());
    }

    @Test
    void aFlatCurveStillDraws() throws IOException {
        LossChart chart = new LossChart(1);
        chart.add(0.25);
        Path file = dir.resolve("flat.png");
        chart.writePng(file);
        assertEquals(LossChart.HEIGHT, readPng(file).getHeight());
    }

    @Test
    void nothingToPlot() {
        LossChart chart = new LossChart(10);
        assertEquals("no finite loss to plot among the 0 recorded",
                assertThrows(IllegalStateException.class, () -> chart.writePng(dir.resolve("x.png"))).getMessage());
        chart.add(Double.NaN);
        assertEquals("no finite loss to plot among the 1 recorded",
                assertThrows(IllegalStateException.class, () -> chart.writePng(dir.resolve("x.png"))).getMessage());
        assertEquals("stepsPerEpoch must be at least 1 but is 0",
                assertThrows(IllegalArgumentException.class, () -> new LossChart(0)).getMessage());
    }
}
