package dev.skiff.ssh.transport.kex;

import dev.skiff.ssh.ProtocolException;
import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * diffie-hellman-group-exchange-sha256 (RFC 4419) helpers: client request sizes, group
 * validation, the DH agreement over a received group, and the server's group choice.
 */
public final class DhGroupExchange {
    public static final int MIN_BITS = 2048;
    public static final int MAX_BITS = 8192;

    private DhGroupExchange() {
    }

    /** Preferred group size for a cipher/MAC needing {@code neededBytes} of key (3072..8192). */
    public static int preferredBits(int neededBytes) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Rejects weak or malformed groups: size outside [min,max], p not a probable safe prime, g not in (1, p-1). */
    public static void validateGroup(BigInteger p, BigInteger g, int min, int max) throws ProtocolException {
        throw new UnsupportedOperationException("TODO");
    }

    /** A DH agreement over a validated group (the private exponent sized for the digest). */
    public static KeyAgreement agreement(BigInteger p, BigInteger g, SecureRandom random) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Server side: a group for the request (from the built-in RFC 3526 groups), or null if none fits. */
    public static BigInteger[] chooseGroup(int min, int preferred, int max) {
        throw new UnsupportedOperationException("TODO");
    }
}
