package dev.skiff.app.sftp;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A quick-connect address {@code sftp://[user@]host[:port][/path]} (RFC 3986 form, as in
 * draft-ietf-secsh-scp-sftp-ssh-uri-04; IPv6 hosts in brackets). Immutable; any thread.
 *
 * @param user the user, or null when not given (use the default / saved host's)
 * @param host the host name or address
 * @param port the port (22 when not given)
 * @param path the directory to open, or null for the remote home
 */
public record SftpUri(String user, String host, int port, String path) {
    public static final int DEFAULT_PORT = 22;

    /** Parses {@code text}; throws IllegalArgumentException with a user-readable reason. */
    public static SftpUri parse(String text) {
        String t = text == null ? "" : text.trim();
        if (!t.regionMatches(true, 0, "sftp://", 0, 7)) {
            throw new IllegalArgumentException("not an sftp:// address: " + t);
        }
        URI u;
        try {
            u = new URI(t);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad sftp:// address: " + e.getReason());
        }
        String host = u.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("no host in " + t);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String user = u.getRawUserInfo() == null ? null
                : URLDecoder.decode(u.getRawUserInfo().split(";", 2)[0], StandardCharsets.UTF_8);
        if (user != null && user.contains(":")) {
            throw new IllegalArgumentException("passwords do not belong in the address");
        }
        String path = u.getPath() == null || u.getPath().isEmpty() ? null : u.getPath();
        if (path != null && path.startsWith("/~")) {
            path = path.length() <= 3 ? null : path.substring(3); // "/~/dir" is relative to home
        }
        return new SftpUri(user == null || user.isEmpty() ? null : user, host, u.getPort() < 0 ? DEFAULT_PORT : u.getPort(),
                path);
    }
}
