package dev.skiff.app.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Writes PNG snapshots of JavaFX nodes to {@code target/screenshots/} (works under Monocle and Xvfb). */
public final class Screenshots {
    private Screenshots() {
    }

    /** Any thread: snapshots {@code node} on the FX thread and writes {@code name}.png; returns the file. */
    public static Path save(Node node, String name) {
        try {
            WritableImage img = Platform.isFxApplicationThread() ? node.snapshot(null, null)
                    : WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get();
            int w = (int) img.getWidth();
            int h = (int) img.getHeight();
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            PixelReader pixels = img.getPixelReader();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out.setRGB(x, y, pixels.getArgb(x, y));
                }
            }
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            ImageIO.write(out, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("snapshot " + name + " failed", e);
        }
    }
}
