package dev.skiff.ssh.transport.kex;

import java.security.SecureRandom;

/**
 * One KEX method (RFC 4253 section 8 and successors), registered by wire name in {@link KexMethods}.
 * Methods whose exchange is one INIT/REPLY pair (DH fixed groups, ECDH, curve25519, the hybrid
 * PQ methods) produce a {@link KeyAgreement}; group exchange is driven by the transport with
 * {@link DhGroupExchange}.
 */
public interface KeyExchangeMethod {
    /** Wire name, e.g. {@code curve25519-sha256}. */
    String name();

    /** JCA digest for the exchange hash and key derivation: SHA-256, SHA-384 or SHA-512. */
    String digestAlgorithm();

    /** True for diffie-hellman-group-exchange-*. */
    boolean isGroupExchange();

    /** A fresh ephemeral agreement (not for group exchange). */
    KeyAgreement newAgreement(SecureRandom random);
}
