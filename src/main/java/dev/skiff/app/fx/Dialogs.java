package dev.skiff.app.fx;

import java.net.URL;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/**
 * Shows dialogs owned by the main window without blocking the FX thread: {@link #show} returns a
 * future that the dialog completes when it closes; cancelling the future closes the dialog. Worker
 * threads reach it through {@link FxThreads#ask}.
 *
 * <p>Every dialog gets the Skiff dialog stylesheet ({@code dialogs.css}); the AtlantaFX theme
 * comes from the application's user agent stylesheet. FX thread only, except {@link #showError}.
 */
public final class Dialogs {
    private static final String STYLESHEET = resource("dialogs.css");

    private final Supplier<Window> owner;
    private final ErrorPresenter errors;

    /**
     * @param owner the window dialogs belong to (usually the main stage); may supply {@code null}
     *     for an unowned, application-modal dialog
     */
    public Dialogs(Supplier<Window> owner, ErrorPresenter errors) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    /** Dialogs without an owner window (tests, tools). */
    public Dialogs() {
        this(() -> null, new ErrorPresenter());
    }

    public ErrorPresenter errors() {
        return errors;
    }

    /**
     * Shows {@code dialog} (modal for its owner, not waiting) and returns its result: completed with
     * the dialog's result (possibly {@code null}) when it closes. Cancelling the returned future
     * closes the dialog as if Cancel was pressed, so every dialog needs a cancel button.
     * FX thread only.
     */
    public <T> CompletableFuture<T> show(Dialog<T> dialog) {
        Window window = owner.get();
        return show(dialog, window, window == null ? Modality.APPLICATION_MODAL : Modality.WINDOW_MODAL);
    }

    /** Like {@link #show} but the dialog does not block other windows (banners, notices). */
    public <T> CompletableFuture<T> showNonModal(Dialog<T> dialog) {
        return show(dialog, owner.get(), Modality.NONE);
    }

    private <T> CompletableFuture<T> show(Dialog<T> dialog, Window window, Modality modality) {
        FxThreads.requireFxThread();
        if (window != null && dialog.getOwner() == null) {
            dialog.initOwner(window);
        }
        dialog.initModality(modality);
        dialog.getDialogPane().getStylesheets().add(STYLESHEET);
        dialog.getDialogPane().getStyleClass().add("skiff-dialog");
        CompletableFuture<T> result = new CompletableFuture<>();
        dialog.setOnHidden(event -> result.complete(dialog.getResult()));
        dialog.setResizable(true);
        dialog.getDialogPane().sceneProperty().addListener((obs, old, scene) -> fitOnShow(scene));
        fitOnShow(dialog.getDialogPane().getScene());
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                FxThreads.run(() -> {
                    if (dialog.isShowing()) {
                        dialog.close();
                    }
                });
            }
        });
        dialog.show();
        return result;
    }

    /**
     * Dialogs measure their content before the stylesheets (monospace fonts) apply; once the window
     * is showing, it is fitted to the styled content.
     */
    private static void fitOnShow(javafx.scene.Scene scene) {
        if (scene != null && scene.getWindow() != null) {
            scene.getWindow().addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> scene.getWindow().sizeToScene());
        }
    }

    /** Shows a message with a Close button ({@code #message-dialog}, text {@code #message-text}). */
    public CompletableFuture<Void> showMessage(UserMessage message) {
        FxThreads.requireFxThread();
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle(message.title());
        dialog.getDialogPane().setId("message-dialog");
        dialog.getDialogPane().setHeader(DialogParts.header(Feather.ALERT_CIRCLE, message.title(), null, "danger"));
        Label text = DialogParts.plainText(message.text());
        text.setId("message-text");
        dialog.getDialogPane().setContent(text);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().lookupButton(ButtonType.CLOSE).setId("message-close");
        return show(dialog);
    }

    /**
     * Asks before doing something that stops the user's work, and waits for the answer (a nested
     * event loop: for close requests, which must be answered at once). {@code #<id>-dialog} with
     * buttons {@code #<id>-ok} (labelled {@code action}) and {@code #<id>-cancel}, the default.
     * FX thread only; true for OK.
     */
    public boolean confirmNow(String id, String title, String text, String action) {
        FxThreads.requireFxThread();
        ButtonType ok = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(title);
        Window window = owner.get();
        if (window != null) {
            dialog.initOwner(window);
        }
        dialog.getDialogPane().setId(id + "-dialog");
        dialog.getDialogPane().getStylesheets().add(STYLESHEET);
        dialog.getDialogPane().getStyleClass().add("skiff-dialog");
        dialog.getDialogPane().setHeader(DialogParts.header(Feather.ALERT_TRIANGLE, title, null, "warning"));
        dialog.getDialogPane().setContent(DialogParts.plainText(text));
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        Button okButton = (Button) dialog.getDialogPane().lookupButton(ok);
        okButton.setId(id + "-ok");
        okButton.setDefaultButton(false);
        Button cancel = (Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setId(id + "-cancel");
        cancel.setDefaultButton(true);
        return dialog.showAndWait().filter(b -> b == ok).isPresent();
    }

    /** Shows the user-facing message for {@code error} (see {@link ErrorPresenter}). Any thread. */
    public void showError(Throwable error) {
        UserMessage message = errors.present(error);
        FxThreads.run(() -> showMessage(message));
    }

    private static String resource(String name) {
        URL url = Dialogs.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing resource dev/skiff/app/fx/" + name);
        }
        return url.toExternalForm();
    }
}
