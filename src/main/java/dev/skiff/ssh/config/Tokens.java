package dev.skiff.ssh.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * ssh_config expansions: {@code %x} tokens, {@code ~} at the start of a path, and
 * {@code ${VAR}} environment references. Unknown tokens and unset variables are errors, as in
 * OpenSSH.
 */
final class Tokens {
    private Tokens() {
    }

    /**
     * Replaces {@code %x} by {@code values.get('x')} and {@code %%} by {@code %}.
     *
     * @param what the keyword, for error messages
     * @throws SshConfigException for a token not in {@code values} or a trailing {@code %}
     */
    static String percent(String s, Map<Character, String> values, String what) throws SshConfigException {
        return expand(s, values, null, what);
    }

    /** One pass over {@code s} expanding {@code %x} and, when {@code local} is given, {@code ${VAR}}. */
    private static String expand(String s, Map<Character, String> values, LocalContext local, String what)
            throws SshConfigException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (local != null && c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                int end = s.indexOf('}', i);
                if (end < 0) {
                    throw new SshConfigException(what + ": unterminated ${ in \"" + s + "\"");
                }
                String name = s.substring(i + 2, end);
                String v = local.env().get(name);
                if (v == null) {
                    throw new SshConfigException(what + ": environment variable \"" + name + "\" is not set");
                }
                b.append(v);
                i = end;
                continue;
            }
            if (c != '%') {
                b.append(c);
                continue;
            }
            if (++i >= s.length()) {
                throw new SshConfigException(what + ": invalid format \"" + s + "\" (trailing %)");
            }
            char t = s.charAt(i);
            if (t == '%') {
                b.append('%');
            } else if (values.containsKey(t)) {
                b.append(values.get(t));
            } else {
                throw new SshConfigException(what + ": unknown token %" + t + " in \"" + s + "\"");
            }
        }
        return b.toString();
    }

    /** {@code ~} or {@code ~/...} → the home directory; {@code ~user} is left as is. */
    static String tilde(String s, LocalContext local) {
        if (s.equals("~")) {
            return local.home().toString();
        }
        if (s.startsWith("~/")) {
            String home = local.home().toString();
            return (home.endsWith("/") ? home : home + "/") + s.substring(2);
        }
        return s;
    }

    /** A path: {@code ~} first, then {@code %} tokens and {@code ${VAR}} in one pass (as OpenSSH). */
    static String path(String s, Map<Character, String> values, LocalContext local, String what)
            throws SshConfigException {
        return expand(tilde(s, local), values, local, what);
    }

    /** {@code %C}: SHA-1 (hex) of local host name, remote host, port and remote user. */
    static String connectionHash(String localHost, String host, int port, String user) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            byte[] d = md.digest((localHost + host + port + user).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is a mandatory JCA algorithm", e);
        }
    }
}
