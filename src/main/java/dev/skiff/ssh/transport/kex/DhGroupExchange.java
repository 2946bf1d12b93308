package dev.skiff.ssh.transport.kex;

import dev.skiff.ssh.DisconnectReason;
import dev.skiff.ssh.ProtocolException;
import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * diffie-hellman-group-exchange-sha256 (RFC 4419) helpers: client request sizes, group
 * validation, the DH agreement over a received group, and the server's group choice. Pure
 * functions; thread-safe. {@link #validateGroup} takes up to about a second for an unknown
 * 8192-bit group (three modular exponentiations), so call it on the worker or reader thread,
 * never the UI.
 */
public final class DhGroupExchange {
    public static final int MIN_BITS = 2048;
    public static final int MAX_BITS = 8192;
    /** Smallest size a client asks to prefer (RFC 8270 raised the floor to 2048; OpenSSH asks for 3072+). */
    public static final int MIN_PREFERRED_BITS = 3072;
    /** Miller-Rabin rounds on (p-1)/2 of unknown groups; p itself is then proven prime (see {@link SafePrimes}). */
    static final int MILLER_RABIN_ROUNDS = 2;

    private DhGroupExchange() {
    }

    /**
     * Preferred group size for a cipher/MAC needing {@code neededBytes} of key (3072..8192): the
     * symmetric strength mapped to a modulus size as OpenSSH's dh_estimate (NIST SP 800-57), then
     * clamped.
     */
    public static int preferredBits(int neededBytes) {
        int bits = neededBytes * 8;
        int estimate;
        if (bits <= 112) {
            estimate = 2048;
        } else if (bits <= 128) {
            estimate = 3072;
        } else if (bits <= 192) {
            estimate = 7680;
        } else {
            estimate = 8192;
        }
        return Math.max(MIN_PREFERRED_BITS, Math.min(MAX_BITS, estimate));
    }

    /**
     * Rejects weak or malformed groups (RFC 4419 section 3, RFC 8270): size outside [min,max] or
     * below 2048 bits, p not a probable safe prime, g not in (1, p-1). The RFC 3526 primes are
     * recognised without the prime tests.
     *
     * @throws ProtocolException with {@link DisconnectReason#KEY_EXCHANGE_FAILED}
     */
    public static void validateGroup(BigInteger p, BigInteger g, int min, int max) throws ProtocolException {
        if (p == null || g == null || p.signum() <= 0) {
            throw fail("missing or negative group parameters");
        }
        int bits = p.bitLength();
        if (bits < min || bits > max || bits < MIN_BITS) {
            throw fail("DH group of " + bits + " bits outside [" + Math.max(min, MIN_BITS) + ", " + max + "]");
        }
        if (g.compareTo(BigInteger.ONE) <= 0 || g.compareTo(p.subtract(BigInteger.ONE)) >= 0) {
            throw fail("DH generator out of range (1, p-1)");
        }
        if (DhGroups.isKnownPrime(p)) {
            return;
        }
        if (!SafePrimes.isSafePrime(p, MILLER_RABIN_ROUNDS)) {
            throw fail("DH group modulus is not a safe prime");
        }
    }

    private static ProtocolException fail(String message) {
        return new ProtocolException(DisconnectReason.KEY_EXCHANGE_FAILED, message);
    }

    /** A DH agreement over a validated group (the private exponent sized for the group's strength). */
    public static KeyAgreement agreement(BigInteger p, BigInteger g, SecureRandom random) {
        return new DhAgreement(p, g, DhGroups.exponentBits(p.bitLength()), random);
    }

    /**
     * Server side: a group for the request (from the built-in RFC 3526 groups), or null if none
     * fits: the smallest group of at least {@code preferred} bits within [min,max], else the largest
     * within [min,max]. Returns {@code {p, g}}.
     */
    public static BigInteger[] chooseGroup(int min, int preferred, int max) {
        DhGroups.Group best = null;
        for (DhGroups.Group group : DhGroups.ALL) {
            int bits = group.bits();
            if (bits >= min && bits <= max) {
                if (bits >= preferred) {
                    return new BigInteger[] {group.p(), group.g()};
                }
                best = group;
            }
        }
        return best == null ? null : new BigInteger[] {best.p(), best.g()};
    }
}
