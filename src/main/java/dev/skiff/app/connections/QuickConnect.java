package dev.skiff.app.connections;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * What the quick-connect field accepts: {@code host}, {@code user@host}, {@code user@host:port},
 * {@code [v6addr]:port}, or a URI {@code ssh://user@host:port} / {@code sftp://user@host:port/path}
 * (RFC 3986 authority; the path is kept for SFTP).
 *
 * @param user the user, or null for the default (the local user / ssh_config)
 * @param port the port, or 0 for the default
 * @param path the remote path of an {@code sftp://} URI, or null
 */
public record QuickConnect(Scheme scheme, String user, String host, int port, String path) {

    /** Whether the target opens a terminal or a file browser. */
    public enum Scheme { SSH, SFTP }

    /** Parses the field's text; empty when it is not a usable destination. */
    public static Optional<QuickConnect> parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return Optional.empty();
        }
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("ssh://") || lower.startsWith("sftp://")) {
            return parseUri(t, lower.startsWith("ssh://") ? Scheme.SSH : Scheme.SFTP);
        }
        String user = null;
        int at = t.lastIndexOf('@');
        if (at >= 0) {
            user = t.substring(0, at);
            t = t.substring(at + 1);
            if (user.isEmpty()) {
                return Optional.empty();
            }
        }
        String host = t;
        int port = 0;
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            host = t.substring(1, close);
            String rest = t.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    return Optional.empty();
                }
                port = parsePort(rest.substring(1));
            }
        } else if (t.indexOf(':') >= 0 && t.indexOf(':') == t.lastIndexOf(':')) {
            host = t.substring(0, t.indexOf(':'));
            port = parsePort(t.substring(t.indexOf(':') + 1));
        }
        if (host.isEmpty() || port < 0) {
            return Optional.empty();
        }
        return Optional.of(new QuickConnect(Scheme.SSH, user, host, port, null));
    }

    private static Optional<QuickConnect> parseUri(String text, Scheme scheme) {
        try {
            URI uri = new URI(text);
            String host = uri.getHost();
            if (host == null || host.isEmpty()) {
                return Optional.empty();
            }
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            String user = uri.getUserInfo();
            if (user != null && user.contains(";")) {
                user = user.substring(0, user.indexOf(';')); // RFC draft: ssh://user;fingerprint=...@host
            }
            String path = uri.getPath() == null || uri.getPath().isEmpty() ? null : uri.getPath();
            return Optional.of(new QuickConnect(scheme, user, host, Math.max(uri.getPort(), 0),
                    scheme == Scheme.SFTP ? path : null));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static int parsePort(String s) {
        if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        int p = Integer.parseInt(s);
        return p >= 1 && p <= 65535 ? p : -1;
    }

    /** {@code user@host:port} for tab titles and the connection key. */
    public String display() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return (user == null ? "" : user + "@") + h + (port == 0 ? "" : ":" + port);
    }
}
