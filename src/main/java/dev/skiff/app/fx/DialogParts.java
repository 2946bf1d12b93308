package dev.skiff.app.fx;

import dev.skiff.ssh.userauth.UntrustedText;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Building blocks shared by Skiff's dialogs: a header with an icon, title and subtitle, and labels
 * for untrusted or monospaced text. Server text only ever goes into plain {@link Label}s, after
 * {@link UntrustedText#visible}. FX thread only.
 */
public final class DialogParts {
    private DialogParts() {
    }

    /**
     * A dialog header: a large icon tinted by {@code tone} ({@code accent}, {@code warning},
     * {@code danger}, {@code success}) beside a title and an optional subtitle.
     */
    public static HBox header(Ikon icon, String title, String subtitle, String tone) {
        FontIcon graphic = new FontIcon(icon);
        graphic.getStyleClass().addAll("dialog-icon", tone);
        Label titleLabel = new Label(title);
        titleLabel.getStyleClass().addAll("title-3", "dialog-title");
        VBox texts = new VBox(2, titleLabel);
        if (subtitle != null && !subtitle.isEmpty()) {
            Label sub = new Label(subtitle);
            sub.getStyleClass().addAll("text-muted", "dialog-subtitle");
            sub.setWrapText(true);
            texts.getChildren().add(sub);
        }
        HBox header = new HBox(14, graphic, texts);
        header.getStyleClass().addAll("dialog-header", tone);
        return header;
    }

    /** A wrapping label for untrusted text: control characters are made visible, no markup. */
    public static Label untrusted(String serverText) {
        return plainText(UntrustedText.visible(serverText));
    }

    /** A wrapping label for text that is already safe to show. */
    public static Label plainText(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setMaxWidth(560);
        label.getStyleClass().add("dialog-text");
        return label;
    }

    /** {@code file} as the user knows it: under the home directory written {@code ~/...}. */
    public static String homePath(java.nio.file.Path file) {
        java.nio.file.Path home = java.nio.file.Path.of(System.getProperty("user.home", "/")).toAbsolutePath();
        java.nio.file.Path f = file.toAbsolutePath();
        return f.startsWith(home) && !f.equals(home) ? "~/" + home.relativize(f) : f.toString();
    }

    /** A label naming a field in a form ("Host", "Fingerprint"), never shortened. */
    public static Label fieldName(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-name");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** A wrapping, muted explanation of limited width, so that it never decides the dialog's width. */
    public static Label hint(String text) {
        Label label = plainText(text);
        label.getStyleClass().add("text-muted");
        label.setPrefWidth(400);
        return label;
    }

    /** A label in a monospace font, not wrapped (fingerprints, random art). */
    public static Label monospace(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("monospace-text");
        label.setWrapText(false);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
