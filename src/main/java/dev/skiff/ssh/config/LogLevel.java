package dev.skiff.ssh.config;

import java.util.Locale;
import java.util.Optional;

/** {@code LogLevel} values of ssh_config; {@code DEBUG} is an alias of {@link #DEBUG1}. */
public enum LogLevel {
    QUIET, FATAL, ERROR, INFO, VERBOSE, DEBUG1, DEBUG2, DEBUG3;

    /** The name {@code ssh -G} prints ({@code DEBUG} for {@link #DEBUG1}). */
    public String configValue() {
        return this == DEBUG1 ? "DEBUG" : name();
    }

    /** Parses a level name, ignoring case; empty for an unknown name. */
    public static Optional<LogLevel> parse(String s) {
        String u = s.toUpperCase(Locale.ROOT);
        if (u.equals("DEBUG")) {
            return Optional.of(DEBUG1);
        }
        for (LogLevel l : values()) {
            if (l.name().equals(u)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
