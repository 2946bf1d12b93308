package dev.skiff.ssh.transport.kex;

import java.security.SecureRandom;
import java.util.function.Function;

/**
 * A KEX method with one INIT/REPLY pair (fixed DH groups, ECDH, curve25519, hybrid PQ): its wire
 * name, exchange-hash digest and a factory of fresh {@link KeyAgreement}s. Immutable.
 */
record SingleExchangeMethod(String name, String digestAlgorithm, Function<SecureRandom, KeyAgreement> factory)
        implements KeyExchangeMethod {

    @Override
    public boolean isGroupExchange() {
        return false;
    }

    @Override
    public KeyAgreement newAgreement(SecureRandom random) {
        return factory.apply(random);
    }
}
