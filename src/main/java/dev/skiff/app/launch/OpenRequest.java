package dev.skiff.app.launch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * What a launcher asks the app to open: a saved host by its label ({@code skiff open LABEL}), or an
 * {@code ssh://} / {@code sftp://} URL ({@code skiff ssh://user@host:2222}, a desktop URL handler).
 *
 * <p>Immutable, parsed once, safe on any thread. Text fields never contain control characters, so a
 * request can travel as one protocol line ({@link #encode()} / {@link #decode(String)}).
 *
 * @param kind  {@link Kind#SAVED_HOST} or {@link Kind#URI}
 * @param label the saved host's label ({@code SAVED_HOST} only, else {@code null})
 * @param scheme {@code "ssh"} or {@code "sftp"} ({@code URI} only)
 * @param user  the login name from the URL, or {@code null} when the URL has none
 * @param host  host name or address (IPv6 without brackets) ({@code URI} only)
 * @param port  TCP port, 22 when the URL has none ({@code URI} only; 0 for saved hosts)
 * @param path  remote path from the URL (for {@code sftp://}), or {@code null}
 */
public record OpenRequest(Kind kind, String label, String scheme, String user, String host, int port, String path) {

    /** The two kinds of request. */
    public enum Kind { SAVED_HOST, URI }

    /** Longest label, user, host or path accepted, in characters. */
    public static final int MAX_FIELD = 1024;
    static final int DEFAULT_PORT = 22;

    public OpenRequest {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.SAVED_HOST) {
            checkText("label", label, false);
            if (label.isBlank()) {
                throw new IllegalArgumentException("empty host label");
            }
        } else {
            if (!"ssh".equals(scheme) && !"sftp".equals(scheme)) {
                throw new IllegalArgumentException("not an ssh:// or sftp:// URL");
            }
            checkText("host", host, false);
            checkText("user", user, true);
            checkText("path", path, true);
            if (host.isEmpty()) {
                throw new IllegalArgumentException("URL without a host");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }
    }

    /** Why {@code skiff open LABEL} is refused when no saved host has that label or id. */
    public static String unknownHost(String label) {
        return "no saved host \"" + label + "\" (see the Hosts sidebar)";
    }

    /** A request to open the saved host labelled {@code label}. */
    public static OpenRequest savedHost(String label) {
        return new OpenRequest(Kind.SAVED_HOST, label, null, null, null, 0, null);
    }

    /** Whether a command-line argument is an {@code ssh://} or {@code sftp://} URL (case-insensitive scheme). */
    public static boolean isOpenUrl(String argument) {
        String lower = argument.toLowerCase(Locale.ROOT);
        return lower.startsWith("ssh://") || lower.startsWith("sftp://");
    }

    /**
     * Parses {@code ssh://[user[;params]@]host[:port][/path]} or the same with {@code sftp://}
     * (draft-ietf-secsh-scp-sftp-ssh-uri). Connection parameters after {@code ;} (such as a
     * fingerprint) are ignored; user and path are percent-decoded.
     *
     * @throws IllegalArgumentException when the text is not such a URL
     */
    public static OpenRequest parseUrl(String text) {
        if (text.length() > 4 * MAX_FIELD || !isOpenUrl(text)) {
            throw new IllegalArgumentException("not an ssh:// or sftp:// URL");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("malformed URL: " + e.getReason(), e);
        }
        String host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException("URL without a host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String user = uri.getUserInfo();
        if (user != null) {
            int semicolon = user.indexOf(';');
            user = semicolon >= 0 ? user.substring(0, semicolon) : user;
            user = user.isEmpty() ? null : user;
        }
        String path = uri.getPath();
        path = path == null || path.isEmpty() || path.equals("/") ? null : path;
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        return new OpenRequest(Kind.URI, null, uri.getScheme().toLowerCase(Locale.ROOT), user, host, port, path);
    }

    /** Whether this asks for the file browser ({@code sftp://}) rather than a terminal. */
    public boolean isSftp() {
        return "sftp".equals(scheme);
    }

    /** One line for the single-instance protocol: {@code HOST <label>} or {@code URL <url>}. */
    public String encode() {
        return kind == Kind.SAVED_HOST ? "HOST " + label : "URL " + toUrl();
    }

    /** Inverse of {@link #encode()}. @throws IllegalArgumentException for anything else */
    public static OpenRequest decode(String line) {
        if (line.startsWith("HOST ")) {
            return savedHost(line.substring(5));
        }
        if (line.startsWith("URL ")) {
            return parseUrl(line.substring(4));
        }
        throw new IllegalArgumentException("unknown request");
    }

    /** The request as a URL ({@code URI} kind only). */
    public String toUrl() {
        if (kind != Kind.URI) {
            throw new IllegalStateException("a saved-host request has no URL");
        }
        try {
            String hostPart = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
            String authority = (user == null ? "" : user + "@") + hostPart + (port == DEFAULT_PORT ? "" : ":" + port);
            return new URI(scheme, authority, path, null, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return kind == Kind.SAVED_HOST ? "open saved host '" + label + "'" : "open " + toUrl();
    }

    private static void checkText(String what, String value, boolean nullable) {
        if (value == null) {
            if (!nullable) {
                throw new IllegalArgumentException("missing " + what);
            }
            return;
        }
        if (value.length() > MAX_FIELD) {
            throw new IllegalArgumentException(what + " too long");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(what + " contains a control character");
            }
        }
    }
}
