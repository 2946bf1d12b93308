package dev.skiff.ssh.forward;

import java.util.ArrayList;
import java.util.List;

/**
 * One forwarding as given to OpenSSH's {@code -L}, {@code -R} or {@code -D}:
 * {@code [bind_address:]port:host:hostport} (local and remote) or {@code [bind_address:]port}
 * (dynamic). IPv6 addresses go in brackets ({@code [::1]:8080:[fe80::1]:80}); {@code /} may be
 * used instead of {@code :} as the delimiter, as in OpenSSH. An empty bind address or {@code *}
 * means all interfaces; no bind address ({@code bindAddress() == null}) means the default
 * (loopback). Unix socket paths are not supported.
 *
 * @param bindAddress null for the default, {@code ""} or {@code "*"} for all interfaces
 * @param bindPort 0 to let the listener's side allocate one
 * @param host the host to connect to, null for dynamic forwarding
 * @param hostPort 1-65535, or 0 for dynamic forwarding
 */
public record ForwardSpec(String bindAddress, int bindPort, String host, int hostPort) {
    public ForwardSpec {
        if (bindPort < 0 || bindPort > 65535) {
            throw new IllegalArgumentException("bad listen port " + bindPort);
        }
        if (host != null && (host.isEmpty() || hostPort < 1 || hostPort > 65535)) {
            throw new IllegalArgumentException("bad forwarding target " + host + ":" + hostPort);
        }
    }

    /** Parses a {@code -L} argument. */
    public static ForwardSpec parseLocal(String arg) {
        return parseWithTarget(arg, "local");
    }

    /** Parses a {@code -R} argument (remote dynamic forwarding, {@code -R [bind:]port}, is not supported). */
    public static ForwardSpec parseRemote(String arg) {
        return parseWithTarget(arg, "remote");
    }

    /** Parses a {@code -D} argument. */
    public static ForwardSpec parseDynamic(String arg) {
        List<String> f = fields(arg, "dynamic");
        try {
            return switch (f.size()) {
                case 1 -> new ForwardSpec(null, port(f.get(0)), null, 0);
                case 2 -> new ForwardSpec(f.get(0), port(f.get(1)), null, 0);
                default -> throw bad(arg, "dynamic");
            };
        } catch (IllegalArgumentException e) {
            throw bad(arg, "dynamic");
        }
    }

    private static ForwardSpec parseWithTarget(String arg, String kind) {
        List<String> f = fields(arg, kind);
        try {
            return switch (f.size()) {
                case 3 -> new ForwardSpec(null, port(f.get(0)), f.get(1), port(f.get(2)));
                case 4 -> new ForwardSpec(f.get(0), port(f.get(1)), f.get(2), port(f.get(3)));
                default -> throw bad(arg, kind);
            };
        } catch (IllegalArgumentException e) {
            throw bad(arg, kind);
        }
    }

    /** Splits on ':' or '/' outside brackets; a bracketed field loses its brackets. */
    static List<String> fields(String arg, String kind) {
        if (arg == null || arg.isEmpty() || arg.length() > 1024) {
            throw bad(arg, kind);
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        while (true) {
            String field;
            if (i < arg.length() && arg.charAt(i) == '[') {
                int close = arg.indexOf(']', i);
                if (close < 0) {
                    throw bad(arg, kind);
                }
                field = arg.substring(i + 1, close);
                i = close + 1;
                if (i < arg.length() && !isDelimiter(arg.charAt(i))) {
                    throw bad(arg, kind);
                }
            } else {
                int end = i;
                while (end < arg.length() && !isDelimiter(arg.charAt(end))) {
                    if (arg.charAt(end) == '[' || arg.charAt(end) == ']') {
                        throw bad(arg, kind);
                    }
                    end++;
                }
                field = arg.substring(i, end);
                i = end;
            }
            out.add(field);
            if (i >= arg.length()) {
                return out;
            }
            i++; // the delimiter
            if (i == arg.length()) {
                throw bad(arg, kind);
            }
        }
    }

    private static boolean isDelimiter(char c) {
        return c == ':' || c == '/';
    }

    private static int port(String s) {
        if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("bad port");
        }
        return Integer.parseInt(s);
    }

    private static IllegalArgumentException bad(String arg, String kind) {
        return new IllegalArgumentException("Bad " + kind + " forwarding specification '" + arg + "'");
    }

    /** True when the listener should accept on all interfaces ({@code ""} or {@code "*"}). */
    public boolean wildcardBind() {
        return bindAddress != null && (bindAddress.isEmpty() || bindAddress.equals("*"));
    }

    /** OpenSSH-style text, e.g. {@code 127.0.0.1:8080:example.org:80} (IPv6 in brackets). */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (bindAddress != null) {
            b.append(bracket(bindAddress)).append(':');
        }
        b.append(bindPort);
        if (host != null) {
            b.append(':').append(bracket(host)).append(':').append(hostPort);
        }
        return b.toString();
    }

    /** {@code host}, in brackets if it is an IPv6 address (contains {@code :}). */
    public static String bracket(String host) {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }
}
