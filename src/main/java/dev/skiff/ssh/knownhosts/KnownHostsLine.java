package dev.skiff.ssh.knownhosts;

import java.util.Optional;

/**
 * One line of a known_hosts file exactly as read (without its line terminator), with what it
 * turned out to be. Invalid lines are kept (never rewritten) and carry the reason they were
 * skipped.
 *
 * @param number 1-based line number
 * @param text the line as read, without {@code \n} or a trailing {@code \r}
 * @param kind what the line is
 * @param entry the parsed entry, present only for {@link Kind#ENTRY}
 * @param problem why the line was skipped, empty unless {@link Kind#INVALID}
 */
public record KnownHostsLine(int number, String text, Kind kind, Optional<KnownHostsEntry> entry, String problem) {
    /** What a line holds. */
    public enum Kind {
        /** Empty or only whitespace. */
        BLANK,
        /** First non-blank character is {@code #}. */
        COMMENT,
        /** A valid host key, CA or revocation line. */
        ENTRY,
        /** Anything else; ignored for matching. */
        INVALID
    }
}
