package dev.skiff.ssh.config;

import java.util.ArrayList;
import java.util.List;

/** {@code SendEnv} and {@code SetEnv} argument handling, after OpenSSH. */
final class EnvLists {
    private EnvLists() {
    }

    /**
     * {@code SendEnv}: names (wildcards allowed) accumulate over all lines; {@code -pattern}
     * removes earlier entries matching the pattern.
     */
    static void sendEnv(ConfigLine line, boolean active, List<String> sendEnv) throws SshConfigException {
        for (String arg : line.args()) {
            if (arg.isEmpty() || arg.indexOf('=') >= 0) {
                throw line.error("invalid environment name \"" + arg + "\"");
            }
            if (!active) {
                continue;
            }
            if (arg.startsWith("-")) {
                String pattern = arg.substring(1);
                sendEnv.removeIf(name -> Patterns.matches(name, pattern));
            } else {
                sendEnv.add(arg);
            }
        }
    }

    /**
     * {@code SetEnv}: {@code NAME=value} pairs. As in OpenSSH 9.2 only the first applicable
     * {@code SetEnv} line counts, and within it the first value of a name wins.
     */
    static List<String> setEnv(ConfigLine line) throws SshConfigException {
        List<String> out = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String arg : line.args()) {
            int eq = arg.indexOf('=');
            if (eq < 0) {
                throw line.error("invalid SetEnv \"" + arg + "\" (expected NAME=value)");
            }
            String name = arg.substring(0, eq);
            if (!names.contains(name)) {
                names.add(name);
                out.add(arg);
            }
        }
        return List.copyOf(out);
    }
}
