package dev.skiff.ssh.config;

import java.util.Locale;

/**
 * OpenSSH wildcard patterns: {@code *} matches any run of characters, {@code ?} exactly one;
 * everything else matches itself. Pattern lists are comma separated and an entry prefixed with
 * {@code !} is a negation: if a negated entry matches, the whole list fails regardless of the rest.
 */
public final class Patterns {
    /** A list matched nothing. */
    public static final int NO_MATCH = 0;
    /** A list matched positively and no negated entry matched. */
    public static final int MATCH = 1;
    /** A negated entry of a list matched. */
    public static final int NEGATED = -1;

    private Patterns() {
    }

    /** Whether {@code s} matches the single wildcard {@code pattern} (case sensitive). */
    public static boolean matches(String s, String pattern) {
        return matches(s, 0, pattern, 0);
    }

    private static boolean matches(String s, int si, String p, int pi) {
        while (true) {
            if (pi == p.length()) {
                return si == s.length();
            }
            char pc = p.charAt(pi);
            if (pc == '*') {
                while (pi < p.length() && p.charAt(pi) == '*') {
                    pi++;
                }
                if (pi == p.length()) {
                    return true;
                }
                for (int k = si; k < s.length(); k++) {
                    if (matches(s, k, p, pi)) {
                        return true;
                    }
                }
                return false;
            }
            if (si == s.length() || (pc != '?' && pc != s.charAt(si))) {
                return false;
            }
            si++;
            pi++;
        }
    }

    /**
     * Matches {@code s} against a comma-separated list with optional {@code !} negations.
     *
     * @param lowerPatterns lower-case the patterns first (for host names)
     * @return {@link #MATCH}, {@link #NO_MATCH} or {@link #NEGATED}
     */
    public static int matchList(String s, String list, boolean lowerPatterns) {
        boolean positive = false;
        for (String entry : list.split(",", -1)) {
            boolean negated = entry.startsWith("!");
            String p = negated ? entry.substring(1) : entry;
            if (lowerPatterns) {
                p = p.toLowerCase(Locale.ROOT);
            }
            if (matches(s, p)) {
                if (negated) {
                    return NEGATED;
                }
                positive = true;
            }
        }
        return positive ? MATCH : NO_MATCH;
    }

    /** Host name matching for {@code Match host}: the name and the patterns compared in lower case. */
    public static boolean matchesHostname(String host, String list) {
        return matchList(host.toLowerCase(Locale.ROOT), list, true) == MATCH;
    }
}
