package dev.skiff.app.fx;

import java.util.Objects;

/**
 * A message for the user: a short title ("Authentication failed") and the full text, which names
 * the host, the step and the cause. Plain text; may span lines. Immutable.
 */
public record UserMessage(String title, String text) {
    public UserMessage {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
    }
}
