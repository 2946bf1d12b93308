package dev.skiff.app.sftp;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Writes a PNG of a node to target/screenshots/ (javafx-swing is not on the class path). */
final class Screenshots {
    private Screenshots() {
    }

    static Path save(Node node, String name) throws Exception {
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get();
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, r.getArgb(x, y));
            }
        }
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        if (!ImageIO.write(out, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
        return file;
    }
}
