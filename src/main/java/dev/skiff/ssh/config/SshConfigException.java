package dev.skiff.ssh.config;

import dev.skiff.ssh.SshException;
import java.util.Optional;

/**
 * An ssh_config file or {@code -o} option that Skiff cannot use: a malformed value of a known
 * keyword, bad quoting, a bad {@code Match} condition, an {@code Include} cycle or too deep nesting.
 * The message starts with {@code file line N:} when the location is known. Unknown keywords are
 * not errors (they are logged and ignored, as OpenSSH does for unknown options it is told to ignore).
 */
public class SshConfigException extends SshException {
    private static final long serialVersionUID = 1L;

    private final String origin;
    private final int line;

    /**
     * @param origin file name or {@code command-line}, or {@code null} when not tied to a source
     * @param line 1-based line number, 0 when not tied to a line
     */
    public SshConfigException(String origin, int line, String message) {
        super(prefix(origin, line) + message);
        this.origin = origin;
        this.line = line;
    }

    /** An error not tied to a file, e.g. a bad destination on the command line. */
    public SshConfigException(String message) {
        this(null, 0, message);
    }

    private static String prefix(String origin, int line) {
        if (origin == null) {
            return "";
        }
        return line > 0 ? origin + " line " + line + ": " : origin + ": ";
    }

    /** The file (or {@code command-line}) holding the offending line, if known. */
    public Optional<String> origin() {
        return Optional.ofNullable(origin);
    }

    /** The 1-based line number, or 0 if unknown. */
    public int line() {
        return line;
    }
}
