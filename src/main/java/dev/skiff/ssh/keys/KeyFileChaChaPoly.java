package dev.skiff.ssh.keys;

import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.crypto.engines.ChaChaEngine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * chacha20-poly1305@openssh.com applied to a whole buffer, as openssh-key-v1 files use it
 * (OpenSSH {@code PROTOCOL.chacha20poly1305} with sequence number 0 and no length header): the
 * first 32 of the 64 key bytes key ChaCha20 (64-bit nonce = 0); block 0 of the keystream gives the
 * Poly1305 key, the data is encrypted from block 1, and the 16-byte tag is Poly1305 over the
 * ciphertext. Stateless; thread-safe.
 */
final class KeyFileChaChaPoly {
    static final int KEY_BYTES = 64;
    static final int TAG_BYTES = 16;

    private KeyFileChaChaPoly() {
    }

    /** Returns ciphertext followed by the tag. */
    static byte[] encrypt(byte[] key, byte[] plain) {
        ChaChaEngine chacha = engine(key);
        byte[] polyKey = polyKey(chacha);
        byte[] out = new byte[plain.length + TAG_BYTES];
        chacha.processBytes(plain, 0, plain.length, out, 0);
        mac(polyKey, out, plain.length, out, plain.length);
        return out;
    }

    /**
     * @param data ciphertext followed by the tag
     * @return the plaintext, or null when the tag does not match
     */
    static byte[] decrypt(byte[] key, byte[] data) {
        if (data.length < TAG_BYTES) {
            return null;
        }
        int len = data.length - TAG_BYTES;
        ChaChaEngine chacha = engine(key);
        byte[] polyKey = polyKey(chacha);
        byte[] expected = new byte[TAG_BYTES];
        mac(polyKey, data, len, expected, 0);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(data, len, data.length))) {
            return null;
        }
        byte[] out = new byte[len];
        chacha.processBytes(data, 0, len, out, 0);
        return out;
    }

    private static ChaChaEngine engine(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("chacha20-poly1305 key must be 64 bytes");
        }
        ChaChaEngine chacha = new ChaChaEngine(20);
        chacha.init(true, new ParametersWithIV(new KeyParameter(key, 0, 32), new byte[8]));
        return chacha;
    }

    /** Keystream block 0: its first 32 bytes are the Poly1305 key; leaves the engine at block 1. */
    private static byte[] polyKey(ChaChaEngine chacha) {
        byte[] block = new byte[64];
        chacha.processBytes(block, 0, block.length, block, 0);
        byte[] polyKey = Arrays.copyOf(block, 32);
        Arrays.fill(block, (byte) 0);
        return polyKey;
    }

    private static void mac(byte[] polyKey, byte[] data, int len, byte[] out, int outOff) {
        Poly1305 poly = new Poly1305();
        poly.init(new KeyParameter(polyKey));
        poly.update(data, 0, len);
        poly.doFinal(out, outOff);
        Arrays.fill(polyKey, (byte) 0);
    }
}
