package dev.skiff.ssh.transport.kex;

import java.math.BigInteger;

/**
 * Server side of diffie-hellman-group-exchange (RFC 4419 section 3): picks the group sent in
 * KEX_DH_GEX_GROUP for the client's min / preferred / max sizes in bits. Set with
 * {@code TransportConfig.Builder.dhGroupSource}; the default is {@link DhGroupExchange#chooseGroup}
 * (built-in RFC 3526 groups). Called on the transport's reader thread: must not block on I/O.
 * Thread-safe.
 */
@FunctionalInterface
public interface DhGroupSource {
    /** {@code {p, g}} of a safe-prime group within [min, max], or null when none fits. */
    BigInteger[] chooseGroup(int min, int preferred, int max);
}
