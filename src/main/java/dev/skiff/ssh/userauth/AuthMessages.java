package dev.skiff.ssh.userauth;

import java.util.List;

/** The one place that words authentication failures (DESIGN.md section 6: host, step, cause). */
final class AuthMessages {
    private AuthMessages() {
    }

    /**
     * "Authentication failed for alice@host: tried publickey, keyboard-interactive; the server
     * allows publickey,password" followed by {@code detail} (may be empty).
     */
    static String failed(String user, String host, List<String> tried, List<String> allowed, String detail) {
        return "Authentication failed for " + user + "@" + host + ": tried "
                + (tried.isEmpty() ? "nothing" : String.join(", ", tried)) + "; the server allows "
                + allowedText(allowed) + detail;
    }

    static String allowedText(List<String> allowed) {
        return allowed.isEmpty() ? "nothing more" : String.join(",", allowed);
    }
}
