package dev.skiff.ssh.config;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one option line (not {@code Host}, {@code Match} or {@code Include}) to a
 * {@link ConfigState}. Values are validated even in inactive blocks, as OpenSSH does, so a typo
 * is reported wherever it is.
 */
final class KeywordHandler {
    private static final Logger LOG = LoggerFactory.getLogger(KeywordHandler.class);

    /** Keywords that take more than one argument (or the rest of the line). */
    private static final Set<Keyword> MULTI_ARG = EnumSet.of(Keyword.USERKNOWNHOSTSFILE,
            Keyword.GLOBALKNOWNHOSTSFILE, Keyword.SENDENV, Keyword.SETENV, Keyword.LOCALFORWARD,
            Keyword.REMOTEFORWARD, Keyword.ADDKEYSTOAGENT, Keyword.PROXYCOMMAND, Keyword.LOCALCOMMAND,
            Keyword.PROXYJUMP);

    private KeywordHandler() {
    }

    /**
     * @param active whether the line is in a block that applies to this destination
     * @throws SshConfigException for a malformed value of a known keyword
     */
    static void apply(ConfigLine line, boolean active, ConfigState st) throws SshConfigException {
        Optional<Keyword> kw = Keyword.lookup(line.keyword());
        if (kw.isEmpty()) {
            LOG.debug("{} line {}: ignoring unsupported option \"{}\"", line.origin(), line.number(), line.keyword());
            return;
        }
        Keyword k = kw.get();
        if (!MULTI_ARG.contains(k) && line.args().size() > 1) {
            throw line.error("keyword " + line.keyword() + " extra arguments at end of line");
        }
        String a = line.arg();
        switch (k) {
            case HOSTNAME: case USER: case HOSTKEYALIAS: case PREFERREDAUTHENTICATIONS: case CONTROLPATH:
            case IDENTITYAGENT: case XAUTHLOCATION:
                set(st, active, k, a);
                break;
            case PORT:
                set(st, active, k, ConfigValues.port(line, a));
                break;
            case SERVERALIVECOUNTMAX: case NUMBEROFPASSWORDPROMPTS: case CONNECTIONATTEMPTS:
                set(st, active, k, ConfigValues.integer(line, a));
                break;
            case SERVERALIVEINTERVAL: case CONNECTTIMEOUT:
                // "none" leaves the keyword unset (a later line may still set it), as in OpenSSH
                Optional<java.time.Duration> d = ConfigValues.time(line, a, true);
                set(st, active && d.isPresent(), k, d);
                break;
            case IDENTITIESONLY: case HASHKNOWNHOSTS: case COMPRESSION: case PASSWORDAUTHENTICATION:
            case KBDINTERACTIVEAUTHENTICATION: case BATCHMODE: case FORWARDX11: case FORWARDX11TRUSTED:
            case EXITONFORWARDFAILURE:
                set(st, active, k, ConfigValues.flag(line, a));
                break;
            case PUBKEYAUTHENTICATION:
                boolean pk = a.equalsIgnoreCase("unbound") || a.equalsIgnoreCase("host-bound")
                        || ConfigValues.flag(line, a);
                set(st, active, k, pk);
                break;
            case STRICTHOSTKEYCHECKING:
                set(st, active, k, ConfigValues.strictHostKeyChecking(line, a));
                break;
            case REQUESTTTY:
                set(st, active, k, ConfigValues.requestTty(line, a));
                break;
            case LOGLEVEL:
                set(st, active, k, ConfigValues.logLevel(line, a));
                break;
            case ADDKEYSTOAGENT:
                set(st, active, k, AddKeysToAgent.parse(line));
                break;
            case FORWARDAGENT:
                // yes/no, or a socket path (which implies yes)
                boolean isFlag = a.matches("(?i)yes|no|true|false");
                set(st, active, k, isFlag ? a.toLowerCase(Locale.ROOT).replace("true", "yes")
                        .replace("false", "no") : a);
                break;
            case CIPHERS: case KEXALGORITHMS: case MACS: case HOSTKEYALGORITHMS:
                AlgorithmSpecs.validate(line, k, a);
                set(st, active, k, a);
                break;
            case IDENTITYFILE:
                addUnique(st.identityFiles, active, a);
                break;
            case CERTIFICATEFILE:
                addUnique(st.certificateFiles, active, a);
                break;
            case USERKNOWNHOSTSFILE: case GLOBALKNOWNHOSTSFILE:
                set(st, active, k, fileList(line));
                break;
            case SENDENV:
                EnvLists.sendEnv(line, active, st.sendEnv);
                break;
            case SETENV:
                List<String> env = EnvLists.setEnv(line);
                set(st, active, k, env);
                break;
            case LOCALFORWARD: case REMOTEFORWARD: case DYNAMICFORWARD:
                forward(line, k, active, st);
                break;
            case PROXYCOMMAND: case LOCALCOMMAND:
                set(st, active, k, line.rest());
                break;
            case PROXYJUMP:
                proxyJump(line, active, st);
                break;
            default:
                throw line.error("keyword " + line.keyword() + " is not allowed here");
        }
    }

    private static void set(ConfigState st, boolean active, Keyword k, Object value) {
        if (active) {
            st.setIfAbsent(k, value);
        }
    }

    private static void addUnique(List<String> list, boolean active, String value) {
        if (active && !list.contains(value)) {
            list.add(value);
        }
    }

    private static List<String> fileList(ConfigLine line) throws SshConfigException {
        List<String> args = line.args();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).isEmpty()) {
                throw line.error("keyword " + line.keyword() + " empty argument");
            }
            if (args.get(i).equalsIgnoreCase("none") && args.size() > 1) {
                throw line.error("keyword " + line.keyword() + " \"none\" argument must appear alone");
            }
        }
        return args.size() == 1 && args.get(0).equalsIgnoreCase("none") ? List.of() : args;
    }

    private static void forward(ConfigLine line, Keyword k, boolean active, ConfigState st) throws SshConfigException {
        List<String> args = line.args();
        boolean remote = k == Keyword.REMOTEFORWARD;
        boolean dynamic = k == Keyword.DYNAMICFORWARD || (remote && args.size() == 1);
        if (args.size() > (dynamic ? 1 : 2)) {
            throw line.error("keyword " + line.keyword() + " extra arguments at end of line");
        }
        if (!dynamic && args.size() < 2) {
            throw line.error("missing target argument");
        }
        String spec = dynamic ? args.get(0) : args.get(0) + ":" + args.get(1);
        Forward f = Forward.parse(spec, dynamic, remote)
                .orElseThrow(() -> line.error("bad forwarding specification \"" + line.rest() + "\""));
        if (active) {
            (remote ? st.remoteForwards : dynamic ? st.dynamicForwards : st.localForwards).add(f);
        }
    }

    private static void proxyJump(ConfigLine line, boolean active, ConfigState st) throws SshConfigException {
        String spec = line.rest();
        int hash = spec.indexOf('#');
        spec = (hash >= 0 ? spec.substring(0, hash) : spec).strip();
        List<Destination> hops = List.of();
        if (!spec.equalsIgnoreCase("none")) {
            List<Destination> list = new ArrayList<>();
            for (String hop : spec.split(",", -1)) {
                list.add(Destination.parseHop(hop)
                        .orElseThrow(() -> line.error("invalid ProxyJump \"" + line.rest() + "\"")));
            }
            hops = List.copyOf(list);
        }
        // A jump host also claims ProxyCommand; "ProxyJump none" does not (OpenSSH 10.3+, Debian 9.2p1-2+deb12u10)
        if (active && !st.has(Keyword.PROXYCOMMAND) && !st.has(Keyword.PROXYJUMP)) {
            st.setIfAbsent(Keyword.PROXYJUMP, hops);
            if (!hops.isEmpty()) {
                st.setIfAbsent(Keyword.PROXYCOMMAND, "none");
            }
        }
    }
}
