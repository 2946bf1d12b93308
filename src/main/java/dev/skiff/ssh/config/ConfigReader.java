package dev.skiff.ssh.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads configuration files in one pass for one destination, tracking which lines apply:
 * {@code Host} and {@code Match} start blocks, {@code Include} reads other files in place (an
 * {@code Include} in an inactive block still parses its files but applies nothing, and a block
 * opened in an included file does not outlive it), and every other line goes to
 * {@link KeywordHandler}.
 */
final class ConfigReader {
    /** OpenSSH's {@code READCONF_MAX_DEPTH}. */
    static final int MAX_INCLUDE_DEPTH = 16;

    private static final Logger LOG = LoggerFactory.getLogger(ConfigReader.class);

    private final ConfigState state;
    private final MatchEvaluator match;
    private final String host;
    private final Deque<Path> includeStack = new ArrayDeque<>();
    private boolean active;

    /** @param host the name {@code Host} patterns are matched against in this pass */
    ConfigReader(ConfigState state, MatchEvaluator match, String host) {
        this.state = state;
        this.match = match;
        this.host = host;
    }

    /** Reads one top-level file. A missing optional file is skipped. */
    /** Config files larger than this are refused (a device like /dev/zero must not exhaust memory). */
    static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

    void read(ConfigSource src) throws SshConfigException {
        // "-F /dev/null" is the usual way to say "no config": readable, not a regular file, empty
        if (!Files.isRegularFile(src.path()) && !(src.required() && Files.isReadable(src.path())
                && !Files.isDirectory(src.path()))) {
            if (src.required()) {
                throw new SshConfigException(src.path().toString(), 0, "can't open config file");
            }
            LOG.debug("no configuration file {}", src.path());
            return;
        }
        active = true;
        readFile(src.path(), src, false, 0);
    }

    private void readFile(Path file, ConfigSource src, boolean neverMatch, int depth) throws SshConfigException {
        if (depth > MAX_INCLUDE_DEPTH) {
            throw new SshConfigException(file.toString(), 0, "too many recursive configuration includes (max "
                    + MAX_INCLUDE_DEPTH + ")");
        }
        Path key;
        List<String> lines;
        try {
            key = file.toRealPath();
            byte[] bytes;
            try (var in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            }
            if (bytes.length > MAX_FILE_BYTES) {
                throw new SshConfigException(file.toString(), 0, "config file larger than " + MAX_FILE_BYTES + " bytes");
            }
            lines = List.of(new String(bytes, StandardCharsets.UTF_8).split("\n", -1));
        } catch (IOException e) {
            throw new SshConfigException(file.toString(), 0, "can't read config file: " + e.getMessage());
        }
        if (includeStack.contains(key)) {
            throw new SshConfigException(file.toString(), 0, "Include cycle: " + key + " includes itself");
        }
        includeStack.push(key);
        LOG.debug("reading configuration data {}", file);
        for (int i = 0; i < lines.size(); i++) {
            Optional<ConfigLine> line = ConfigLine.parse(lines.get(i), file.toString(), i + 1);
            if (line.isPresent()) {
                handle(line.get(), src, neverMatch, depth);
            }
        }
        includeStack.pop();
    }

    private void handle(ConfigLine line, ConfigSource src, boolean neverMatch, int depth) throws SshConfigException {
        switch (line.keyword()) {
            case "host":
                active = !neverMatch && hostMatches(line);
                break;
            case "match":
                boolean m = match.matches(line);
                active = !neverMatch && m;
                break;
            case "include":
                include(line, src, neverMatch, depth);
                break;
            default:
                KeywordHandler.apply(line, active, state);
        }
    }

    /** A {@code Host} line: any positive pattern matches and no negated one does. */
    private boolean hostMatches(ConfigLine line) throws SshConfigException {
        boolean result = false;
        for (String arg : line.args()) {
            if (arg.isEmpty()) {
                throw line.error("keyword host empty argument");
            }
            boolean negated = arg.startsWith("!");
            if (Patterns.matches(host, negated ? arg.substring(1) : arg)) {
                if (negated) {
                    LOG.debug("{} line {}: skipping Host block because of negated match for {}",
                            line.origin(), line.number(), arg);
                    return false;
                }
                result = true;
            }
        }
        return result;
    }

    private void include(ConfigLine line, ConfigSource src, boolean neverMatch, int depth) throws SshConfigException {
        boolean outerActive = active;
        for (String arg : line.args()) {
            if (arg.isEmpty()) {
                throw line.error("keyword include empty argument");
            }
            if (arg.startsWith("~") && !src.userConfig()) {
                throw line.error("bad include path " + arg + " (~ is only allowed in user configuration)");
            }
            String pattern;
            if (arg.equals("~") || arg.startsWith("~/")) {
                pattern = src.tildeHome() + arg.substring(1);
            } else if (Path.of(arg).isAbsolute() || arg.startsWith("~")) {
                pattern = arg;
            } else {
                pattern = src.includeDir().resolve(arg).toString();
            }
            List<Path> files;
            try {
                files = IncludeGlob.expand(pattern);
            } catch (IOException e) {
                throw line.error("glob failed for " + pattern + ": " + e.getMessage());
            }
            if (files.isEmpty()) {
                LOG.debug("{} line {}: include {} matched no files", line.origin(), line.number(), pattern);
            }
            for (Path f : files) {
                if (Files.isRegularFile(f)) {
                    readFile(f, src, neverMatch || !outerActive, depth + 1);
                }
                active = outerActive;
            }
        }
    }
}
