package dev.skiff.ssh.keys;

import java.math.BigInteger;

/**
 * The initial Blowfish state: the 18 P-array words followed by the four 256-word S-boxes, which
 * Blowfish defines as the hexadecimal digits of the fractional part of pi (Schneier, "Description
 * of a New Variable-Length Key, 64-Bit Block Cipher", 1993). Computed once with Machin's formula
 * {@code pi = 16 atan(1/5) - 4 atan(1/239)} in fixed-point arithmetic rather than stored as a
 * table. Thread-safe (class initialisation).
 */
final class BlowfishPi {
    /** 18 + 4 * 256 words. */
    static final int WORDS = 18 + 4 * 256;
    private static final int GUARD_BITS = 64;
    private static final int[] STATE = compute();

    private BlowfishPi() {
    }

    /** A fresh copy of the initial state (P-array then S-boxes). */
    static int[] initialState() {
        return STATE.clone();
    }

    private static int[] compute() {
        int bits = WORDS * 32 + GUARD_BITS;
        BigInteger one = BigInteger.ONE.shiftLeft(bits);
        BigInteger pi = arctanInverse(5, one).shiftLeft(4).subtract(arctanInverse(239, one).shiftLeft(2));
        BigInteger fraction = pi.subtract(BigInteger.valueOf(3).shiftLeft(bits)).shiftRight(GUARD_BITS);
        int[] words = new int[WORDS];
        for (int i = 0; i < WORDS; i++) {
            words[i] = fraction.shiftRight((WORDS - 1 - i) * 32).intValue();
        }
        return words;
    }

    /** atan(1/x) scaled by {@code one}: the alternating series sum (-1)^k / ((2k+1) x^(2k+1)). */
    private static BigInteger arctanInverse(int x, BigInteger one) {
        BigInteger xSquared = BigInteger.valueOf((long) x * x);
        BigInteger power = one.divide(BigInteger.valueOf(x));
        BigInteger sum = power;
        for (int k = 1; power.signum() != 0; k++) {
            power = power.divide(xSquared);
            BigInteger term = power.divide(BigInteger.valueOf(2L * k + 1));
            sum = (k & 1) == 1 ? sum.subtract(term) : sum.add(term);
        }
        return sum;
    }
}
