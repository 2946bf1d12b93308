package dev.skiff.ssh.config;

import dev.skiff.ssh.transport.AlgorithmLists;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves {@code Ciphers}, {@code KexAlgorithms}, {@code MACs} and {@code HostKeyAlgorithms}
 * specifications ({@code list}, {@code +list}, {@code -list}, {@code ^list}) against Skiff's own
 * algorithm lists. Names Skiff does not implement are dropped with a debug log, so a config
 * written for OpenSSH still works; a specification leaving nothing usable is an error.
 */
final class AlgorithmSpecs {
    private static final Logger LOG = LoggerFactory.getLogger(AlgorithmSpecs.class);

    private AlgorithmSpecs() {
    }

    /** Checks a specification at parse time so errors carry the file and line. */
    static void validate(ConfigLine line, Keyword k, String spec) throws SshConfigException {
        try {
            resolve(k, spec);
        } catch (IllegalArgumentException e) {
            throw line.error(e.getMessage());
        }
    }

    /**
     * The effective list for {@code k} given {@code spec}, or Skiff's default list when the
     * specification is null.
     *
     * @throws IllegalArgumentException if nothing usable is left
     */
    static List<String> resolve(Keyword k, String spec) {
        List<String> defaults = defaults(k);
        if (spec == null) {
            return defaults;
        }
        List<String> supported = supported(k);
        char op = spec.isEmpty() ? 0 : spec.charAt(0);
        boolean modifier = op == '+' || op == '-' || op == '^';
        String body = modifier ? spec.substring(1) : spec;
        List<String> usable = new ArrayList<>();
        for (String name : body.split(",")) {
            if (name.isEmpty()) {
                throw new IllegalArgumentException("empty " + k.configName() + " name in \"" + spec + "\"");
            }
            if (supported.stream().anyMatch(alg -> Patterns.matches(alg, name))) {
                usable.add(name);
            } else {
                LOG.debug("{}: Skiff does not support \"{}\"; ignored", k.configName(), name);
            }
        }
        if (usable.isEmpty()) {
            if (modifier) {
                return defaults;
            }
            throw new IllegalArgumentException("no " + k.configName() + " in \"" + spec + "\" is supported by Skiff");
        }
        return AlgorithmLists.apply(k.configName(), defaults, supported,
                (modifier ? String.valueOf(op) : "") + String.join(",", usable));
    }

    private static List<String> defaults(Keyword k) {
        switch (k) {
            case CIPHERS: return AlgorithmLists.DEFAULT_CIPHERS;
            case KEXALGORITHMS: return AlgorithmLists.DEFAULT_KEX;
            case MACS: return AlgorithmLists.DEFAULT_MACS;
            case HOSTKEYALGORITHMS: return AlgorithmLists.DEFAULT_HOST_KEY;
            default: throw new IllegalArgumentException(k + " is not an algorithm list");
        }
    }

    private static List<String> supported(Keyword k) {
        switch (k) {
            case CIPHERS: return AlgorithmLists.SUPPORTED_CIPHERS;
            case KEXALGORITHMS: return AlgorithmLists.SUPPORTED_KEX;
            case MACS: return AlgorithmLists.SUPPORTED_MACS;
            case HOSTKEYALGORITHMS: return AlgorithmLists.SUPPORTED_HOST_KEY;
            default: throw new IllegalArgumentException(k + " is not an algorithm list");
        }
    }
}
