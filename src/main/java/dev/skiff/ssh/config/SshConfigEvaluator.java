package dev.skiff.ssh.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Evaluates ssh_config for one destination, like {@code ssh} does before connecting. Not
 * thread-safe; cheap to create.
 *
 * <pre>{@code
 * HostConfig cfg = new SshConfigEvaluator()
 *         .destination("alice@example.com")   // or "ssh://alice@example.com:2222"
 *         .option("Compression=yes")          // -o, repeatable
 *         .evaluate();
 * }</pre>
 *
 * <p>Precedence is OpenSSH's "first obtained value wins": {@code -l}/{@code -p}, then
 * {@code -o} options, then the user and port from the destination, then the files in order
 * ({@code ~/.ssh/config}, then {@code /etc/ssh/ssh_config}, unless {@link #configFile} replaces
 * both), then defaults.
 *
 * <p>When a {@code Match final} line is seen, the files are read a second time with the final
 * host name (as OpenSSH does). {@code CanonicalizeHostname} is not implemented, so
 * {@code Match canonical} only holds in that final pass.
 */
public final class SshConfigEvaluator {
    private String destination;
    private Optional<String> user = Optional.empty();
    private OptionalInt port = OptionalInt.empty();
    private final List<String> options = new ArrayList<>();
    private List<ConfigSource> sources;
    private String configFile;
    private LocalContext local = LocalContext.current();

    /** The destination: {@code host}, {@code user@host} or {@code ssh://[user@]host[:port]}. */
    public SshConfigEvaluator destination(String dest) {
        this.destination = Objects.requireNonNull(dest);
        return this;
    }

    /** The user from {@code -l}; wins over everything else. */
    public SshConfigEvaluator user(String commandLineUser) {
        this.user = Optional.of(commandLineUser);
        return this;
    }

    /** The port from {@code -p}; wins over everything else. */
    public SshConfigEvaluator port(int commandLinePort) {
        this.port = OptionalInt.of(commandLinePort);
        return this;
    }

    /** One {@code -o} option, {@code Keyword=value} or {@code Keyword value}. */
    public SshConfigEvaluator option(String keywordAndValue) {
        options.add(Objects.requireNonNull(keywordAndValue));
        return this;
    }

    /** Like {@code -F}: read only this file (must exist), or nothing for {@code none}. */
    public SshConfigEvaluator configFile(String file) {
        this.configFile = Objects.requireNonNull(file);
        this.sources = null;
        return this;
    }

    /** Explicit sources, replacing the default user and system files. */
    public SshConfigEvaluator sources(List<ConfigSource> list) {
        this.sources = List.copyOf(list);
        this.configFile = null;
        return this;
    }

    /** The local user, home, host name and environment (defaults to this process's). */
    public SshConfigEvaluator local(LocalContext context) {
        this.local = Objects.requireNonNull(context);
        return this;
    }

    /** {@code ~/.ssh/config} (optional) then {@code /etc/ssh/ssh_config}, as OpenSSH reads them. */
    public static List<ConfigSource> defaultSources(LocalContext local) {
        return List.of(ConfigSource.user(local.home().resolve(".ssh").resolve("config"), false, local),
                ConfigSource.system(ConfigSource.SYSTEM_DIR.resolve("ssh_config")));
    }

    /**
     * Reads the configuration and returns the settings for the destination.
     *
     * @throws SshConfigException for a bad destination, option or configuration line
     */
    public HostConfig evaluate() throws SshConfigException {
        if (destination == null) {
            throw new SshConfigException("no destination given");
        }
        Destination dest = Destination.parse(destination);
        ConfigState st = new ConfigState();
        user.ifPresent(u -> st.setIfAbsent(Keyword.USER, u));
        if (port.isPresent()) {
            st.setIfAbsent(Keyword.PORT, port.getAsInt());
        }
        for (String o : options) {
            applyOption(o, st);
        }
        dest.user().ifPresent(u -> st.setIfAbsent(Keyword.USER, u));
        if (dest.port().isPresent()) {
            st.setIfAbsent(Keyword.PORT, dest.port().getAsInt());
        }
        List<ConfigSource> srcs = sources();
        String hostArg = dest.host();
        MatchEvaluator first = new MatchEvaluator(st, local, hostArg, hostArg, false);
        for (ConfigSource src : srcs) {
            new ConfigReader(st, first, hostArg).read(src);
        }
        String hostName = finalHostName(st, hostArg);
        if (first.wantFinalPass()) {
            st.replace(Keyword.HOSTNAME, hostName);
            MatchEvaluator last = new MatchEvaluator(st, local, hostName, hostArg, true);
            for (ConfigSource src : srcs) {
                new ConfigReader(st, last, hostName).read(src);
            }
        }
        return new HostConfigResolver(st, local).resolve(hostArg, hostName);
    }

    private List<ConfigSource> sources() {
        if (configFile != null) {
            return configFile.equalsIgnoreCase("none") ? List.of()
                    : List.of(ConfigSource.user(Path.of(configFile), true, local));
        }
        return sources != null ? sources : defaultSources(local);
    }

    private static void applyOption(String o, ConfigState st) throws SshConfigException {
        Optional<ConfigLine> line = ConfigLine.parse(o, "command-line", 0);
        if (line.isEmpty()) {
            throw new SshConfigException("command-line", 0, "empty option");
        }
        String k = line.get().keyword();
        if (k.equals("host") || k.equals("match") || k.equals("include")) {
            throw line.get().error(k + " directive not supported as a command-line option");
        }
        KeywordHandler.apply(line.get(), true, st);
    }

    /** {@code HostName} with {@code %h} expanded, lower-cased unless it is an address (as ssh does). */
    private static String finalHostName(ConfigState st, String hostArg) throws SshConfigException {
        Optional<String> hn = st.get(Keyword.HOSTNAME, String.class);
        String h = hn.isPresent() ? Tokens.percent(hn.get(), Map.of('h', hostArg), "HostName") : hostArg;
        boolean address = h.indexOf(':') >= 0 || h.matches("[0-9.]+");
        return address ? h : h.toLowerCase(Locale.ROOT);
    }
}
