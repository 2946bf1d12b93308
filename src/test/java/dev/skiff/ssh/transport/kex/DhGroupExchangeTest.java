package dev.skiff.ssh.transport.kex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skiff.ssh.DisconnectReason;
import dev.skiff.ssh.ProtocolException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Random;
import org.bouncycastle.crypto.agreement.DHStandardGroups;
import org.junit.jupiter.api.Test;

/** RFC 4419 group exchange helpers, and the RFC 3526 primes checked against their definition. */
class DhGroupExchangeTest {
    private static final BigInteger TWO = BigInteger.valueOf(2);

    @Test
    void preferredBitsFollowsDhEstimateClamped() {
        assertEquals(3072, DhGroupExchange.preferredBits(8));   // 64-bit keys -> 2048, clamped up
        assertEquals(3072, DhGroupExchange.preferredBits(14));  // 112 bits
        assertEquals(3072, DhGroupExchange.preferredBits(16));  // AES-128
        assertEquals(7680, DhGroupExchange.preferredBits(24));  // 192 bits
        assertEquals(8192, DhGroupExchange.preferredBits(32));  // AES-256
        assertEquals(8192, DhGroupExchange.preferredBits(64));  // HMAC-SHA-512 keys
    }

    @Test
    void acceptsTheStandardGroups() throws Exception {
        DhGroupExchange.validateGroup(DhGroups.MODP_2048.p(), TWO, 2048, 8192);
        DhGroupExchange.validateGroup(DhGroups.MODP_4096.p(), TWO, 2048, 8192);
    }

    @Test
    void acceptsAnUnknownSafePrimeAfterTestingIt() throws Exception {
        // RFC 7919 ffdhe2048 is a safe prime that is not in the built-in list, so the prime tests run
        BigInteger ffdhe2048 = DHStandardGroups.rfc7919_ffdhe2048.getP();
        assertFalse(DhGroups.isKnownPrime(ffdhe2048));
        DhGroupExchange.validateGroup(ffdhe2048, TWO, 2048, 8192);
    }

    @Test
    void rejectsSmallNonSafeAndBadGenerators() {
        BigInteger p2048 = DhGroups.MODP_2048.p();
        expectKexFailure(() -> DhGroupExchange.validateGroup(DHStandardGroups.rfc2409_1024.getP(), TWO, 1024, 8192));
        expectKexFailure(() -> DhGroupExchange.validateGroup(p2048, TWO, 3072, 8192));
        expectKexFailure(() -> DhGroupExchange.validateGroup(DhGroups.MODP_4096.p(), TWO, 2048, 3072));
        expectKexFailure(() -> DhGroupExchange.validateGroup(p2048, BigInteger.ONE, 2048, 8192));
        expectKexFailure(() -> DhGroupExchange.validateGroup(p2048, p2048.subtract(BigInteger.ONE), 2048, 8192));
        expectKexFailure(() -> DhGroupExchange.validateGroup(p2048, p2048, 2048, 8192));
        expectKexFailure(() -> DhGroupExchange.validateGroup(p2048, BigInteger.ZERO, 2048, 8192));
        BigInteger prime = BigInteger.probablePrime(2048, new Random(4419));
        // with this seed (p-1)/2 is composite: a prime that is not safe
        assertFalse(prime.shiftRight(1).isProbablePrime(40));
        expectKexFailure(() -> DhGroupExchange.validateGroup(prime, TWO, 2048, 8192));
        expectKexFailure(() -> DhGroupExchange.validateGroup(p2048.add(TWO), TWO, 2048, 8192));
    }

    @Test
    void chooseGroup() {
        assertEquals(DhGroups.MODP_3072.p(), DhGroupExchange.chooseGroup(2048, 3072, 8192)[0]);
        assertEquals(DhGroups.MODP_8192.p(), DhGroupExchange.chooseGroup(2048, 7680, 8192)[0]);
        assertEquals(DhGroups.MODP_4096.p(), DhGroupExchange.chooseGroup(2048, 3500, 8192)[0]);
        // nothing >= preferred within max: the largest that fits
        assertEquals(DhGroups.MODP_4096.p(), DhGroupExchange.chooseGroup(2048, 8192, 5000)[0]);
        assertEquals(TWO, DhGroupExchange.chooseGroup(2048, 2048, 2048)[1]);
        assertNull(DhGroupExchange.chooseGroup(1024, 1024, 1536));
        assertNull(DhGroupExchange.chooseGroup(9000, 9000, 10000));
    }

    @Test
    void agreementOverANegotiatedGroup() throws Exception {
        SecureRandom random = new SecureRandom();
        BigInteger[] group = DhGroupExchange.chooseGroup(2048, DhGroupExchange.preferredBits(16), 8192);
        DhGroupExchange.validateGroup(group[0], group[1], 2048, 8192);
        KeyAgreement client = DhGroupExchange.agreement(group[0], group[1], random);
        KeyAgreement server = DhGroupExchange.agreement(group[0], group[1], random);
        KeyAgreement.ServerReply reply = server.serverReply(client.clientValue());
        assertArrayEquals(reply.encodedSharedSecret(), client.clientSharedSecret(reply.serverValue()));
    }

    /** RFC 3526: p = 2^n - 2^(n-64) - 1 + 2^64 * (floor(2^(n-130) * pi) + k), g = 2. */
    @Test
    void builtInPrimesMatchTheirRfc3526Definition() {
        int[][] groups = {{2048, 124476}, {3072, 1690314}, {4096, 240904}, {6144, 929484}, {8192, 4743158}};
        BigInteger pi = piFixedPoint(8192 + 64);
        for (int i = 0; i < groups.length; i++) {
            int n = groups[i][0];
            BigInteger piPart = pi.shiftRight(8192 + 64 - (n - 130));
            BigInteger p = BigInteger.ONE.shiftLeft(n).subtract(BigInteger.ONE.shiftLeft(n - 64)).subtract(BigInteger.ONE)
                    .add(BigInteger.ONE.shiftLeft(64).multiply(piPart.add(BigInteger.valueOf(groups[i][1]))));
            DhGroups.Group group = DhGroups.ALL.get(i);
            assertEquals(p, group.p(), "RFC 3526 " + n + "-bit prime");
            assertEquals(TWO, group.g());
        }
    }

    /** floor(pi * 2^bits), by Machin's formula with guard bits. */
    private static BigInteger piFixedPoint(int bits) {
        int guard = 32;
        BigInteger one = BigInteger.ONE.shiftLeft(bits + guard);
        BigInteger pi = arctanInverse(5, one).shiftLeft(4).subtract(arctanInverse(239, one).shiftLeft(2));
        return pi.shiftRight(guard);
    }

    private static BigInteger arctanInverse(int x, BigInteger one) {
        BigInteger x2 = BigInteger.valueOf((long) x * x);
        BigInteger term = one.divide(BigInteger.valueOf(x));
        BigInteger sum = term;
        for (int k = 1; term.signum() != 0; k++) {
            term = term.divide(x2);
            BigInteger t = term.divide(BigInteger.valueOf(2L * k + 1));
            sum = (k % 2 == 1) ? sum.subtract(t) : sum.add(t);
        }
        return sum;
    }

    private static void expectKexFailure(org.junit.jupiter.api.function.Executable call) {
        ProtocolException e = assertThrows(ProtocolException.class, call);
        assertEquals(DisconnectReason.KEY_EXCHANGE_FAILED, e.reason());
    }
}
