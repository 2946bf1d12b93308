package dev.skiff.app.terminal;

import dev.skiff.app.terminal.TerminalTabViewModel.State;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * What covers the terminal while it is not connected: a card with a spinner, the step and Cancel
 * (CONNECTING); the message and Retry (FAILED); a bottom banner "press Enter or click to reconnect"
 * (DISCONNECTED, the old output stays readable). Hidden while CONNECTED. FX thread only.
 */
final class TerminalOverlay extends StackPane {
    private static final javafx.css.PseudoClass QUIET = javafx.css.PseudoClass.getPseudoClass("quiet");
    static final String RECONNECT_HINT = "Disconnected \u2014 press Enter or click to reconnect";

    TerminalOverlay(TerminalTabViewModel vm, Runnable cancel, Runnable retry) {
        getStyleClass().add("terminal-overlay");

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(28, 28);
        Label step = new Label();
        step.setId("terminal-step");
        step.textProperty().bind(vm.stepProperty());
        Button cancelButton = new Button("Cancel");
        cancelButton.setId("terminal-cancel");
        cancelButton.setOnAction(e -> cancel.run());
        Label connectingTitle = new Label("Connecting to " + vm.displayName());
        connectingTitle.getStyleClass().add("terminal-card-title");
        step.getStyleClass().add("terminal-card-step");
        HBox stepRow = new HBox(12, spinner, new VBox(4, connectingTitle, step));
        stepRow.setAlignment(Pos.CENTER_LEFT);
        VBox connecting = card(stepRow, cancelButton);

        FontIcon alert = new FontIcon(Feather.ALERT_TRIANGLE);
        alert.getStyleClass().add("terminal-error-icon");
        Label error = new Label();
        error.setId("terminal-error");
        error.setWrapText(true);
        error.setMaxWidth(460);
        error.textProperty().bind(vm.messageProperty());
        Button retryButton = new Button("Retry");
        retryButton.setId("terminal-retry");
        retryButton.getStyleClass().add("accent");
        retryButton.setOnAction(e -> retry.run());
        Label failedTitle = new Label();
        failedTitle.getStyleClass().add("terminal-card-title");
        failedTitle.textProperty().bind(vm.failureTitleProperty());
        HBox errorRow = new HBox(12, alert, new VBox(4, failedTitle, error));
        errorRow.setAlignment(Pos.TOP_LEFT);
        VBox failed = card(errorRow, retryButton);

        Label hint = new Label(RECONNECT_HINT, new FontIcon(Feather.REFRESH_CW));
        hint.setId("terminal-reconnect-hint");
        hint.getStyleClass().add("terminal-reconnect-hint");
        hint.setMaxWidth(Double.MAX_VALUE);
        StackPane.setAlignment(hint, Pos.BOTTOM_CENTER);

        getChildren().addAll(connecting, failed, hint);
        show(connecting, vm, State.CONNECTING);
        show(failed, vm, State.FAILED);
        show(hint, vm, State.DISCONNECTED);
        visibleProperty().bind(vm.stateProperty().isNotEqualTo(State.CONNECTED));
        // the old output stays readable under the reconnect banner
        vm.stateProperty().addListener((o, was, now) -> pseudoClassStateChanged(QUIET, now == State.DISCONNECTED));
        // while disconnected the dim layer is click-through to nothing: a click anywhere reconnects
        setOnMouseClicked(e -> {
            if (vm.state() == State.DISCONNECTED) {
                retry.run();
                e.consume();
            }
        });
    }

    private static VBox card(javafx.scene.Node body, Button button) {
        HBox buttons = new HBox(button);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox card = new VBox(16, body, buttons);
        card.getStyleClass().add("terminal-card");
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        StackPane.setAlignment(card, Pos.CENTER);
        return card;
    }

    private static void show(javafx.scene.Node node, TerminalTabViewModel vm, State when) {
        node.visibleProperty().bind(vm.stateProperty().isEqualTo(when));
        node.managedProperty().bind(node.visibleProperty());
    }
}
