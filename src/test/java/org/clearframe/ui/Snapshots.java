package org.clearframe.ui;

import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** Writes a snapshot of a node to PNG, so a test run can leave pictures of what it saw. */
final class Snapshots {
    private Snapshots() {}

    static void write(Node node, Path png) throws IOException {
        WritableImage image = node.snapshot(null, null);
        int w = (int) image.getWidth(), h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) out.setRGB(x, y, pixels.getArgb(x, y));
        ImageIO.write(out, "png", png.toFile());
    }
}
