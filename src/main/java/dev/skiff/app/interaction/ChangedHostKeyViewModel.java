package dev.skiff.app.interaction;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The changed-host-key warning's state. Replacing the stored key needs the explicit confirmation
 * {@link #verifiedProperty()} ("I have verified the new fingerprint"); Cancel is the default.
 * FX thread (plain properties, no UI).
 */
public final class ChangedHostKeyViewModel {
    private final PresentedHostKey key;
    private final ObservableList<String> storedKeys;
    private final BooleanProperty verified = new SimpleBooleanProperty(false);
    private final BooleanBinding replaceDisabled = Bindings.not(verified);
    private final String replaceHint;

    public ChangedHostKeyViewModel(PresentedHostKey key, List<StoredHostKey> stored, String saveFile) {
        this.key = key;
        this.storedKeys = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(
                stored.stream().map(s -> s.fingerprint() + " (" + s.keyType() + ")\nstored in " + s.location()).toList()));
        boolean elsewhere = stored.stream().anyMatch(s -> !s.inSaveFile());
        this.replaceHint = "Replacing removes the old key from " + saveFile + " and saves the new one there."
                + (elsewhere ? " Lines in other files are left as they are; the saved key takes precedence." : "");
    }

    public String title() {
        return "The host key has changed";
    }

    public String subtitle() {
        return key.displayName() + " presented a different " + key.keyType() + " key than the one stored."
                + " Someone could be intercepting the connection (man-in-the-middle attack),"
                + " or the server's host key was replaced.";
    }

    public String newFingerprint() {
        return key.fingerprint();
    }

    public String newKeyType() {
        return key.keyType() + " (" + key.bits() + " bits)";
    }

    public String randomArt() {
        return key.randomArt();
    }

    /** One entry per stored key: fingerprint and type, then a line {@code stored in file:line}. */
    public ObservableList<String> storedKeys() {
        return storedKeys;
    }

    public String replaceHint() {
        return replaceHint;
    }

    /** The user confirms having checked the new fingerprint; enables "Replace the stored key". */
    public BooleanProperty verifiedProperty() {
        return verified;
    }

    public BooleanBinding replaceDisabledProperty() {
        return replaceDisabled;
    }
}
