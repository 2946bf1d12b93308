package dev.skiff.ssh.config;

import java.util.Locale;

/** {@code RequestTTY}: whether to ask for a pseudo-terminal for the session. */
public enum RequestTty {
    /** Request one when there is no remote command and stdin is a terminal (OpenSSH's default). */
    AUTO,
    /** Always request one when stdin is a terminal. */
    YES,
    /** Never request one. */
    NO,
    /** Always request one, even if stdin is not a terminal. */
    FORCE;

    /** The spelling {@code ssh -G} prints ({@code true}/{@code false} for yes/no). */
    public String configValue() {
        switch (this) {
            case YES: return "true";
            case NO: return "false";
            default: return name().toLowerCase(Locale.ROOT);
        }
    }
}
