package dev.skiff.ssh.config;

import dev.skiff.ssh.knownhosts.StrictHostKeyChecking;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns the gathered {@link ConfigState} into a {@link HostConfig}: OpenSSH's defaults and expansions. */
final class HostConfigResolver {
    /** OpenSSH 9.2's default identity files, in its order. */
    static final List<String> DEFAULT_IDENTITY_FILES = List.of("~/.ssh/id_rsa", "~/.ssh/id_ecdsa",
            "~/.ssh/id_ecdsa_sk", "~/.ssh/id_ed25519", "~/.ssh/id_ed25519_sk", "~/.ssh/id_xmss", "~/.ssh/id_dsa");
    static final List<String> DEFAULT_USER_KNOWN_HOSTS = List.of("~/.ssh/known_hosts", "~/.ssh/known_hosts2");
    static final List<String> DEFAULT_GLOBAL_KNOWN_HOSTS = List.of("/etc/ssh/ssh_known_hosts",
            "/etc/ssh/ssh_known_hosts2");

    /** OpenSSH's XAuthLocation on Debian. */
    static final String DEFAULT_XAUTH = "/usr/bin/xauth";

    private final ConfigState st;
    private final LocalContext local;

    HostConfigResolver(ConfigState st, LocalContext local) {
        this.st = st;
        this.local = local;
    }

    HostConfig resolve(String hostArg, String hostName) throws SshConfigException {
        String user = st.user().orElse(local.user());
        int port = st.port();
        Optional<String> alias = str(Keyword.HOSTKEYALIAS);
        Map<Character, String> t = new HashMap<>();
        t.put('C', Tokens.connectionHash(local.hostname(), hostName, port, user));
        t.put('L', local.shortHostname());
        t.put('l', local.hostname());
        t.put('k', alias.orElse(hostArg));
        t.put('n', hostArg);
        t.put('p', String.valueOf(port));
        t.put('d', local.home().toString());
        t.put('h', hostName);
        t.put('r', user);
        t.put('u', local.user());

        List<String> idSpecs = st.identityFiles.isEmpty() ? DEFAULT_IDENTITY_FILES : st.identityFiles;
        List<Path> ids = new ArrayList<>();
        for (String s : idSpecs) {
            if (!s.equalsIgnoreCase("none")) {
                ids.add(Path.of(Tokens.path(s, t, local, "IdentityFile")));
            }
        }
        List<Path> certs = paths(st.certificateFiles, t, "CertificateFile");
        List<Path> userKnown = paths(st.<String>getList(Keyword.USERKNOWNHOSTSFILE).orElse(DEFAULT_USER_KNOWN_HOSTS),
                t, "UserKnownHostsFile");
        List<Path> globalKnown = new ArrayList<>();
        for (String s : st.<String>getList(Keyword.GLOBALKNOWNHOSTSFILE).orElse(DEFAULT_GLOBAL_KNOWN_HOSTS)) {
            globalKnown.add(Path.of(Tokens.tilde(s, local)));
        }
        Optional<String> proxyCommand = str(Keyword.PROXYCOMMAND).filter(s -> !s.equalsIgnoreCase("none"));
        Optional<String> expandedProxy = Optional.empty();
        if (proxyCommand.isPresent()) {
            expandedProxy = Optional.of(Tokens.percent(proxyCommand.get(),
                    Map.of('h', hostName, 'n', hostArg, 'p', String.valueOf(port), 'r', user), "ProxyCommand"));
        }
        String agentFwd = str(Keyword.FORWARDAGENT).orElse("no");
        boolean fwdAgent = !agentFwd.equals("no");
        Optional<String> fwdSocket = Optional.empty();
        if (fwdAgent && !agentFwd.equals("yes")) {
            fwdSocket = Optional.of(Tokens.path(agentFwd, t, local, "ForwardAgent"));
        }
        Optional<String> agent = str(Keyword.IDENTITYAGENT);
        if (agent.isPresent()) {
            agent = Optional.of(Tokens.path(agent.get(), t, local, "IdentityAgent"));
        }
        Optional<String> controlPath = str(Keyword.CONTROLPATH).filter(s -> !s.equalsIgnoreCase("none"));
        if (controlPath.isPresent()) {
            controlPath = Optional.of(Tokens.path(controlPath.get(), t, local, "ControlPath"));
        }
        Map<String, String> setEnv = new LinkedHashMap<>();
        for (String kv : st.<String>getList(Keyword.SETENV).orElse(List.of())) {
            int eq = kv.indexOf('=');
            setEnv.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        List<String> prefAuth = str(Keyword.PREFERREDAUTHENTICATIONS).map(s -> List.of(s.split(","))).orElse(List.of());

        return new HostConfig(hostArg, hostName, user, port, ids, idSpecs, certs, st.certificateFiles,
                flag(Keyword.IDENTITIESONLY, false), agent,
                st.get(Keyword.ADDKEYSTOAGENT, AddKeysToAgent.class).orElse(AddKeysToAgent.NO),
                st.<Destination>getList(Keyword.PROXYJUMP).orElse(List.of()), proxyCommand, expandedProxy,
                st.localForwards, st.remoteForwards, st.dynamicForwards,
                duration(Keyword.SERVERALIVEINTERVAL).orElse(Duration.ZERO), integer(Keyword.SERVERALIVECOUNTMAX, 3),
                algorithms(Keyword.CIPHERS), algorithms(Keyword.KEXALGORITHMS), algorithms(Keyword.MACS),
                algorithms(Keyword.HOSTKEYALGORITHMS), alias, userKnown, globalKnown,
                st.get(Keyword.STRICTHOSTKEYCHECKING, StrictHostKeyChecking.class).orElse(StrictHostKeyChecking.ASK),
                flag(Keyword.HASHKNOWNHOSTS, false), duration(Keyword.CONNECTTIMEOUT),
                integer(Keyword.CONNECTIONATTEMPTS, 1), fwdAgent, fwdSocket, flag(Keyword.COMPRESSION, false),
                st.sendEnv, setEnv, st.get(Keyword.REQUESTTTY, RequestTty.class).orElse(RequestTty.AUTO),
                prefAuth, flag(Keyword.PUBKEYAUTHENTICATION, true), flag(Keyword.PASSWORDAUTHENTICATION, true),
                flag(Keyword.KBDINTERACTIVEAUTHENTICATION, true), integer(Keyword.NUMBEROFPASSWORDPROMPTS, 3),
                flag(Keyword.BATCHMODE, false), st.get(Keyword.LOGLEVEL, LogLevel.class).orElse(LogLevel.INFO),
                controlPath, str(Keyword.LOCALCOMMAND).filter(s -> !s.equalsIgnoreCase("none")),
                flag(Keyword.FORWARDX11, false), flag(Keyword.FORWARDX11TRUSTED, true),
                str(Keyword.XAUTHLOCATION).orElse(DEFAULT_XAUTH), flag(Keyword.EXITONFORWARDFAILURE, false));
    }

    private List<Path> paths(List<String> specs, Map<Character, String> t, String what) throws SshConfigException {
        List<Path> out = new ArrayList<>();
        for (String s : specs) {
            out.add(Path.of(Tokens.path(s, t, local, what)));
        }
        return out;
    }

    private List<String> algorithms(Keyword k) {
        return AlgorithmSpecs.resolve(k, st.get(k, String.class).orElse(null));
    }

    private Optional<String> str(Keyword k) {
        return st.get(k, String.class);
    }

    private boolean flag(Keyword k, boolean dflt) {
        return st.get(k, Boolean.class).orElse(dflt);
    }

    private int integer(Keyword k, int dflt) {
        return st.get(k, Integer.class).orElse(dflt);
    }

    @SuppressWarnings("unchecked")
    private Optional<Duration> duration(Keyword k) {
        return st.get(k, Optional.class).flatMap(o -> (Optional<Duration>) o);
    }
}
