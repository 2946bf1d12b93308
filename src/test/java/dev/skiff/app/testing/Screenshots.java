package dev.skiff.app.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The one screenshot helper of the app tests: writes PNG snapshots of JavaFX nodes, scenes or
 * whole windows to {@code target/screenshots/NAME.png} (works under Monocle and Xvfb; javafx-swing
 * is not on the class path, so pixels are copied into a {@link BufferedImage}). Any thread: the
 * snapshot itself is taken on the FX thread.
 */
public final class Screenshots {
    /** Where screenshots are written. */
    public static final Path DIR = Path.of("target", "screenshots");

    private Screenshots() {
    }

    /** Snapshots {@code node} (after CSS and layout) and writes {@code name}.png; returns the file. */
    public static Path save(Node node, String name) {
        return write(onFx(() -> {
            node.applyCss();
            if (node instanceof Parent p) {
                p.layout();
            }
            return node.snapshot(null, null);
        }), name);
    }

    /** Snapshots a whole scene (a window's content, dialogs included: they are their own scenes). */
    public static Path save(Scene scene, String name) {
        return write(onFx(() -> scene.snapshot(null)), name);
    }

    /** Snapshots the scene of {@code window} (a stage or a dialog's window). */
    public static Path save(Window window, String name) {
        return save(window.getScene(), name);
    }

    /** The number of distinct RGB colours in a PNG (a blank or failed snapshot has one or two). */
    public static int distinctColours(Path png) {
        try {
            BufferedImage img = ImageIO.read(png.toFile());
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    colours.add(img.getRGB(x, y) & 0xFFFFFF);
                }
            }
            return colours.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mean brightness of a PNG, 0 (black) to 1 (white): tells a dark theme from a light one. */
    public static double meanBrightness(Path png) {
        try {
            BufferedImage img = ImageIO.read(png.toFile());
            double sum = 0;
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    int rgb = img.getRGB(x, y);
                    sum += 0.299 * (rgb >> 16 & 0xFF) + 0.587 * (rgb >> 8 & 0xFF) + 0.114 * (rgb & 0xFF);
                }
            }
            return sum / (255.0 * img.getWidth() * img.getHeight());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WritableImage onFx(Callable<WritableImage> shot) {
        try {
            return Platform.isFxApplicationThread() ? shot.call()
                    : WaitForAsyncUtils.asyncFx(shot).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("snapshot failed", e);
        }
    }

    private static Path write(WritableImage img, String name) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(DIR);
            Path file = DIR.resolve(name + ".png");
            if (!ImageIO.write(out, "png", file.toFile())) {
                throw new IOException("no PNG writer");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
