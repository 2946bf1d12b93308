package dev.skiff.ssh.config;

import dev.skiff.ssh.knownhosts.StrictHostKeyChecking;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Formats a {@link HostConfig} the way {@code ssh -G} prints its configuration: one
 * {@code keyword value} line per setting, lower-case keywords, OpenSSH's order and value
 * spellings, limited to the keywords Skiff supports. Algorithm lists are Skiff's, so they differ
 * from OpenSSH's defaults.
 */
public final class HostConfigDump {
    private HostConfigDump() {
    }

    /** The lines, without line terminators. */
    public static List<String> lines(HostConfig c) {
        List<String> out = new ArrayList<>();
        add(out, "host", c.host());
        add(out, "user", c.user());
        add(out, "hostname", c.hostName());
        add(out, "port", c.port());
        add(out, "batchmode", yesNo(c.batchMode()));
        add(out, "compression", yesNo(c.compression()));
        add(out, "exitonforwardfailure", yesNo(c.exitOnForwardFailure()));
        add(out, "forwardx11", yesNo(c.forwardX11()));
        add(out, "forwardx11trusted", yesNo(c.forwardX11Trusted()));
        add(out, "hashknownhosts", yesNo(c.hashKnownHosts()));
        add(out, "identitiesonly", yesNo(c.identitiesOnly()));
        add(out, "kbdinteractiveauthentication", yesNo(c.kbdInteractiveAuthentication()));
        add(out, "passwordauthentication", yesNo(c.passwordAuthentication()));
        add(out, "pubkeyauthentication", String.valueOf(c.pubkeyAuthentication()));
        add(out, "requesttty", c.requestTty().configValue());
        add(out, "stricthostkeychecking", strict(c.strictHostKeyChecking()));
        add(out, "connectionattempts", c.connectionAttempts());
        add(out, "numberofpasswordprompts", c.numberOfPasswordPrompts());
        add(out, "serveralivecountmax", c.serverAliveCountMax());
        add(out, "serveraliveinterval", c.serverAliveInterval().toSeconds());
        add(out, "ciphers", String.join(",", c.ciphers()));
        c.controlPath().ifPresent(v -> add(out, "controlpath", v));
        add(out, "hostkeyalgorithms", String.join(",", c.hostKeyAlgorithms()));
        c.hostKeyAlias().ifPresent(v -> add(out, "hostkeyalias", v));
        c.identityAgent().ifPresent(v -> add(out, "identityagent", v));
        add(out, "kexalgorithms", String.join(",", c.kexAlgorithms()));
        c.localCommand().ifPresent(v -> add(out, "localcommand", v));
        add(out, "loglevel", c.logLevel().configValue());
        add(out, "macs", String.join(",", c.macs()));
        if (!c.preferredAuthentications().isEmpty()) {
            add(out, "preferredauthentications", String.join(",", c.preferredAuthentications()));
        }
        add(out, "xauthlocation", c.xauthLocation());
        c.dynamicForwards().forEach(f -> add(out, "dynamicforward", f.formatListen()));
        c.localForwards().forEach(f -> add(out, "localforward", f.formatListen() + " " + f.formatConnect()));
        c.remoteForwards().forEach(f -> add(out, "remoteforward", f.formatListen() + " " + f.formatConnect()));
        c.identityFileSpecs().forEach(f -> add(out, "identityfile", f));
        c.certificateFileSpecs().forEach(f -> add(out, "certificatefile", f));
        add(out, "globalknownhostsfile", oneLine(c.globalKnownHostsFiles()));
        add(out, "userknownhostsfile", oneLine(c.userKnownHostsFiles()));
        c.sendEnv().forEach(v -> add(out, "sendenv", v));
        for (Map.Entry<String, String> e : c.setEnv().entrySet()) {
            add(out, "setenv", e.getKey() + "=" + e.getValue());
        }
        add(out, "addkeystoagent", c.addKeysToAgent().configValue());
        add(out, "forwardagent", c.forwardAgentSocket().orElse(yesNo(c.forwardAgent())));
        add(out, "connecttimeout", c.connectTimeout().map(Duration::toSeconds).map(String::valueOf).orElse("none"));
        if (!c.proxyJump().isEmpty()) {
            add(out, "proxyjump", c.proxyJump().stream().map(Destination::format).collect(Collectors.joining(",")));
        } else {
            c.proxyCommand().ifPresent(v -> add(out, "proxycommand", v));
        }
        return out;
    }

    private static void add(List<String> out, String keyword, Object value) {
        out.add(keyword + " " + value);
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    private static String strict(StrictHostKeyChecking s) {
        switch (s) {
            case YES: return "true";
            case NO: return "false";
            case ACCEPT_NEW: return "accept-new";
            default: return "ask";
        }
    }

    private static String oneLine(List<Path> paths) {
        return paths.isEmpty() ? "none" : paths.stream().map(Path::toString).collect(Collectors.joining(" "));
    }
}
