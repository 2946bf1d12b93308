package dev.skiff.ssh.config;

import dev.skiff.ssh.SshException;
import dev.skiff.ssh.connection.SessionChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment variables a session channel sends as {@code env} requests (RFC 4254 section
 * 6.4) before its shell or command, as OpenSSH's {@code ssh} does: first the local variables whose
 * names match a {@code SendEnv} pattern, then {@code SetEnv}'s (which win for the same name). The
 * server may refuse any of them (OpenSSH's {@code AcceptEnv}); that is not an error. Immutable.
 *
 * @param variables name to value, in sending order
 */
public record SessionEnvironment(Map<String, String> variables) {
    /** No variables. */
    public static final SessionEnvironment NONE = new SessionEnvironment(Map.of());

    public SessionEnvironment {
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /** What {@code cfg} sends, given the local environment {@code localEnv} (for {@code SendEnv}). */
    public static SessionEnvironment of(HostConfig cfg, Map<String, String> localEnv) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String pattern : cfg.sendEnv()) {
            localEnv.forEach((name, value) -> {
                if (Patterns.matches(name, pattern)) {
                    vars.put(name, value);
                }
            });
        }
        vars.putAll(cfg.setEnv());
        return new SessionEnvironment(vars);
    }

    /**
     * Sends each variable on {@code session} (before {@code shell}/{@code exec}); blocks for each
     * reply. Returns the names the server refused.
     */
    public List<String> sendTo(SessionChannel session) throws SshException {
        List<String> refused = new ArrayList<>();
        for (Map.Entry<String, String> e : variables.entrySet()) {
            if (!session.setEnv(e.getKey(), e.getValue())) {
                refused.add(e.getKey());
            }
        }
        return refused;
    }

    public boolean isEmpty() {
        return variables.isEmpty();
    }

    /** Names only: values may be secrets. */
    @Override
    public String toString() {
        return "SessionEnvironment" + variables.keySet();
    }
}
