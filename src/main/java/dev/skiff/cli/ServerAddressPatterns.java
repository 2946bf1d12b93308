package dev.skiff.cli;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Address matching for authorized_keys options. {@code from=} patterns are matched against the
 * client's IP address only (host names are not looked up): {@code *} and {@code ?} wildcards,
 * CIDR ({@code 10.0.0.0/8}, {@code fd00::/8}), and {@code !pattern} which refuses whatever else
 * matched (OpenSSH's negation). {@code permitopen=} entries are {@code host:port} or
 * {@code [v6]:port}, either part may be {@code *}; host names compare case-insensitively and are
 * not resolved (as OpenSSH).
 */
final class ServerAddressPatterns {
    private ServerAddressPatterns() {
    }

    /** Whether {@code address} passes the from= list: some pattern matches and no negated one does. */
    static boolean fromAllows(List<String> patterns, InetAddress address) {
        boolean matched = false;
        for (String raw : patterns) {
            String p = raw.strip();
            boolean negated = p.startsWith("!");
            if (negated) {
                p = p.substring(1);
            }
            if (matches(p, address)) {
                if (negated) {
                    return false;
                }
                matched = true;
            }
        }
        return matched;
    }

    static boolean matches(String pattern, InetAddress address) {
        int slash = pattern.indexOf('/');
        if (slash >= 0) {
            return cidr(pattern.substring(0, slash), pattern.substring(slash + 1), address);
        }
        return wildcard(pattern.toLowerCase(Locale.ROOT), address.getHostAddress().toLowerCase(Locale.ROOT));
    }

    private static boolean cidr(String net, String len, InetAddress address) {
        if (!net.matches("[0-9a-fA-F:.]+") || !len.matches("[0-9]{1,3}")) {
            return false;
        }
        try {
            byte[] n = InetAddress.getByName(net).getAddress(); // a literal: no lookup
            byte[] a = address.getAddress();
            int bits = Integer.parseInt(len);
            if (n.length != a.length || bits > n.length * 8) {
                return false;
            }
            int shift = n.length * 8 - bits;
            return new BigInteger(1, n).shiftRight(shift).equals(new BigInteger(1, a).shiftRight(shift));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Glob with * and ? (iterative, no regex). */
    static boolean wildcard(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /** Validates a permitopen value, returning it. */
    static String checkPermitOpen(String value) throws ServerKeyOptions.UnsupportedOptionException {
        int colon = value.lastIndexOf(':');
        String port = colon < 0 ? "" : value.substring(colon + 1);
        if (colon <= 0 || !(port.equals("*") || port.matches("[0-9]{1,5}") && Integer.parseInt(port) <= 65535)) {
            throw new ServerKeyOptions.UnsupportedOptionException("permitopen needs host:port, got \"" + value + "\"");
        }
        return value;
    }

    /** Whether a direct-tcpip request to host:port is within the permitopen list (empty list: anything). */
    static boolean permitOpenAllows(List<String> permits, String host, int port) {
        if (permits.isEmpty()) {
            return true;
        }
        for (String permit : permits) {
            int colon = permit.lastIndexOf(':');
            String h = permit.substring(0, colon);
            if (h.startsWith("[") && h.endsWith("]")) {
                h = h.substring(1, h.length() - 1);
            }
            String p = permit.substring(colon + 1);
            boolean hostOk = h.equals("*") || h.equalsIgnoreCase(host);
            boolean portOk = p.equals("*") || Integer.parseInt(p) == port;
            if (hostOk && portOk) {
                return true;
            }
        }
        return false;
    }
}
