package dev.skiff.ssh.transport.kex;

import java.math.BigInteger;
import java.util.List;
import org.bouncycastle.crypto.agreement.DHStandardGroups;
import org.bouncycastle.crypto.params.DHParameters;

/**
 * The MODP groups of RFC 3526 (sections 3-7: 2048 = group14, 3072, 4096 = group16, 6144,
 * 8192 = group18), all with generator 2. The primes come from BouncyCastle's copy of the RFC;
 * a test checks them against their defining formula.
 */
final class DhGroups {
    /** One group: a safe prime and generator. */
    record Group(BigInteger p, BigInteger g) {
        int bits() {
            return p.bitLength();
        }
    }

    static final Group MODP_2048 = of(DHStandardGroups.rfc3526_2048);
    static final Group MODP_3072 = of(DHStandardGroups.rfc3526_3072);
    static final Group MODP_4096 = of(DHStandardGroups.rfc3526_4096);
    static final Group MODP_6144 = of(DHStandardGroups.rfc3526_6144);
    static final Group MODP_8192 = of(DHStandardGroups.rfc3526_8192);

    /** All built-in groups, smallest first. */
    static final List<Group> ALL = List.of(MODP_2048, MODP_3072, MODP_4096, MODP_6144, MODP_8192);

    private DhGroups() {
    }

    private static Group of(DHParameters params) {
        return new Group(params.getP(), params.getG());
    }

    /** True if {@code p} is one of the built-in (known safe) primes. */
    static boolean isKnownPrime(BigInteger p) {
        for (Group group : ALL) {
            if (group.p().equals(p)) {
                return true;
            }
        }
        return false;
    }

    /** Private exponent size: twice the security strength of a {@code bits}-bit group (NIST SP 800-57). */
    static int exponentBits(int bits) {
        if (bits <= 3072) {
            return 256;
        }
        if (bits <= 7680) {
            return 384;
        }
        return 512;
    }
}
