package dev.skiff.ssh.transport.kex;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.bouncycastle.crypto.agreement.DHStandardGroups;
import org.junit.jupiter.api.Test;

class SafePrimesTest {
    @Test
    void acceptsKnownSafePrimes() {
        assertTrue(SafePrimes.isSafePrime(DhGroups.MODP_2048.p(), 2));
        assertTrue(SafePrimes.isSafePrime(DHStandardGroups.rfc7919_ffdhe2048.getP(), 2));
        assertTrue(SafePrimes.isSafePrime(DHStandardGroups.rfc7919_ffdhe3072.getP(), 2));
        // a small safe prime: 2 * 1000000000000037 + 1 style values are found by search
        BigInteger q = BigInteger.valueOf(1L << 40).nextProbablePrime();
        while (!q.shiftLeft(1).add(BigInteger.ONE).isProbablePrime(50)) {
            q = q.nextProbablePrime();
        }
        assertTrue(SafePrimes.isSafePrime(q.shiftLeft(1).add(BigInteger.ONE), 2));
    }

    @Test
    void rejectsNonSafeOrComposite() {
        Random random = new Random(7);
        // prime p whose (p-1)/2 is composite
        BigInteger p = BigInteger.probablePrime(1024, random);
        while (p.shiftRight(1).isProbablePrime(40)) {
            p = BigInteger.probablePrime(1024, random);
        }
        assertFalse(SafePrimes.isSafePrime(p, 2));
        // prime q with composite 2q+1 free of small factors: only the Pocklington step can reject it
        BigInteger q;
        BigInteger candidate;
        do {
            q = BigInteger.probablePrime(1024, random);
            candidate = q.shiftLeft(1).add(BigInteger.ONE);
        } while (candidate.isProbablePrime(40) || hasSmallFactor(candidate));
        assertFalse(SafePrimes.isSafePrime(candidate, 2));
        assertFalse(SafePrimes.isSafePrime(DhGroups.MODP_2048.p().add(BigInteger.TWO), 2));
        assertFalse(SafePrimes.isSafePrime(DhGroups.MODP_2048.p().subtract(BigInteger.ONE), 2));
        assertFalse(SafePrimes.isSafePrime(BigInteger.valueOf(23), 2));
    }

    private static boolean hasSmallFactor(BigInteger n) {
        for (int s = 3; s < 2000; s += 2) {
            if (n.mod(BigInteger.valueOf(s)).signum() == 0) {
                return true;
            }
        }
        return false;
    }
}
