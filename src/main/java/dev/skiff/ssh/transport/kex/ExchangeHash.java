package dev.skiff.ssh.transport.kex;

import dev.skiff.ssh.wire.WireWriter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Exchange hash H and key derivation (RFC 4253 sections 7.2 and 8, RFC 4419 section 3, RFC 5656
 * section 4). Public values are hashed as {@code string}; the shared secret arrives already
 * encoded (mpint or string) from the {@link KeyAgreement}.
 */
public final class ExchangeHash {
    private ExchangeHash() {
    }

    /** Inputs common to every method; {@code gex} is null except for group exchange. */
    public record Inputs(String clientVersion, String serverVersion, byte[] clientKexInit, byte[] serverKexInit,
            byte[] hostKey, GexParams gex, byte[] clientValue, byte[] serverValue, byte[] encodedSecret) {
    }

    /** RFC 4419: uint32 min, n, max, mpint p, mpint g, all in the hash. */
    public record GexParams(int min, int preferred, int max, java.math.BigInteger p, java.math.BigInteger g) {
    }

    public static byte[] compute(String digest, Inputs in) {
        WireWriter w = new WireWriter(4096);
        w.utf8(in.clientVersion()).utf8(in.serverVersion()).string(in.clientKexInit()).string(in.serverKexInit())
                .string(in.hostKey());
        if (in.gex() != null) {
            GexParams g = in.gex();
            w.uint32(g.min()).uint32(g.preferred()).uint32(g.max()).mpint(g.p()).mpint(g.g());
        }
        w.string(in.clientValue()).string(in.serverValue()).raw(in.encodedSecret());
        MessageDigest md = digest(digest);
        md.update(w.array(), 0, w.length());
        w.wipe();
        return md.digest();
    }

    /**
     * Derives {@code length} bytes of key material for letter {@code x} ('A'..'F'):
     * K1 = HASH(K || H || x || session_id), Kn = HASH(K || H || K1 || ... || Kn-1).
     */
    public static byte[] deriveKey(String digest, byte[] encodedSecret, byte[] h, char x, byte[] sessionId, int length) {
        MessageDigest md = digest(digest);
        md.update(encodedSecret);
        md.update(h);
        md.update((byte) x);
        md.update(sessionId);
        byte[] out = new byte[length];
        byte[] block = md.digest();
        int have = Math.min(block.length, length);
        System.arraycopy(block, 0, out, 0, have);
        while (have < length) {
            md.update(encodedSecret);
            md.update(h);
            md.update(out, 0, have);
            block = md.digest();
            int n = Math.min(block.length, length - have);
            System.arraycopy(block, 0, out, have, n);
            have += n;
        }
        java.util.Arrays.fill(block, (byte) 0);
        return out;
    }

    static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + name, e);
        }
    }
}
