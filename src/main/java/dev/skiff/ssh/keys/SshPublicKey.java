package dev.skiff.ssh.keys;

import dev.skiff.ssh.KeyFormatException;
import java.security.PublicKey;

/**
 * An SSH public key: its key type (ssh-ed25519, ecdsa-sha2-nistp256/384/521, ssh-rsa), the wire
 * blob (RFC 4253 section 6.6) and the JCA key. Immutable.
 */
public interface SshPublicKey {
    /** Key type name as in the blob, e.g. {@code ssh-ed25519}. */
    String keyType();

    /** The public key blob (a copy). */
    byte[] blob();

    PublicKey jcaKey();

    /** {@code SHA256:base64-without-padding}, as {@code ssh-keygen -l}. */
    String sha256Fingerprint();

    /** {@code MD5:aa:bb:...}, as {@code ssh-keygen -l -E md5}. */
    String md5Fingerprint();

    /** {@code keytype base64blob}, the form used in known_hosts and .pub files. */
    String toOpenSshString();

    /** Decodes and validates a blob (point on curve, sizes, RSA modulus &ge; 1024 bits). */
    static SshPublicKey decode(byte[] blob) throws KeyFormatException {
        return PublicKeys.decode(blob);
    }
}
