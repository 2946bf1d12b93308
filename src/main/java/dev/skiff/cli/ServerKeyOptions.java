package dev.skiff.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The options field of one authorized_keys line ({@code sshd(8)} "AUTHORIZED_KEYS FILE FORMAT"),
 * as far as {@code skiff server} honours them:
 *
 * <ul>
 *   <li>{@code from="pattern-list"}: the client address must match (see {@link ServerAddressPatterns});
 *   <li>{@code command="..."}: forced command for exec and shell (the client's command is in
 *       {@code SSH_ORIGINAL_COMMAND}); subsystems (sftp) are refused for such a key;
 *   <li>{@code no-pty} / {@code pty}, {@code no-port-forwarding} / {@code port-forwarding};
 *   <li>{@code permitopen="host:port"} (repeatable, {@code *} as host or port): the only -L targets;
 *   <li>{@code restrict} (no pty, no forwarding), {@code no-agent-forwarding} / {@code agent-forwarding}
 *       (with --allow-agent-forwarding), {@code no-X11-forwarding} / {@code X11-forwarding} (with
 *       --allow-x11-forwarding), and {@code no-user-rc}, {@code user-rc}: accepted, since the server
 *       runs no rc file anyway.
 * </ul>
 * Every other option ({@code environment}, {@code expiry-time}, {@code cert-authority},
 * {@code principals}, {@code tunnel}, {@code permitlisten}, ...) is refused: {@link #parse} throws
 * and the key is skipped, so that nothing is granted under a restriction the server would ignore.
 */
record ServerKeyOptions(List<String> from, String command, boolean noPty, boolean noPortForwarding,
        List<String> permitOpen, boolean noAgentForwarding, boolean noX11Forwarding) {
    private static final java.util.Set<String> KNOWN = java.util.Set.of("from", "command", "permitopen", "no-pty", "pty",
            "no-port-forwarding", "port-forwarding", "restrict", "no-agent-forwarding", "no-x11-forwarding", "no-user-rc",
            "agent-forwarding", "x11-forwarding", "user-rc");
    static final ServerKeyOptions NONE = new ServerKeyOptions(List.of(), null, false, false, List.of(), false, false);

    ServerKeyOptions {
        from = List.copyOf(from);
        permitOpen = List.copyOf(permitOpen);
    }

    /** Thrown for an option the server does not honour or cannot parse. */
    static final class UnsupportedOptionException extends Exception {
        UnsupportedOptionException(String message) {
            super(message);
        }
    }

    /** Parses an options field (without the key), e.g. {@code from="10.*",no-pty,command="echo hi"}. */
    static ServerKeyOptions parse(String field) throws UnsupportedOptionException {
        List<String> from = new ArrayList<>();
        List<String> permitOpen = new ArrayList<>();
        String command = null;
        boolean noPty = false;
        boolean noFwd = false;
        boolean noAgent = false;
        boolean noX11 = false;
        int i = 0;
        while (i < field.length()) {
            int start = i;
            while (i < field.length() && field.charAt(i) != '=' && field.charAt(i) != ',') {
                i++;
            }
            String name = field.substring(start, i).toLowerCase(Locale.ROOT);
            String value = null;
            if (i < field.length() && field.charAt(i) == '=') {
                i++;
                if (i >= field.length() || field.charAt(i) != '"') {
                    throw new UnsupportedOptionException("value of " + name + " must be in double quotes");
                }
                StringBuilder v = new StringBuilder();
                i++;
                while (i < field.length() && field.charAt(i) != '"') {
                    if (field.charAt(i) == '\\' && i + 1 < field.length() && field.charAt(i + 1) == '"') {
                        i++;
                    }
                    v.append(field.charAt(i++));
                }
                if (i >= field.length()) {
                    throw new UnsupportedOptionException("missing closing quote in " + name);
                }
                i++;
                value = v.toString();
            }
            if (i < field.length()) {
                if (field.charAt(i) != ',') {
                    throw new UnsupportedOptionException("expected ',' after " + name);
                }
                i++;
            }
            if (!KNOWN.contains(name)) {
                throw new UnsupportedOptionException("option " + (name.isEmpty() ? "(empty)" : name)
                        + " is not supported by skiff server");
            }
            boolean needsValue = name.equals("from") || name.equals("command") || name.equals("permitopen");
            if (needsValue != (value != null)) {
                throw new UnsupportedOptionException(needsValue ? name + " needs a value" : name + " takes no value");
            }
            switch (name) {
                case "from" -> from.addAll(List.of(value.split(",")));
                case "command" -> command = value;
                case "permitopen" -> permitOpen.add(ServerAddressPatterns.checkPermitOpen(value));
                case "no-pty" -> noPty = true;
                case "pty" -> noPty = false;
                case "no-port-forwarding" -> noFwd = true;
                case "port-forwarding" -> noFwd = false;
                case "restrict" -> {
                    noPty = true;
                    noFwd = true;
                    noAgent = true;
                    noX11 = true;
                }
                case "no-agent-forwarding" -> noAgent = true;
                case "agent-forwarding" -> noAgent = false;
                case "no-x11-forwarding" -> noX11 = true;
                case "x11-forwarding" -> noX11 = false;
                case "no-user-rc", "user-rc" -> {
                    // nothing to do: the server runs no rc file
                }
                default -> throw new IllegalStateException(name);
            }
        }
        return new ServerKeyOptions(from, command, noPty, noFwd, permitOpen, noAgent, noX11);
    }
}
