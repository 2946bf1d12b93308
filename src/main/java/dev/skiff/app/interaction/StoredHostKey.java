package dev.skiff.app.interaction;

import java.util.Base64;
import java.util.Objects;

/**
 * A key stored in a known_hosts line, for the changed-key warning.
 *
 * @param location {@code file:line}
 * @param keyType the stored key's type
 * @param fingerprint the stored key's {@code SHA256:...} fingerprint
 * @param inSaveFile whether the line is in Skiff's own file (the one a replacement rewrites)
 */
public record StoredHostKey(String location, String keyType, String fingerprint, boolean inSaveFile) {
    public StoredHostKey {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** {@code SHA256:} and the unpadded base64 SHA-256 of a key blob, as {@code ssh-keygen -l}. */
    static String sha256Fingerprint(byte[] blob) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JCA algorithm", e);
        }
    }
}
