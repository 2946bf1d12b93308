package dev.skiff.ssh.knownhosts;

import java.util.Locale;

/**
 * Host name patterns of known_hosts (sshd(8), "SSH_KNOWN_HOSTS FILE FORMAT"): comma separated
 * lists whose elements may hold {@code *} and {@code ?} wildcards and may be negated with a
 * leading {@code !}. Matching is case-insensitive. A name on a port other than 22 is looked up as
 * {@code [host]:port}; {@code [} and {@code ]} are literal characters in patterns.
 *
 * <p>Stateless; safe for any thread.
 */
public final class HostPatterns {
    /** The port for which a host is written without brackets. */
    public static final int DEFAULT_PORT = 22;

    /** Outcome of matching a name against a comma separated pattern list. */
    public enum ListMatch {
        /** No element matched. */
        NONE,
        /** A positive element matched and no negated one did. */
        MATCH,
        /** A negated element matched: the line must not be used for this name. */
        NEGATED
    }

    private HostPatterns() {
    }

    /**
     * The name under which a host is stored: {@code host} for port 22, {@code [host]:port}
     * otherwise; lower-cased (as {@code ssh} does before any lookup).
     *
     * @throws IllegalArgumentException if the port is outside 1..65535 or the host is empty
     */
    public static String lookupName(String host, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("empty host name");
        }
        String lower = host.toLowerCase(Locale.ROOT);
        return port == DEFAULT_PORT ? lower : "[" + lower + "]:" + port;
    }

    /**
     * Matches a name against a comma separated list. A matching negated element wins over any
     * positive one, whatever their order.
     */
    public static ListMatch matchList(String patterns, String name) {
        String lowerName = name.toLowerCase(Locale.ROOT);
        boolean positive = false;
        for (String element : patterns.split(",", -1)) {
            boolean negated = element.startsWith("!");
            String pattern = (negated ? element.substring(1) : element).toLowerCase(Locale.ROOT);
            if (wildcardMatch(pattern, lowerName)) {
                if (negated) {
                    return ListMatch.NEGATED;
                }
                positive = true;
            }
        }
        return positive ? ListMatch.MATCH : ListMatch.NONE;
    }

    /**
     * Glob match of a whole string: {@code *} matches any run of characters (also none),
     * {@code ?} exactly one; every other character matches itself. Case-sensitive; linear
     * backtracking over the last {@code *} only, so no pattern can make it exponential.
     */
    public static boolean wildcardMatch(String pattern, String text) {
        int p = 0;
        int t = 0;
        int starP = -1;
        int starT = -1;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                starP = p++;
                starT = t;
            } else if (starP >= 0) {
                p = starP + 1;
                t = ++starT;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
