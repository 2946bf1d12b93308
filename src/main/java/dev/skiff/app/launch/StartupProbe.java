package dev.skiff.app.launch;

import java.lang.management.ManagementFactory;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Start-up measurement and the AppCDS training run. With {@code -Dskiff.startupProbe=true} the app
 * prints {@code skiff: first frame <ms> ms after JVM start, epoch <ms>} to stderr at the first pulse
 * after the main window is shown (the epoch time lets a script measure from before it started the
 * process, launcher included: {@code packaging/measure-startup.sh}); with {@code -Dskiff.exitAfterFirstFrame=true} it
 * also exits one second later (used to record the class list of a start-up, see
 * {@code jpackage/Package.java}). Without either property it does nothing.
 *
 * <p>FX thread only.
 */
public final class StartupProbe {

    static final String PROBE = "skiff.startupProbe";
    static final String EXIT = "skiff.exitAfterFirstFrame";

    private StartupProbe() {
    }

    /** Call once from {@code Application.start}, before {@code stage.show()}. */
    public static void firstFrame(Stage stage) {
        boolean exit = Boolean.getBoolean(EXIT);
        if (!Boolean.getBoolean(PROBE) && !exit) {
            return;
        }
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, event -> {
            Scene scene = stage.getScene();
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                System.err.println("skiff: first frame " + ManagementFactory.getRuntimeMXBean().getUptime()
                        + " ms after JVM start, epoch " + System.currentTimeMillis());
                if (exit) {
                    PauseTransition pause = new PauseTransition(javafx.util.Duration.seconds(1));
                    pause.setOnFinished(e -> {
                        Platform.exit();
                        System.exit(0);
                    });
                    pause.play();
                }
            };
            scene.addPostLayoutPulseListener(once[0]);
            Platform.requestNextPulse();
        });
    }
}
