package dev.skiff.app.sessions;

import dev.skiff.ssh.config.ConfigLine;
import dev.skiff.ssh.config.ConfigSource;
import dev.skiff.ssh.config.Destination;
import dev.skiff.ssh.config.Forward;
import dev.skiff.ssh.config.HostConfig;
import dev.skiff.ssh.config.LocalContext;
import dev.skiff.ssh.config.SshConfigEvaluator;
import dev.skiff.ssh.config.SshConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns the concrete {@code Host} entries of an OpenSSH client configuration (normally
 * {@code ~/.ssh/config}) into {@link SavedHost}s: each non-wildcard {@code Host} name is evaluated
 * with {@link SshConfigEvaluator} against that file only, keeping host name, user, port, first
 * identity file, jump hosts, forwards, keepalive and SetEnv. Names inside {@code Include}d files
 * are not listed (their settings do apply to the listed names). Blocking file I/O; any thread.
 */
public final class SshConfigImport {
    private final Path configFile;
    private final LocalContext local;

    /** Reads {@code configFile} with this process's local context. */
    public SshConfigImport(Path configFile) {
        this(configFile, LocalContext.current());
    }

    SshConfigImport(Path configFile, LocalContext local) {
        this.configFile = configFile;
        this.local = local;
    }

    /** The concrete host names of {@code Host} lines, in file order (no patterns or negations). */
    public List<String> hostNames() throws IOException {
        Set<String> names = new LinkedHashSet<>();
        List<String> lines = Files.readAllLines(configFile, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            try {
                ConfigLine.parse(lines.get(i), configFile.toString(), i + 1)
                        .filter(l -> l.keyword().equals("host"))
                        .ifPresent(l -> l.args().stream().filter(SshConfigImport::concrete).forEach(names::add));
            } catch (SshConfigException e) {
                // a bad line: the evaluator reports it for the hosts it affects
            }
        }
        return List.copyOf(names);
    }

    private static boolean concrete(String name) {
        return name.chars().noneMatch(c -> c == '*' || c == '?' || c == '!' || c == '%');
    }

    /**
     * Every concrete host as a new saved host (fresh ids) in {@code folder}.
     *
     * @throws IOException if the file cannot be read
     * @throws SshConfigException for a configuration error affecting a host
     */
    public List<SavedHost> importHosts(String folder) throws IOException, SshConfigException {
        List<SavedHost> out = new ArrayList<>();
        for (String name : hostNames()) {
            out.add(toSavedHost(name, UUID.randomUUID().toString(), folder));
        }
        return out;
    }

    /**
     * The hosts defined only in the file (no saved host has the same label or host name), for a
     * read-only "From ~/.ssh/config" list. Ids are stable ({@code ssh-config:NAME}); a missing or
     * broken file gives an empty list.
     */
    public List<SavedHost> liveHosts(List<SavedHost> saved) {
        Set<String> known = new HashSet<>();
        for (SavedHost h : saved) {
            known.add(h.label().toLowerCase(Locale.ROOT));
            known.add(h.host().toLowerCase(Locale.ROOT));
        }
        List<SavedHost> out = new ArrayList<>();
        List<String> names;
        try {
            names = hostNames();
        } catch (IOException e) {
            return List.of();
        }
        for (String name : names) {
            if (!known.contains(name.toLowerCase(Locale.ROOT))) {
                try {
                    out.add(toSavedHost(name, liveId(name), ""));
                } catch (SshConfigException | IllegalArgumentException e) {
                    // a host whose section is broken is left out of the live list
                }
            }
        }
        return out;
    }

    /** Whether a host came from {@link #liveHosts} (read-only). */
    public static boolean isLive(SavedHost h) {
        return h.id().startsWith("ssh-config:");
    }

    private static String liveId(String name) {
        return "ssh-config:" + name;
    }

    SavedHost toSavedHost(String name, String id, String folder) throws SshConfigException {
        HostConfig c = new SshConfigEvaluator().local(local).destination(name)
                .sources(List.of(ConfigSource.user(configFile, true, local))).evaluate();
        List<String> defaults = new SshConfigEvaluator().local(local).destination(name).configFile("none").evaluate()
                .identityFileSpecs();
        String identity = c.identityFileSpecs().equals(defaults) || c.identityFileSpecs().isEmpty() ? ""
                : c.identityFileSpecs().get(0);
        List<PortForward> forwards = new ArrayList<>();
        c.localForwards().forEach(f -> forwards.add(new PortForward(PortForward.Type.L, spec(f))));
        c.remoteForwards().forEach(f -> forwards.add(new PortForward(PortForward.Type.R, spec(f))));
        c.dynamicForwards().forEach(f -> forwards.add(new PortForward(PortForward.Type.D, spec(f))));
        String jump = c.proxyJump().stream().map(Destination::format).collect(Collectors.joining(","));
        return new SavedHost(id, name, c.hostName(), c.port(), c.user(), auth(c, identity), identity, jump, folder,
                c.setEnv(), forwards, (int) c.serverAliveInterval().toSeconds(), "", "");
    }

    private static AuthPreference auth(HostConfig c, String identity) {
        if (c.identitiesOnly() && !identity.isEmpty()) {
            return AuthPreference.KEY_FILE;
        }
        String first = c.preferredAuthentications().isEmpty() ? "" : c.preferredAuthentications().get(0);
        return switch (first) {
            case "password" -> AuthPreference.PASSWORD;
            case "keyboard-interactive" -> AuthPreference.KEYBOARD_INTERACTIVE;
            default -> AuthPreference.AGENT;
        };
    }

    /** A forward back in {@code ssh -L} syntax. */
    static String spec(Forward f) {
        String listen = f.listenPath().orElseGet(() -> f.listenHost().map(h -> bracket(h) + ":").orElse("")
                + f.listenPort());
        if (f.isDynamic()) {
            return listen;
        }
        return listen + ":" + f.connectPath().orElseGet(() -> bracket(f.connectHost().orElseThrow()) + ":"
                + f.connectPort());
    }

    private static String bracket(String host) {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }
}
