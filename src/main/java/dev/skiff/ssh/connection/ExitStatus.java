package dev.skiff.ssh.connection;

/**
 * How a remote command ended (RFC 4254 section 6.10): an exit code, or a signal (name without
 * "SIG", core dumped, error message). {@code code} is -1 when it ended by signal or neither was sent.
 */
public record ExitStatus(int code, String signal, boolean coreDumped, String errorMessage) {
    public static ExitStatus ofCode(int code) {
        return new ExitStatus(code, null, false, "");
    }

    public boolean bySignal() {
        return signal != null;
    }

    /** The status a shell would report: the code, or 128 + signal number for common signals (255 if unknown). */
    public int shellStatus() {
        if (!bySignal()) {
            return code < 0 ? 255 : code;
        }
        return switch (signal) {
            case "HUP" -> 129;
            case "INT" -> 130;
            case "QUIT" -> 131;
            case "ILL" -> 132;
            case "ABRT" -> 134;
            case "FPE" -> 136;
            case "KILL" -> 137;
            case "SEGV" -> 139;
            case "PIPE" -> 141;
            case "ALRM" -> 142;
            case "TERM" -> 143;
            case "USR1" -> 138;
            case "USR2" -> 140;
            default -> 255;
        };
    }
}
