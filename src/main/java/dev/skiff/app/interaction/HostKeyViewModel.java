package dev.skiff.app.interaction;

/**
 * The unknown-host-key dialog's state: what the server presented, as display text. Immutable (the
 * dialog's only input is the user's choice of button); any thread.
 */
public final class HostKeyViewModel {
    private final PresentedHostKey key;
    private final String saveFile;

    public HostKeyViewModel(PresentedHostKey key, String saveFile) {
        this.key = key;
        this.saveFile = saveFile;
    }

    public String title() {
        return "Unknown host key";
    }

    public String subtitle() {
        return "The authenticity of " + key.displayName() + " can't be established.";
    }

    public String host() {
        return key.displayName();
    }

    public String keyType() {
        return key.keyType() + " (" + key.bits() + " bits)";
    }

    public String fingerprint() {
        return key.fingerprint();
    }

    public String randomArt() {
        return key.randomArt();
    }

    public String hint() {
        return "Compare the fingerprint with the one the server's administrator gave you. \"Trust and save\""
                + " remembers the key in " + saveFile + "; \"Connect once\" trusts it until Skiff quits.";
    }
}
