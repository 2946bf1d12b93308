package dev.skiff.ssh.transport.kex;

import java.security.SecureRandom;

/**
 * diffie-hellman-group-exchange-sha256 (RFC 4419, RFC 8268 section 4). The group is negotiated
 * first, so the transport drives it with {@link DhGroupExchange}. Immutable.
 */
record GroupExchangeMethod(String name, String digestAlgorithm) implements KeyExchangeMethod {

    @Override
    public boolean isGroupExchange() {
        return true;
    }

    /** Not used for group exchange: the agreement needs the group, see {@link DhGroupExchange#agreement}. */
    @Override
    public KeyAgreement newAgreement(SecureRandom random) {
        throw new UnsupportedOperationException(name + " negotiates its group first; use DhGroupExchange.agreement(p, g, random)");
    }
}
