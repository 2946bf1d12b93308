package dev.skiff.ssh.userauth;

import java.util.Objects;

/**
 * One keyboard-interactive prompt (RFC 4256 section 3.2): untrusted server text and whether the
 * answer may be echoed while typed ({@code false} for passwords and one-time codes).
 */
public record Prompt(String text, boolean echo) {
    public Prompt {
        Objects.requireNonNull(text, "text");
    }
}
