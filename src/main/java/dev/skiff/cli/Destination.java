package dev.skiff.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * An OpenSSH destination: {@code [user@]host} or {@code ssh://[user@]host[:port]}; IPv6 literals in
 * brackets in the URI form.
 */
public record Destination(Optional<String> user, String host, Optional<Integer> port) {
    public static Destination parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty destination");
        }
        if (text.startsWith("ssh://")) {
            try {
                URI uri = new URI(text);
                String host = uri.getHost();
                if (host == null || host.isEmpty() || (uri.getPath() != null && !uri.getPath().isEmpty())
                        || uri.getQuery() != null || uri.getFragment() != null) {
                    throw new IllegalArgumentException("bad ssh:// destination \"" + text + "\"");
                }
                if (host.startsWith("[") && host.endsWith("]")) {
                    host = host.substring(1, host.length() - 1);
                }
                String user = uri.getUserInfo();
                if (user != null && user.contains(";")) {
                    user = user.substring(0, user.indexOf(';')); // ssh://user;fingerprint=...@host
                }
                return new Destination(Optional.ofNullable(user).filter(u -> !u.isEmpty()), host,
                        uri.getPort() < 0 ? Optional.empty() : Optional.of(uri.getPort()));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("bad ssh:// destination \"" + text + "\"", e);
            }
        }
        int at = text.lastIndexOf('@');
        String user = at > 0 ? text.substring(0, at) : null;
        String host = at >= 0 ? text.substring(at + 1) : text;
        if (host.isEmpty() || (at == 0)) {
            throw new IllegalArgumentException("bad destination \"" + text + "\"");
        }
        return new Destination(Optional.ofNullable(user), host, Optional.empty());
    }
}
