package dev.skiff.ssh.knownhosts;

import java.util.Locale;

/**
 * What to do with a host key that no known_hosts line holds ({@link HostKeyStatus#NEW}), after
 * OpenSSH's {@code StrictHostKeyChecking} (ssh_config(5)). In Skiff, changed and revoked keys are
 * refused under every value, including {@link #NO}.
 */
public enum StrictHostKeyChecking {
    /** Refuse unknown keys; keys must be added to known_hosts beforehand. */
    YES,
    /** Accept unknown keys and record them in the user's known_hosts. */
    ACCEPT_NEW,
    /**
     * Like {@link #ACCEPT_NEW}. OpenSSH would also let changed keys through (with a warning); Skiff
     * does not.
     */
    NO,
    /** Ask the user through an {@link UnknownHostPrompt}; record the key if accepted. OpenSSH's default. */
    ASK;

    /**
     * Parses an ssh_config value, ignoring case: {@code yes}/{@code true}, {@code accept-new},
     * {@code no}/{@code off}/{@code false}, {@code ask}.
     *
     * @throws IllegalArgumentException for any other value
     */
    public static StrictHostKeyChecking parse(String value) {
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "yes":
            case "true":
                return YES;
            case "accept-new":
                return ACCEPT_NEW;
            case "no":
            case "off":
            case "false":
                return NO;
            case "ask":
                return ASK;
            default:
                throw new IllegalArgumentException("StrictHostKeyChecking must be yes, accept-new, no, off or ask, not '"
                        + value + "'");
        }
    }

    /** The ssh_config spelling of this value. */
    public String configValue() {
        return this == ACCEPT_NEW ? "accept-new" : name().toLowerCase(Locale.ROOT);
    }
}
