package dev.skiff.app.sessions;

import java.util.List;

/** Which authentication method a saved host tries first; the others follow as fallbacks. */
public enum AuthPreference {
    /** Keys held by the SSH agent (publickey). */
    AGENT("Agent", List.of("publickey", "keyboard-interactive", "password")),
    /** The host's identity file only (publickey, {@code IdentitiesOnly=yes}). */
    KEY_FILE("Key file", List.of("publickey", "keyboard-interactive", "password")),
    /** Password. */
    PASSWORD("Password", List.of("password", "keyboard-interactive", "publickey")),
    /** Keyboard-interactive (one-time codes, two-factor prompts). */
    KEYBOARD_INTERACTIVE("Keyboard-interactive", List.of("keyboard-interactive", "password", "publickey"));

    private final String displayName;
    private final List<String> methods;

    AuthPreference(String displayName, List<String> methods) {
        this.displayName = displayName;
        this.methods = methods;
    }

    /** The ssh_config {@code PreferredAuthentications} value for this preference. */
    public String preferredAuthentications() {
        return String.join(",", methods);
    }

    @Override
    public String toString() {
        return displayName;
    }
}
