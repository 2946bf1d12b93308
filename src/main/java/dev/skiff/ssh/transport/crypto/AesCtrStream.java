package dev.skiff.ssh.transport.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;

/**
 * One AES-CTR keystream (RFC 4344 section 4) that runs across all packets of a key set: the
 * 16-byte IV is the initial counter block, incremented as a 128-bit big-endian integer. Uses the
 * JCA's "AES/CTR/NoPadding" (SunJCE, AES-NI intrinsics). Encryption and decryption are the same
 * XOR, done in place.
 */
final class AesCtrStream {
    private final SessionKey key;
    private final Cipher cipher = Packets.cipher("AES/CTR/NoPadding");

    AesCtrStream(byte[] key, byte[] iv, boolean encrypt) {
        this.key = new SessionKey("AES", key, 0, key.length);
        try {
            cipher.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, this.key, new IvParameterSpec(iv));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unusable AES-CTR key or IV", e);
        }
    }

    /** XORs the next {@code len} keystream bytes into {@code buf[off, off+len)}. */
    void crypt(byte[] buf, int off, int len) {
        try {
            cipher.update(buf, off, len, buf, off);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR failed in place", e);
        }
    }

    void destroy() {
        key.destroy();
    }
}
