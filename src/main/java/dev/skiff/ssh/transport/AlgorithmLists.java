package dev.skiff.ssh.transport;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Default algorithm preference lists (modelled on OpenSSH 10's client) and OpenSSH {@code -o}
 * list syntax: {@code a,b} replaces the list, {@code +a,b} appends, {@code -a,b} removes,
 * {@code ^a,b} prepends. Patterns may use {@code *} and {@code ?} and match supported names.
 */
public final class AlgorithmLists {
    public static final List<String> DEFAULT_KEX = List.of("mlkem768x25519-sha256", "sntrup761x25519-sha512",
            "sntrup761x25519-sha512@openssh.com", "curve25519-sha256", "curve25519-sha256@libssh.org",
            "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521", "diffie-hellman-group-exchange-sha256",
            "diffie-hellman-group16-sha512", "diffie-hellman-group18-sha512", "diffie-hellman-group14-sha256");
    public static final List<String> SUPPORTED_KEX = DEFAULT_KEX;

    public static final List<String> DEFAULT_HOST_KEY = List.of("ssh-ed25519", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "rsa-sha2-512", "rsa-sha2-256");
    public static final List<String> SUPPORTED_HOST_KEY = concat(DEFAULT_HOST_KEY, List.of("ssh-rsa"));

    public static final List<String> DEFAULT_CIPHERS = List.of("chacha20-poly1305@openssh.com",
            "aes128-gcm@openssh.com", "aes256-gcm@openssh.com", "aes128-ctr", "aes192-ctr", "aes256-ctr");
    public static final List<String> SUPPORTED_CIPHERS = DEFAULT_CIPHERS;

    public static final List<String> DEFAULT_MACS = List.of("hmac-sha2-256-etm@openssh.com",
            "hmac-sha2-512-etm@openssh.com", "hmac-sha2-256", "hmac-sha2-512");
    public static final List<String> SUPPORTED_MACS = concat(DEFAULT_MACS,
            List.of("hmac-sha1-etm@openssh.com", "hmac-sha1"));

    public static final List<String> DEFAULT_COMPRESSION = List.of("none");
    public static final List<String> SUPPORTED_COMPRESSION = List.of("none", "zlib@openssh.com", "zlib");

    private AlgorithmLists() {
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> l = new ArrayList<>(a);
        l.addAll(b);
        return List.copyOf(l);
    }

    /**
     * Applies an OpenSSH-style specification to a default list.
     *
     * @param what for error messages, e.g. "cipher"
     * @throws IllegalArgumentException naming the unsupported algorithm or the empty result
     */
    public static List<String> apply(String what, List<String> defaults, List<String> supported, String spec) {
        if (spec == null || spec.isBlank()) {
            return defaults;
        }
        String s = spec.trim();
        char op = s.charAt(0);
        if (op == '+' || op == '-' || op == '^') {
            s = s.substring(1);
        }
        List<String> names = new ArrayList<>();
        for (String part : s.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                throw new IllegalArgumentException("empty " + what + " name in \"" + spec + "\"");
            }
            List<String> matched = expand(p, supported);
            if (matched.isEmpty() && op != '-') {
                throw new IllegalArgumentException("unsupported " + what + " \"" + p + "\"");
            }
            names.addAll(matched);
        }
        Set<String> result = new LinkedHashSet<>();
        switch (op) {
            case '+':
                result.addAll(defaults);
                result.addAll(names);
                break;
            case '-':
                result.addAll(defaults);
                result.removeAll(names);
                break;
            case '^':
                result.addAll(names);
                result.addAll(defaults);
                break;
            default:
                result.addAll(names);
                break;
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("no " + what + " left after \"" + spec + "\"");
        }
        return List.copyOf(result);
    }

    private static List<String> expand(String pattern, List<String> supported) {
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
            return supported.contains(pattern) ? List.of(pattern) : List.of();
        }
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        Pattern p = Pattern.compile(re.toString());
        return supported.stream().filter(n -> p.matcher(n).matches()).toList();
    }
}
