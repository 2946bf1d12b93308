package dev.skiff.app;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The JavaFX application and composition root: it creates the top-level objects and wires them
 * together by constructor injection (no DI framework).
 *
 * <p>Started through {@link GuiLauncher}; never the JVM main class (the app runs on the class path).
 */
public final class SkiffApp extends Application {

    static final String TITLE = "Skiff";
    static final double DEFAULT_WIDTH = 1100;
    static final double DEFAULT_HEIGHT = 720;

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());

        MainView view = new MainView();
        Scene scene = new Scene(view.root(), DEFAULT_WIDTH, DEFAULT_HEIGHT);
        scene.getStylesheets().add(resource("skiff.css"));

        stage.setTitle(TITLE);
        stage.setMinWidth(480);
        stage.setMinHeight(320);
        for (String size : new String[] {"16", "32", "64", "256"}) {
            stage.getIcons().add(new Image(resource("icon-" + size + ".png")));
        }
        stage.setScene(scene);
        dev.skiff.app.launch.StartupProbe.firstFrame(stage);
        view.setOnQuit(stage::close);
        stage.show();
    }

    private static String resource(String name) {
        var url = SkiffApp.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing resource dev/skiff/app/" + name);
        }
        return url.toExternalForm();
    }
}
