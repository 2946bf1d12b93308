package dev.skiff.ssh.transport.kex;

import dev.skiff.ssh.keys.EcCurve;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registry of supported KEX methods by wire name (RFC 4253 section 7.1 negotiation uses the names;
 * the order here is the default preference, OpenSSH 10 like). Immutable and thread-safe.
 */
public final class KexMethods {
    private static final Map<String, KeyExchangeMethod> METHODS = new LinkedHashMap<>();

    static {
        add(new SingleExchangeMethod("mlkem768x25519-sha256", "SHA-256",
                r -> new HybridKemAgreement(new MlKem768(), "SHA-256", r)));
        add(new SingleExchangeMethod("sntrup761x25519-sha512", "SHA-512",
                r -> new HybridKemAgreement(new Sntrup761(), "SHA-512", r)));
        add(new SingleExchangeMethod("sntrup761x25519-sha512@openssh.com", "SHA-512",
                r -> new HybridKemAgreement(new Sntrup761(), "SHA-512", r)));
        add(new SingleExchangeMethod("curve25519-sha256", "SHA-256", Curve25519Agreement::new));
        add(new SingleExchangeMethod("curve25519-sha256@libssh.org", "SHA-256", Curve25519Agreement::new));
        for (EcCurve curve : EcCurve.values()) {
            add(new SingleExchangeMethod("ecdh-sha2-" + curve.sshName(), curve.digestAlgorithm(),
                    r -> new EcdhAgreement(curve, r)));
        }
        add(new GroupExchangeMethod("diffie-hellman-group-exchange-sha256", "SHA-256"));
        add(fixedGroup("diffie-hellman-group16-sha512", "SHA-512", DhGroups.MODP_4096, 512));
        add(fixedGroup("diffie-hellman-group18-sha512", "SHA-512", DhGroups.MODP_8192, 512));
        add(fixedGroup("diffie-hellman-group14-sha256", "SHA-256", DhGroups.MODP_2048, 256));
    }

    private KexMethods() {
    }

    private static void add(KeyExchangeMethod method) {
        METHODS.put(method.name(), method);
    }

    /** Fixed-group DH (RFC 8268 section 3, groups from RFC 3526). */
    private static KeyExchangeMethod fixedGroup(String name, String digest, DhGroups.Group group, int exponentBits) {
        return new SingleExchangeMethod(name, digest, r -> new DhAgreement(group.p(), group.g(), exponentBits, r));
    }

    public static Optional<KeyExchangeMethod> byName(String name) {
        return Optional.ofNullable(METHODS.get(name));
    }

    /** Every supported method name, in default preference order (OpenSSH 10 like). */
    public static List<String> supportedNames() {
        return List.copyOf(METHODS.keySet());
    }
}
