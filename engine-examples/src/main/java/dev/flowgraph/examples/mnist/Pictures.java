package dev.flowgraph.examples.mnist;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** What the two picture writers share: headless AWT and writing a PNG to an exact path. */
final class Pictures {
    private Pictures() {}

    /**
     * Makes AWT headless unless the user chose otherwise, so that pictures render on servers and
     * CI machines without a display. Must run before the first AWT object is made.
     */
    static void headless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Writes the image as a PNG, creating missing parent directories. */
    static void writePng(BufferedImage image, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer for a " + image.getType() + " image: cannot write " + file);
        }
    }
}
