package dev.skiff.ssh.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates a {@code Match} line. Criteria are ANDed; each may be negated with {@code !}.
 * Supported: {@code all}, {@code host} (the name after {@code HostName} if one was obtained
 * already), {@code originalhost}, {@code user} (the remote user obtained so far, else the local
 * user), {@code localuser}, {@code canonical} and {@code final} (true only in the final pass).
 * {@code exec} is not run: it is treated as not matching (negated: matching), with a debug log.
 */
final class MatchEvaluator {
    private static final Logger LOG = LoggerFactory.getLogger(MatchEvaluator.class);

    private final ConfigState state;
    private final LocalContext local;
    private final String host;
    private final String originalHost;
    private final boolean finalPass;
    private boolean wantFinalPass;

    /**
     * @param host the name {@code Host} lines match in this pass
     * @param originalHost the destination as given
     */
    MatchEvaluator(ConfigState state, LocalContext local, String host, String originalHost, boolean finalPass) {
        this.state = state;
        this.local = local;
        this.host = host;
        this.originalHost = originalHost;
        this.finalPass = finalPass;
    }

    /** Whether a {@code Match final} was seen, asking for a second pass. */
    boolean wantFinalPass() {
        return wantFinalPass;
    }

    /**
     * @return whether the criteria hold
     * @throws SshConfigException for a missing argument, an unknown criterion, or {@code all} combined
     */
    boolean matches(ConfigLine line) throws SshConfigException {
        List<String> args = line.args();
        boolean result = true;
        int attributes = 0;
        for (int i = 0; i < args.size(); i++) {
            String attr = args.get(i);
            boolean negate = attr.startsWith("!");
            String name = (negate ? attr.substring(1) : attr).toLowerCase(Locale.ROOT);
            if (name.equals("all")) {
                if (attributes > 1 || i + 1 < args.size()) {
                    throw line.error("'" + attr + "' cannot be combined with other Match attributes");
                }
                return result && !negate;
            }
            attributes++;
            if (name.equals("canonical") || name.equals("final")) {
                wantFinalPass |= name.equals("final");
                result &= finalPass != negate;
                continue;
            }
            if (i + 1 >= args.size()) {
                throw line.error("missing Match criteria for " + attr);
            }
            String arg = args.get(++i);
            boolean r;
            switch (name) {
                case "host":
                    r = Patterns.matchesHostname(currentHost(), arg);
                    break;
                case "originalhost":
                    r = Patterns.matchesHostname(originalHost, arg);
                    break;
                case "user":
                    r = Patterns.matchList(state.user().orElse(local.user()), arg, false) == Patterns.MATCH;
                    break;
                case "localuser":
                    r = Patterns.matchList(local.user(), arg, false) == Patterns.MATCH;
                    break;
                case "exec":
                    LOG.debug("{} line {}: Match exec is not supported; treated as not matching",
                            line.origin(), line.number());
                    r = false;
                    break;
                default:
                    throw line.error("unsupported Match attribute " + attr);
            }
            result &= r != negate;
        }
        if (attributes == 0) {
            throw line.error("one or more attributes required for Match");
        }
        return result;
    }

    /** The host {@code Match host} tests: HostName (with %h) if already set, as OpenSSH does. */
    private String currentHost() throws SshConfigException {
        if (finalPass) {
            return state.get(Keyword.HOSTNAME, String.class).orElse(host);
        }
        String hostName = state.get(Keyword.HOSTNAME, String.class).orElse(null);
        return hostName == null ? host : Tokens.percent(hostName, Map.of('h', host), "hostname");
    }
}
