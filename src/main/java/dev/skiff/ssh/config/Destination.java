package dev.skiff.ssh.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A destination as ssh takes it on the command line: {@code host}, {@code user@host} (split at the
 * last {@code @}) or {@code ssh://[user@]host[:port]}; also the {@code [user@]host[:port]} hops
 * of {@code ProxyJump}. IPv6 addresses may be written in brackets.
 *
 * @param user the user part, if given
 * @param host the host name or address, brackets removed
 * @param port the port, if given
 */
public record Destination(Optional<String> user, String host, OptionalInt port) {

    /**
     * Parses a command-line destination. {@code host:port} is not split (as in ssh); use
     * {@code ssh://host:port}.
     *
     * @throws SshConfigException for an empty user or host, or a malformed URI
     */
    public static Destination parse(String s) throws SshConfigException {
        if (s.startsWith("ssh://")) {
            return parseUri(s);
        }
        int at = s.lastIndexOf('@');
        if (at == 0 || at == s.length() - 1) {
            throw new SshConfigException("bad destination \"" + s + "\"");
        }
        return new Destination(at < 0 ? Optional.empty() : Optional.of(s.substring(0, at)),
                s.substring(at + 1), OptionalInt.empty());
    }

    /**
     * Parses one {@code ProxyJump} hop: {@code [user@]host[:port]} or an {@code ssh://} URI.
     *
     * @return empty if malformed
     */
    public static Optional<Destination> parseHop(String s) {
        try {
            if (s.startsWith("ssh://")) {
                return Optional.of(parseUri(s));
            }
            int at = s.lastIndexOf('@');
            if (at == 0) {
                return Optional.empty();
            }
            Optional<String> user = at < 0 ? Optional.empty() : Optional.of(s.substring(0, at));
            return hostPort(s.substring(at + 1)).map(d -> new Destination(user, d.host(), d.port()));
        } catch (SshConfigException e) {
            return Optional.empty();
        }
    }

    private static Destination parseUri(String s) throws SshConfigException {
        String rest = s.substring("ssh://".length());
        Optional<String> user = Optional.empty();
        int at = rest.indexOf('@');
        if (at >= 0) {
            String u = rest.substring(0, at);
            int semi = u.indexOf(';');
            if (semi >= 0) {
                u = u.substring(0, semi);
            }
            if (u.isEmpty()) {
                throw new SshConfigException("bad destination \"" + s + "\": empty user");
            }
            user = Optional.of(URLDecoder.decode(u, StandardCharsets.UTF_8));
            rest = rest.substring(at + 1);
        }
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        if (rest.indexOf('/') >= 0) {
            throw new SshConfigException("bad destination \"" + s + "\": paths are not supported");
        }
        Optional<String> u = user;
        return hostPort(rest).map(d -> new Destination(u, d.host(), d.port()))
                .orElseThrow(() -> new SshConfigException("bad destination \"" + s + "\""));
    }

    /** {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port}. */
    private static Optional<Destination> hostPort(String s) {
        String host;
        String port = null;
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            if (end < 0 || (end + 1 < s.length() && s.charAt(end + 1) != ':')) {
                return Optional.empty();
            }
            host = s.substring(1, end);
            port = end + 1 < s.length() ? s.substring(end + 2) : null;
        } else {
            int colon = s.indexOf(':');
            host = colon < 0 ? s : s.substring(0, colon);
            port = colon < 0 ? null : s.substring(colon + 1);
        }
        if (host.isEmpty()) {
            return Optional.empty();
        }
        if (port == null || port.isEmpty()) {
            return Optional.of(new Destination(Optional.empty(), host, OptionalInt.empty()));
        }
        int p = ConfigValues.parsePort(port);
        return p > 0 ? Optional.of(new Destination(Optional.empty(), host, OptionalInt.of(p))) : Optional.empty();
    }

    /** The form {@code ssh -G} prints for a jump hop: {@code [user@]host[:port]}, numeric hosts with ':' bracketed. */
    public String format() {
        boolean bracket = host.indexOf(':') >= 0;
        return user.map(u -> u + "@").orElse("") + (bracket ? "[" + host + "]" : host)
                + (port.isPresent() ? ":" + port.getAsInt() : "");
    }
}
