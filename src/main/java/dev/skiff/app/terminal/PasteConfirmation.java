package dev.skiff.app.terminal;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * An in-tab confirmation before pasting text of several lines (each line would run as a command):
 * shows the line count and a preview, "Paste" ({@code #paste-confirm-ok}) or "Cancel"
 * ({@code #paste-confirm-cancel}, Escape). The pane has id {@code #paste-confirm}. FX thread only.
 */
final class PasteConfirmation extends StackPane {
    private final Label question = new Label();
    private final TextArea preview = new TextArea();
    private final Button ok = new Button("Paste");
    private Runnable onOk = () -> { };

    PasteConfirmation() {
        setId("paste-confirm");
        getStyleClass().add("terminal-overlay");
        preview.setEditable(false);
        preview.setPrefRowCount(6);
        preview.setPrefColumnCount(60);
        preview.getStyleClass().add("paste-preview");
        ok.setId("paste-confirm-ok");
        ok.getStyleClass().add("accent");
        ok.setDefaultButton(true);
        ok.setOnAction(e -> {
            hide();
            onOk.run();
        });
        Button cancel = new Button("Cancel");
        cancel.setId("paste-confirm-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> hide());
        HBox buttons = new HBox(8, cancel, ok);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox card = new VBox(12, question, preview, buttons);
        card.getStyleClass().add("terminal-card");
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        getChildren().add(card);
        setVisible(false);
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                hide();
                e.consume();
            }
        });
    }

    /** Whether {@code text} needs confirming: it holds a line break. */
    static boolean needsConfirmation(String text) {
        return text != null && (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0);
    }

    static int lineCount(String text) {
        return (int) text.strip().lines().count();
    }

    void ask(String text, Runnable paste) {
        onOk = paste;
        question.setText("Paste " + lineCount(text) + " lines into the terminal?");
        preview.setText(text);
        setVisible(true);
        ok.requestFocus();
    }

    void hide() {
        setVisible(false);
    }

    boolean isShowing() {
        return isVisible();
    }
}
