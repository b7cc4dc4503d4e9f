package dev.flowgraph.examples.mnist;

import static com.google.common.base.Preconditions.checkNotNull;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A PNG grid of the images a model got wrong: the first {@value #MAX_IMAGES} misclassified
 * images in set order, {@value #COLUMNS} to a row, each enlarged {@value #SCALE} times (one
 * pixel becomes a {@value #SCALE}×{@value #SCALE} block of the same grey, 0 black to 255 white,
 * as in the files) over a caption {@code "label → predicted"}. The background is black.
 *
 * <p>Cell {@code k} (counted from 0) holds its image's top-left pixel at
 * {@code x = (k % COLUMNS) * cellWidth + PADDING}, {@code y = (k / COLUMNS) * cellHeight + PADDING},
 * where {@code cellWidth = cols * SCALE + 2 * PADDING} and
 * {@code cellHeight = rows * SCALE + CAPTION_HEIGHT + 2 * PADDING}: 92 × 108 pixels for MNIST.
 *
 * <pre>{@code
 * long[] predicted = session.runner().feed("x", test.images()).fetch("predicted").run()
 *         .get("predicted").toLongArray();
 * int shown = MisclassifiedGrid.writePng(Path.of("mnist-misclassified.png"), test, predicted);
 * }</pre>
 */
public final class MisclassifiedGrid {
    /** The most images the grid shows. */
    public static final int MAX_IMAGES = 36;
    /** The number of images in one row of the grid. */
    public static final int COLUMNS = 6;
    /** How many times each image is enlarged. */
    public static final int SCALE = 3;
    /** The blank border around each cell's content, in pixels. */
    public static final int PADDING = 4;
    /** The height of the caption under each image, in pixels. */
    public static final int CAPTION_HEIGHT = 16;

    private MisclassifiedGrid() {}

    /**
     * Writes the grid of misclassified images, creating missing parent directories. When no
     * image is misclassified, the picture holds one line of text saying so.
     *
     * @param file the PNG to write, replaced if it exists
     * @param images the images that were classified
     * @param predicted the predicted class of each image, e.g. {@code argMax(logits, 1)}'s values
     * @return the number of images drawn, at most {@value #MAX_IMAGES}
     * @throws IllegalArgumentException if there is not one prediction per image
     * @throws IOException if the file cannot be written
     */
    public static int writePng(Path file, ImageSet images, long[] predicted) throws IOException {
        checkNotNull(file, "file");
        images.checkPredictions(predicted);
        int[] wrong = new int[MAX_IMAGES];
        int n = 0;
        for (int i = 0; i < images.size() && n < MAX_IMAGES; i++) {
            if (predicted[i] != images.label(i)) {
                wrong[n++] = i;
            }
        }
        Pictures.headless();
        int cellWidth = images.cols() * SCALE + 2 * PADDING;
        int cellHeight = images.rows() * SCALE + CAPTION_HEIGHT + 2 * PADDING;
        int columns = Math.max(1, Math.min(n, COLUMNS));
        int gridRows = Math.max(1, (n + COLUMNS - 1) / COLUMNS);
        BufferedImage picture = new BufferedImage(n == 0 ? COLUMNS * cellWidth : columns * cellWidth,
                n == 0 ? CAPTION_HEIGHT + 2 * PADDING : gridRows * cellHeight, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = picture.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
            g.setFont(font);
            g.setColor(Color.WHITE);
            if (n == 0) {
                caption(g, "no misclassified images", 0, PADDING, picture.getWidth());
            }
            String arrow = font.canDisplay('\u2192') ? " \u2192 " : " -> ";
            for (int k = 0; k < n; k++) {
                int x = (k % COLUMNS) * cellWidth + PADDING;
                int y = (k / COLUMNS) * cellHeight + PADDING;
                draw(picture.getRaster(), images, wrong[k], x, y);
                caption(g, images.label(wrong[k]) + arrow + predicted[wrong[k]], x - PADDING,
                        y + images.rows() * SCALE, cellWidth);
            }
        } finally {
            g.dispose();
        }
        Pictures.writePng(picture, file);
        return n;
    }

    private static void draw(WritableRaster raster, ImageSet images, int image, int x, int y) {
        for (int r = 0; r < images.rows(); r++) {
            for (int c = 0; c < images.cols(); c++) {
                int grey = images.pixel(image, r, c);
                for (int dy = 0; dy < SCALE; dy++) {
                    for (int dx = 0; dx < SCALE; dx++) {
                        raster.setSample(x + c * SCALE + dx, y + r * SCALE + dy, 0, grey);
                    }
                }
            }
        }
    }

    /** Draws text centred in a box {@code width} wide whose caption line starts at {@code top}. */
    private static void caption(Graphics2D g, String text, int left, int top, int width) {
        FontMetrics metrics = g.getFontMetrics();
        int baseline = top + (CAPTION_HEIGHT + metrics.getAscent() - metrics.getDescent()) / 2;
        g.drawString(text, left + (width - metrics.stringWidth(text)) / 2, baseline);
    }
}
