package dev.skiff.ssh.config;

import dev.skiff.ssh.knownhosts.StrictHostKeyChecking;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Parsers for ssh_config value syntaxes; each failure names the file and line. */
final class ConfigValues {
    private ConfigValues() {
    }

    /** {@code yes}/{@code true} or {@code no}/{@code false}, any case. */
    static boolean flag(ConfigLine line, String v) throws SshConfigException {
        switch (v.toLowerCase(Locale.ROOT)) {
            case "yes":
            case "true":
                return true;
            case "no":
            case "false":
                return false;
            default:
                throw line.error("unsupported option \"" + v + "\" for " + line.keyword() + " (use yes or no)");
        }
    }

    /** A non-negative decimal integer. */
    static int integer(ConfigLine line, String v) throws SshConfigException {
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                throw line.error("integer value \"" + v + "\" is too small for " + line.keyword());
            }
            return n;
        } catch (NumberFormatException e) {
            throw line.error("integer value \"" + v + "\" is invalid for " + line.keyword());
        }
    }

    /** A TCP port 1..65535, also accepting a service name is not supported (OpenSSH looks it up). */
    static int port(ConfigLine line, String v) throws SshConfigException {
        int p = parsePort(v);
        if (p <= 0) {
            throw line.error("bad port '" + v + "'");
        }
        return p;
    }

    /** 1..65535 or -1 if {@code v} is not a valid port. */
    static int parsePort(String v) {
        if (v.isEmpty() || v.length() > 5 || !v.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        int p = Integer.parseInt(v);
        return p >= 1 && p <= 65535 ? p : -1;
    }

    /**
     * An OpenSSH time interval ({@code 90}, {@code 1m30s}, {@code 2h}; units s m h d w), or
     * {@code none} (only when {@code noneAllowed}) meaning "no value".
     */
    static Optional<Duration> time(ConfigLine line, String v, boolean noneAllowed) throws SshConfigException {
        if (noneAllowed && v.equals("none")) {
            return Optional.empty();
        }
        long seconds = parseTime(v);
        if (seconds < 0) {
            throw line.error("invalid time value \"" + v + "\" for " + line.keyword());
        }
        return Optional.of(Duration.ofSeconds(seconds));
    }

    /** Seconds, or -1 for malformed input or overflow beyond {@code Integer.MAX_VALUE}. */
    static long parseTime(String s) {
        if (s.isEmpty()) {
            return -1;
        }
        long total = 0;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (start == i || i - start > 10) {
                return -1;
            }
            long n = Long.parseLong(s.substring(start, i));
            long mult = 1;
            if (i < s.length()) {
                switch (Character.toLowerCase(s.charAt(i++))) {
                    case 's': mult = 1; break;
                    case 'm': mult = 60; break;
                    case 'h': mult = 3600; break;
                    case 'd': mult = 86400; break;
                    case 'w': mult = 604800; break;
                    default: return -1;
                }
            }
            total += n * mult;
            if (total > Integer.MAX_VALUE) {
                return -1;
            }
        }
        return total;
    }

    static StrictHostKeyChecking strictHostKeyChecking(ConfigLine line, String v) throws SshConfigException {
        try {
            return StrictHostKeyChecking.parse(v);
        } catch (IllegalArgumentException e) {
            throw line.error("unsupported option \"" + v + "\" for stricthostkeychecking"
                    + " (use yes, no, ask, accept-new or off)");
        }
    }

    static RequestTty requestTty(ConfigLine line, String v) throws SshConfigException {
        switch (v.toLowerCase(Locale.ROOT)) {
            case "yes":
            case "true":
                return RequestTty.YES;
            case "no":
            case "false":
                return RequestTty.NO;
            case "force":
                return RequestTty.FORCE;
            case "auto":
                return RequestTty.AUTO;
            default:
                throw line.error("unsupported option \"" + v + "\" for requesttty (use yes, no, force or auto)");
        }
    }

    static LogLevel logLevel(ConfigLine line, String v) throws SshConfigException {
        return LogLevel.parse(v).orElseThrow(() -> line.error("unsupported log level '" + v + "'"));
    }
}
