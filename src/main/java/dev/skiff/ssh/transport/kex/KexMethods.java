package dev.skiff.ssh.transport.kex;

import java.util.List;
import java.util.Optional;

/** Registry of supported KEX methods by wire name. */
public final class KexMethods {
    private KexMethods() {
    }

    public static Optional<KeyExchangeMethod> byName(String name) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Every supported method name, in default preference order (OpenSSH 10 like). */
    public static List<String> supportedNames() {
        throw new UnsupportedOperationException("TODO");
    }
}
