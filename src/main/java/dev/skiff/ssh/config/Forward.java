package dev.skiff.ssh.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code LocalForward}, {@code RemoteForward} or {@code DynamicForward} specification.
 *
 * <p>Either side is a TCP endpoint ({@code host} may be absent on the listen side: the default
 * bind address) or a Unix-domain socket path (any field containing {@code /}). A dynamic (SOCKS)
 * forward has no connect side.
 *
 * @param listenHost bind address, empty for the default ({@code *} means all interfaces)
 * @param listenPort listen port, 0 when {@code listenPath} is used (or "any port" for remote forwards)
 * @param listenPath Unix socket to listen on
 * @param connectHost host to connect to; empty for paths and dynamic forwards
 * @param connectPort port to connect to; 0 for paths and dynamic forwards
 * @param connectPath Unix socket to connect to
 */
public record Forward(Optional<String> listenHost, int listenPort, Optional<String> listenPath,
        Optional<String> connectHost, int connectPort, Optional<String> connectPath) {

    /** Whether this is a SOCKS forward (no fixed destination). */
    public boolean isDynamic() {
        return connectHost.isEmpty() && connectPath.isEmpty();
    }

    /**
     * Parses a forwarding specification as OpenSSH's {@code parse_forward}: fields separated by
     * {@code :}, a field in {@code [...]} taken literally (IPv6 addresses).
     *
     * @param spec the arguments joined by {@code :} ({@code LocalForward 8080 host:80} → {@code 8080:host:80})
     * @param dynamic a {@code DynamicForward} (or single-argument {@code RemoteForward})
     * @param remote a {@code RemoteForward} (listen port 0 allowed)
     * @return empty if the specification is malformed
     */
    public static Optional<Forward> parse(String spec, boolean dynamic, boolean remote) {
        List<String> f = new ArrayList<>();
        List<Boolean> path = new ArrayList<>();
        if (!fields(spec.strip(), f, path)) {
            return Optional.empty();
        }
        Optional<String> none = Optional.empty();
        Forward fwd;
        int n = f.size();
        if (n == 1) {
            fwd = path.get(0) ? new Forward(none, 0, Optional.of(f.get(0)), none, 0, none)
                    : new Forward(none, port(f.get(0)), none, none, 0, none);
        } else if (n == 2) {
            if (path.get(0) && path.get(1)) {
                fwd = new Forward(none, 0, Optional.of(f.get(0)), none, 0, Optional.of(f.get(1)));
            } else if (path.get(1)) {
                fwd = new Forward(none, port(f.get(0)), none, none, 0, Optional.of(f.get(1)));
            } else {
                fwd = new Forward(Optional.of(f.get(0)), port(f.get(1)), none, none, 0, none);
            }
        } else if (n == 3) {
            if (path.get(0)) {
                fwd = new Forward(none, 0, Optional.of(f.get(0)), Optional.of(f.get(1)), port(f.get(2)), none);
            } else if (path.get(2)) {
                fwd = new Forward(Optional.of(f.get(0)), port(f.get(1)), none, none, 0, Optional.of(f.get(2)));
            } else {
                fwd = new Forward(none, port(f.get(0)), none, Optional.of(f.get(1)), port(f.get(2)), none);
            }
        } else if (n == 4) {
            fwd = new Forward(Optional.of(f.get(0)), port(f.get(1)), none, Optional.of(f.get(2)), port(f.get(3)), none);
        } else {
            return Optional.empty();
        }
        boolean ok = dynamic ? (n == 1 || n == 2) && fwd.isDynamic()
                : !fwd.isDynamic() && (fwd.connectPort() > 0 || fwd.connectPath().isPresent());
        ok &= fwd.listenPath().isPresent() || fwd.listenPort() > 0 || (remote && fwd.listenPort() == 0);
        return ok ? Optional.of(fwd) : Optional.empty();
    }

    private static int port(String s) {
        if (s.equals("0")) {
            return 0;
        }
        int p = ConfigValues.parsePort(s);
        return p > 0 ? p : -1;
    }

    private static boolean fields(String s, List<String> out, List<Boolean> path) {
        int i = 0;
        while (i < s.length()) {
            if (out.size() == 4) {
                return false;
            }
            StringBuilder b = new StringBuilder();
            boolean isPath = false;
            if (s.charAt(i) == '[') {
                int end = s.indexOf(']', i);
                if (end < 0 || (end + 1 < s.length() && s.charAt(end + 1) != ':')) {
                    return false;
                }
                b.append(s, i + 1, end);
                isPath = b.indexOf("/") >= 0;
                i = end + 2;
            } else {
                for (; i < s.length() && s.charAt(i) != ':'; i++) {
                    char c = s.charAt(i);
                    if (c == '\\' && i + 1 < s.length()) {
                        c = s.charAt(++i);
                    }
                    isPath |= c == '/';
                    b.append(c);
                }
                i++;
            }
            out.add(b.toString());
            path.add(isPath);
        }
        return !out.isEmpty();
    }

    /** The listen side as {@code ssh -G} prints it: {@code 8080}, {@code [addr]:8080} or a path. */
    public String formatListen() {
        if (listenPath.isPresent()) {
            return listenPath.get();
        }
        return listenHost.map(h -> "[" + h + "]:" + listenPort).orElse(String.valueOf(listenPort));
    }

    /** The connect side as {@code ssh -G} prints it: {@code [host]:80} or a path ({@code [socks]:0} if dynamic). */
    public String formatConnect() {
        if (connectPath.isPresent()) {
            return connectPath.get();
        }
        return "[" + connectHost.orElse("socks") + "]:" + connectPort;
    }
}
