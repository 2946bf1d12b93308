package dev.skiff.ssh.server;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Real processes as the operating system user running the server (OpenSSH's non-privileged
 * mode): the user's shell from {@code $SHELL} (else {@code /bin/sh}), started in the home
 * directory with the server's environment plus the accepted {@code env} variables and
 * {@code TERM}. Without a pty: plain pipes ({@link ProcessCommand}); with one: pty4j
 * ({@link PtyCommand}) sized from pty-req and resized on window-change.
 */
public final class SystemCommands {
    private SystemCommands() {
    }

    /** {@code shell -c command}. */
    public static ServerCommand exec(SessionInfo session, String command) {
        return exec(session, command, shell());
    }

    /** {@code shellPath -c command} with a given shell (an absolute path). */
    public static ServerCommand exec(SessionInfo session, String command, String shellPath) {
        return create(session, List.of(shellPath, "-c", command));
    }

    /** The login shell: interactive with a pty, reading commands from stdin without one. */
    public static ServerCommand shell(SessionInfo session) {
        return shell(session, shell());
    }

    /** Like {@link #shell(SessionInfo)} with a given shell (an absolute path). */
    public static ServerCommand shell(SessionInfo session, String shellPath) {
        return create(session, session.hasPty() ? List.of(shellPath, "-l") : List.of(shellPath));
    }

    private static final List<String> SERVER_ONLY_VARIABLES = List.of("DISPLAY", "XAUTHORITY", "SSH_AUTH_SOCK",
            "SSH_AGENT_PID");

    static ServerCommand create(SessionInfo session, List<String> argv) {
        Map<String, String> env = new HashMap<>(System.getenv());
        // the server's own display and agent are not the client's: sessions get them only when
        // forwarded (x11-req, auth-agent-req), as from OpenSSH's sshd
        env.keySet().removeAll(SERVER_ONLY_VARIABLES);
        env.putAll(session.environment());
        if (session.hasPty()) {
            env.put("TERM", session.pty().term().isEmpty() ? "dumb" : session.pty().term());
            return new PtyCommand(argv, env, session.pty());
        }
        return new ProcessCommand(argv, env);
    }

    /** {@code $SHELL} when it is an executable absolute path, else {@code /bin/sh}. */
    public static String shell() {
        String s = System.getenv("SHELL");
        return s != null && s.startsWith("/") && new java.io.File(s).canExecute() ? s : "/bin/sh";
    }

    static java.io.File home() {
        java.io.File h = new java.io.File(System.getProperty("user.home", "/"));
        return h.isDirectory() ? h : new java.io.File("/");
    }

    /** Starts a named daemon pump thread. */
    static Thread pump(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
