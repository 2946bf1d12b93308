package dev.skiff.app.interaction;

import dev.skiff.ssh.userauth.UntrustedText;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Banner text (SSH_MSG_USERAUTH_BANNER) and keyboard-interactive information collected during
 * authentication, made visible-safe. Observable, e.g. for a terminal tab to show above the
 * session. FX thread.
 */
public final class BannerViewModel {
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");

    /** Appends untrusted server text, separated from earlier text by a line break. */
    public void append(String serverText) {
        String visible = UntrustedText.visible(serverText).stripTrailing();
        if (visible.isEmpty()) {
            return;
        }
        text.set(text.get().isEmpty() ? visible : text.get() + "\n" + visible);
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public void clear() {
        text.set("");
    }
}
