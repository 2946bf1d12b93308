package dev.skiff.cli;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes of {@code skiff server --password-file}: PBKDF2-HMAC-SHA256 with a random 16-byte
 * salt and a 32-byte result, written {@code $pbkdf2-sha256$<iterations>$<salt>$<hash>} with salt
 * and hash in standard base64 without padding. New hashes use {@link #DEFAULT_ITERATIONS}
 * (OWASP's 2023 figure); verification accepts 10 000 .. 10 000 000 iterations. Comparison is
 * constant-time. Thread-safe.
 */
final class ServerPasswordHash {
    static final String PREFIX = "$pbkdf2-sha256$";
    static final int DEFAULT_ITERATIONS = 600_000;
    static final int MIN_ITERATIONS = 10_000;
    static final int MAX_ITERATIONS = 10_000_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private ServerPasswordHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** Hashes {@code password} with a fresh salt (the array is not wiped here). */
    static String create(char[] password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] h = derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(h);
    }

    /** Parses the encoded form. @throws IllegalArgumentException naming what is wrong (never the value) */
    static ServerPasswordHash parse(String encoded) {
        if (!encoded.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a $pbkdf2-sha256$ hash (plain-text passwords are not accepted)");
        }
        String[] f = encoded.substring(PREFIX.length()).split("\\$", -1);
        if (f.length != 3) {
            throw new IllegalArgumentException("expected $pbkdf2-sha256$iterations$salt$hash");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(f[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad iteration count");
        }
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iteration count outside " + MIN_ITERATIONS + ".." + MAX_ITERATIONS);
        }
        byte[] salt = Base64.getDecoder().decode(f[1]);
        byte[] hash = Base64.getDecoder().decode(f[2]);
        if (salt.length < 8 || hash.length != HASH_BYTES) {
            throw new IllegalArgumentException("salt shorter than 8 bytes or hash not 32 bytes");
        }
        return new ServerPasswordHash(iterations, salt, hash);
    }

    /** Whether {@code password} matches, compared in constant time. */
    boolean matches(char[] password) {
        byte[] h = derive(password, salt, iterations);
        try {
            return MessageDigest.isEqual(h, hash);
        } finally {
            Arrays.fill(h, (byte) 0);
        }
    }

    static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public String toString() {
        return "pbkdf2-sha256 hash (" + iterations + " iterations)";
    }
}
