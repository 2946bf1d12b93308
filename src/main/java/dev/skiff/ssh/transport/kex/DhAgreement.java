package dev.skiff.ssh.transport.kex;

import dev.skiff.ssh.ProtocolException;
import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Finite-field Diffie-Hellman over a safe-prime group (RFC 4253 section 8, RFC 4419 section 3,
 * RFC 8268). e = g^x mod p; the public values are the mpint contents (two's complement, canonical)
 * of e and f; the peer's value must be a canonical positive number with 1 &lt; f &lt; p-1 (RFC 4253
 * section 8); K = f^x mod p, encoded as mpint. The exponent x has {@code exponentBits} random bits
 * (twice the group's security strength, as OpenSSH's dh_gen_key). One instance serves one
 * exchange, on one side; not thread-safe.
 */
final class DhAgreement implements KeyAgreement {
    private final BigInteger p;
    private final BigInteger g;
    private final int exponentBits;
    private final SecureRandom random;
    private BigInteger x;
    private BigInteger e;

    DhAgreement(BigInteger p, BigInteger g, int exponentBits, SecureRandom random) {
        if (exponentBits < 2 || exponentBits >= p.bitLength() - 1) {
            throw new IllegalArgumentException("exponent size " + exponentBits + " unfit for a " + p.bitLength() + "-bit group");
        }
        this.p = p;
        this.g = g;
        this.exponentBits = exponentBits;
        this.random = random;
    }

    private void generate() {
        BigInteger candidate;
        do {
            candidate = new BigInteger(exponentBits, random);
        } while (candidate.compareTo(BigInteger.ONE) <= 0);
        x = candidate;
        e = g.modPow(x, p);
    }

    @Override
    public byte[] clientValue() {
        if (x == null) {
            generate();
        }
        return e.toByteArray();
    }

    @Override
    public byte[] clientSharedSecret(byte[] serverValue) throws ProtocolException {
        if (x == null) {
            throw new IllegalStateException("clientValue() was not called");
        }
        return encodedSecret(serverValue);
    }

    @Override
    public ServerReply serverReply(byte[] clientValue) throws ProtocolException {
        generate();
        byte[] k = encodedSecret(clientValue);
        return new ServerReply(e.toByteArray(), k);
    }

    private byte[] encodedSecret(byte[] peerValue) throws ProtocolException {
        BigInteger f = parsePeerValue(peerValue);
        return EncodedSecret.mpint(f.modPow(x, p));
    }

    /** A canonical positive mpint body in (1, p-1). */
    private BigInteger parsePeerValue(byte[] v) throws ProtocolException {
        if (v.length == 0 || v.length > p.bitLength() / 8 + 1) {
            throw EncodedSecret.failed("DH public value has invalid length " + v.length);
        }
        if (v[0] < 0 || (v.length > 1 && v[0] == 0 && v[1] >= 0)) {
            throw EncodedSecret.failed("DH public value is negative or not canonical");
        }
        BigInteger f = new BigInteger(v);
        if (f.compareTo(BigInteger.ONE) <= 0 || f.compareTo(p.subtract(BigInteger.ONE)) >= 0) {
            throw EncodedSecret.failed("DH public value out of range (1, p-1)");
        }
        return f;
    }

    @Override
    public void destroy() {
        // BigInteger is immutable and cannot be wiped; drop the references
        x = null;
        e = null;
    }
}
