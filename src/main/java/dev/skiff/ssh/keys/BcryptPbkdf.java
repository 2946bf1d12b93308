package dev.skiff.ssh.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * OpenBSD's {@code bcrypt_pbkdf}, the KDF of encrypted openssh-key-v1 files (OpenSSH
 * {@code PROTOCOL.key}, kdfname "bcrypt"). A PBKDF2-like construction whose PRF is
 * {@code bcrypt_hash(SHA-512(password), SHA-512(salt))}; output bytes are spread across the blocks
 * ({@code stride}) so that every byte depends on all rounds. Thread-safe (no shared state).
 */
final class BcryptPbkdf {
    /** Rounds used when writing keys, as ssh-keygen's default. */
    static final int DEFAULT_ROUNDS = 16;
    /** Refuse absurd work factors from a file (OpenSSH has no cap; this bounds a hostile file). */
    static final int MAX_ROUNDS = 1 << 16;
    private static final int HASH_BYTES = 32;
    /** The 32-byte text bcrypt_hash encrypts. */
    private static final byte[] MAGIC = "OxychromaticBlowfishSwatDynamite".getBytes(StandardCharsets.US_ASCII);

    private BcryptPbkdf() {
    }

    /**
     * @param password the passphrase bytes (the caller wipes them)
     * @param rounds at least 1
     * @param keyLength 1 to 1024 bytes
     */
    static byte[] derive(byte[] password, byte[] salt, int rounds, int keyLength) {
        if (rounds < 1 || keyLength < 1 || keyLength > HASH_BYTES * HASH_BYTES || salt.length == 0) {
            throw new IllegalArgumentException("invalid bcrypt_pbkdf parameters");
        }
        MessageDigest sha512 = sha512();
        byte[] key = new byte[keyLength];
        int stride = (keyLength + HASH_BYTES - 1) / HASH_BYTES;
        int amount = (keyLength + stride - 1) / stride;
        byte[] sha2pass = sha512.digest(password);
        byte[] countSalt = Arrays.copyOf(salt, salt.length + 4);
        int remaining = keyLength;
        for (int count = 1; remaining > 0; count++) {
            countSalt[salt.length] = (byte) (count >>> 24);
            countSalt[salt.length + 1] = (byte) (count >>> 16);
            countSalt[salt.length + 2] = (byte) (count >>> 8);
            countSalt[salt.length + 3] = (byte) count;
            byte[] tmp = hash(sha2pass, sha512.digest(countSalt));
            byte[] out = tmp.clone();
            for (int i = 1; i < rounds; i++) {
                tmp = hash(sha2pass, sha512.digest(tmp));
                for (int j = 0; j < out.length; j++) {
                    out[j] ^= tmp[j];
                }
            }
            int take = Math.min(amount, remaining);
            int i = 0;
            for (; i < take; i++) {
                int dest = i * stride + (count - 1);
                if (dest >= keyLength) {
                    break;
                }
                key[dest] = out[i];
            }
            remaining -= i;
            Arrays.fill(out, (byte) 0);
            Arrays.fill(tmp, (byte) 0);
        }
        Arrays.fill(sha2pass, (byte) 0);
        return key;
    }

    /** {@code bcrypt_hash}: eksblowfish keyed by both digests, then 64 encryptions of the magic text. */
    private static byte[] hash(byte[] sha2pass, byte[] sha2salt) {
        Blowfish bf = new Blowfish();
        bf.expandState(sha2salt, sha2pass);
        for (int i = 0; i < 64; i++) {
            bf.expand0State(sha2salt);
            bf.expand0State(sha2pass);
        }
        int[] data = new int[HASH_BYTES / 4];
        for (int i = 0; i < data.length; i++) {
            data[i] = ((MAGIC[4 * i] & 0xff) << 24) | ((MAGIC[4 * i + 1] & 0xff) << 16)
                    | ((MAGIC[4 * i + 2] & 0xff) << 8) | (MAGIC[4 * i + 3] & 0xff);
        }
        for (int i = 0; i < 64; i++) {
            for (int b = 0; b < data.length; b += 2) {
                bf.encipher(data, b);
            }
        }
        bf.wipe();
        byte[] out = new byte[HASH_BYTES];
        for (int i = 0; i < data.length; i++) {
            out[4 * i] = (byte) data[i];
            out[4 * i + 1] = (byte) (data[i] >>> 8);
            out[4 * i + 2] = (byte) (data[i] >>> 16);
            out[4 * i + 3] = (byte) (data[i] >>> 24);
        }
        return out;
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 missing from the JDK", e);
        }
    }
}
