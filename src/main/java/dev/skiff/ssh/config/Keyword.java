package dev.skiff.ssh.config;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ssh_config keywords Skiff understands, with the lower-case name {@code ssh -G} prints and
 * the aliases OpenSSH accepts. Keywords not listed here are ignored (with a debug log).
 */
public enum Keyword {
    HOST("host"),
    MATCH("match"),
    INCLUDE("include"),
    HOSTNAME("hostname"),
    USER("user"),
    PORT("port"),
    IDENTITYFILE("identityfile", "identityfile2"),
    CERTIFICATEFILE("certificatefile"),
    IDENTITIESONLY("identitiesonly"),
    IDENTITYAGENT("identityagent"),
    ADDKEYSTOAGENT("addkeystoagent"),
    PROXYJUMP("proxyjump"),
    PROXYCOMMAND("proxycommand"),
    LOCALFORWARD("localforward"),
    REMOTEFORWARD("remoteforward"),
    DYNAMICFORWARD("dynamicforward"),
    EXITONFORWARDFAILURE("exitonforwardfailure"),
    SERVERALIVEINTERVAL("serveraliveinterval"),
    SERVERALIVECOUNTMAX("serveralivecountmax"),
    CIPHERS("ciphers"),
    KEXALGORITHMS("kexalgorithms"),
    MACS("macs"),
    HOSTKEYALGORITHMS("hostkeyalgorithms"),
    HOSTKEYALIAS("hostkeyalias"),
    USERKNOWNHOSTSFILE("userknownhostsfile"),
    GLOBALKNOWNHOSTSFILE("globalknownhostsfile"),
    STRICTHOSTKEYCHECKING("stricthostkeychecking"),
    HASHKNOWNHOSTS("hashknownhosts"),
    CONNECTTIMEOUT("connecttimeout"),
    CONNECTIONATTEMPTS("connectionattempts"),
    FORWARDAGENT("forwardagent"),
    FORWARDX11("forwardx11"),
    FORWARDX11TRUSTED("forwardx11trusted"),
    XAUTHLOCATION("xauthlocation"),
    COMPRESSION("compression"),
    SENDENV("sendenv"),
    SETENV("setenv"),
    REQUESTTTY("requesttty"),
    PREFERREDAUTHENTICATIONS("preferredauthentications"),
    PUBKEYAUTHENTICATION("pubkeyauthentication"),
    PASSWORDAUTHENTICATION("passwordauthentication"),
    KBDINTERACTIVEAUTHENTICATION("kbdinteractiveauthentication", "challengeresponseauthentication",
            "skeyauthentication", "tisauthentication"),
    NUMBEROFPASSWORDPROMPTS("numberofpasswordprompts"),
    BATCHMODE("batchmode"),
    LOGLEVEL("loglevel"),
    CONTROLPATH("controlpath"),
    LOCALCOMMAND("localcommand");

    private static final Map<String, Keyword> BY_NAME = new HashMap<>();

    static {
        for (Keyword k : values()) {
            for (String n : k.names) {
                BY_NAME.put(n, k);
            }
        }
    }

    private final List<String> names;

    Keyword(String name, String... aliases) {
        this.names = List.copyOf(concat(name, aliases));
    }

    private static List<String> concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return List.of(all);
    }

    /** The lower-case name as {@code ssh -G} prints it. */
    public String configName() {
        return names.get(0);
    }

    /** Looks a keyword up case-insensitively, aliases included. */
    public static Optional<Keyword> lookup(String name) {
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }
}
