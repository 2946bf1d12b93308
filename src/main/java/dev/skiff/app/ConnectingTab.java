package dev.skiff.app;

import dev.skiff.app.fx.UserMessage;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Stands in for a tab whose connection is being opened (a file browser): the steps as they are
 * reported, a Cancel button, and after a failure the message with Retry. The caller replaces it by
 * the real tab when the connection is ready.
 *
 * <p>FX thread only.
 */
final class ConnectingTab extends Tab {
    private final ProgressIndicator spinner = new ProgressIndicator();
    private final Label step = new Label();
    private final Label error = new Label();
    private final Button cancel = new Button("Cancel");
    private final Button retry = new Button("Retry", new FontIcon(Feather.REFRESH_CW));

    ConnectingTab(String title, Runnable onCancel, Runnable onRetry) {
        super(title);
        setGraphic(new FontIcon(Feather.FOLDER));
        spinner.setMaxSize(40, 40);
        step.setId("connecting-step");
        error.setId("connecting-error");
        error.setWrapText(true);
        error.setMaxWidth(560);
        error.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        step.getStyleClass().add("title-4");
        cancel.managedProperty().bind(cancel.visibleProperty());
        retry.managedProperty().bind(retry.visibleProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        error.getStyleClass().add("text-muted");
        cancel.setId("connecting-cancel");
        cancel.setOnAction(e -> onCancel.run());
        retry.setId("connecting-retry");
        retry.setOnAction(e -> onRetry.run());
        VBox box = new VBox(12, spinner, step, error, new HBox(8, cancel, retry));
        ((HBox) box.getChildren().get(3)).setAlignment(Pos.CENTER);
        box.setAlignment(Pos.CENTER);
        box.setId("connecting");
        setContent(box);
        connecting("Connecting");
    }

    /** Shows that {@code what} is under way. */
    void connecting(String what) {
        spinner.setVisible(true);
        step.setText(what + "…");
        error.setText("");
        retry.setVisible(false);
        cancel.setVisible(true);
    }

    /** Shows why the attempt failed, with Retry. */
    void failed(UserMessage message) {
        spinner.setVisible(false);
        step.setText(message.title());
        error.setText(message.text());
        retry.setVisible(true);
        cancel.setVisible(false);
    }
}
