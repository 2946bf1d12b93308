package dev.skiff.ssh.knownhosts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A hashed host name, {@code |1|base64(salt)|base64(hash)} with
 * {@code hash = HMAC-SHA1(key = salt, data = name)}, as written by {@code ssh-keygen -H} and by
 * {@code ssh} with {@code HashKnownHosts yes}. The name is the lookup name: {@code host} or
 * {@code [host]:port} (see {@link HostPatterns#lookupName}). Salt and hash are both 20 bytes.
 *
 * <p>Immutable; safe for any thread.
 */
public final class HashedHostName {
    /** The prefix that marks a hashed host field. */
    public static final String MAGIC = "|1|";
    /** Size of the salt and of the HMAC-SHA1 output. */
    public static final int SHA1_BYTES = 20;

    private static final String HMAC = "HmacSHA1";

    private final byte[] salt;
    private final byte[] hash;

    private HashedHostName(byte[] salt, byte[] hash) {
        this.salt = salt;
        this.hash = hash;
    }

    /** Hashes a lookup name with a fresh random salt. */
    public static HashedHostName create(String lookupName, SecureRandom random) {
        byte[] salt = new byte[SHA1_BYTES];
        random.nextBytes(salt);
        return new HashedHostName(salt, hmac(salt, lookupName));
    }

    /**
     * Parses a host field that starts with {@code |}.
     *
     * @throws IllegalArgumentException with the reason when the field is not a valid hashed name
     */
    public static HashedHostName parse(String field) {
        if (!field.startsWith(MAGIC)) {
            throw new IllegalArgumentException("unsupported hashed host name format");
        }
        String[] parts = field.substring(MAGIC.length()).split("\\|", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("hashed host name needs |1|salt|hash");
        }
        byte[] salt = decode(parts[0], "salt");
        byte[] hash = decode(parts[1], "hash");
        return new HashedHostName(salt, hash);
    }

    /** Whether this hash was made from the given lookup name (compared in constant time). */
    public boolean matches(String lookupName) {
        return MessageDigest.isEqual(hash, hmac(salt, lookupName));
    }

    /** The {@code |1|salt|hash} form. */
    public String encode() {
        Base64.Encoder b64 = Base64.getEncoder();
        return MAGIC + b64.encodeToString(salt) + "|" + b64.encodeToString(hash);
    }

    @Override
    public String toString() {
        return encode();
    }

    private static byte[] decode(String text, String what) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("hashed host name: " + what + " is not base64");
        }
        if (bytes.length != SHA1_BYTES) {
            throw new IllegalArgumentException("hashed host name: " + what + " is not " + SHA1_BYTES + " bytes");
        }
        return bytes;
    }

    private static byte[] hmac(byte[] salt, String name) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(salt, HMAC));
            return mac.doFinal(name.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // HmacSHA1 is a mandatory JCA algorithm (Java SE spec), so this cannot happen.
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }
}
