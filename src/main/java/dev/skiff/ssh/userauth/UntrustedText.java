package dev.skiff.ssh.userauth;

import java.nio.charset.StandardCharsets;

/**
 * Helpers for server-supplied text (banner, prompts, instructions): DESIGN.md section 3 says it is
 * untrusted plain text. Skiff passes it on raw; front ends call {@link #visible} before display so
 * that escape sequences cannot drive the terminal or hide text.
 */
public final class UntrustedText {
    private UntrustedText() {
    }

    /**
     * The text with control characters made visible: line feeds and tabs are kept, CR LF becomes
     * LF, other C0 controls and DEL use caret notation ({@code ESC} → {@code ^[}), C1 controls and
     * Unicode bidirectional / invisible formatting characters become {@code <U+202E>}.
     */
    public static String visible(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\t') {
                b.append(c);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue;
            } else if (c < 0x20) {
                b.append('^').append((char) (c + 0x40));
            } else if (c == 0x7f) {
                b.append("^?");
            } else if ((c >= 0x80 && c <= 0x9f) || isFormatting(c)) {
                b.append(String.format("<U+%04X>", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Bidi embeddings/overrides/isolates, zero-width and byte-order marks. */
    private static boolean isFormatting(char c) {
        return (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0xfeff;
    }

    /** UTF-8 decoding that replaces malformed input (servers in the wild send Latin-1 prompts). */
    static String lenient(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
