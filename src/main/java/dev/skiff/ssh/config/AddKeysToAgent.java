package dev.skiff.ssh.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code AddKeysToAgent}: whether keys loaded from files are added to a running agent. Skiff only
 * stores the setting.
 *
 * @param mode no, yes, ask or confirm
 * @param lifetime how long the agent should keep the key, if limited
 */
public record AddKeysToAgent(Mode mode, Optional<Duration> lifetime) {
    /** The value of the keyword. */
    public enum Mode { NO, YES, ASK, CONFIRM }

    /** OpenSSH's default: do not add keys. */
    public static final AddKeysToAgent NO = new AddKeysToAgent(Mode.NO, Optional.empty());

    static AddKeysToAgent parse(ConfigLine line) throws SshConfigException {
        String a = line.arg();
        String b = line.args().size() > 1 ? line.args().get(1) : null;
        if (line.args().size() > 2) {
            throw line.error("keyword addkeystoagent extra arguments at end of line");
        }
        Mode m = mode(a);
        if (m == Mode.CONFIRM && b != null) {
            return new AddKeysToAgent(m, ConfigValues.time(line, b, false));
        }
        if (m == null && b == null) {
            return new AddKeysToAgent(Mode.YES, ConfigValues.time(line, a, false));
        }
        if (m == null || b != null) {
            throw line.error("unsupported option \"" + line.rest() + "\" for addkeystoagent");
        }
        return new AddKeysToAgent(m, Optional.empty());
    }

    private static Mode mode(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "yes": case "true": return Mode.YES;
            case "no": case "false": return Mode.NO;
            case "ask": return Mode.ASK;
            case "confirm": return Mode.CONFIRM;
            default: return null;
        }
    }

    /** The value as {@code ssh -G} prints it ({@code false}, {@code true}, {@code ask}, {@code confirm}, {@code confirm 300}). */
    public String configValue() {
        if (lifetime.isPresent() && !lifetime.get().isZero()) {
            return (mode == Mode.CONFIRM ? "confirm " : "") + lifetime.get().toSeconds();
        }
        switch (mode) {
            case YES: return "true";
            case NO: return "false";
            default: return mode.name().toLowerCase(Locale.ROOT);
        }
    }
}
