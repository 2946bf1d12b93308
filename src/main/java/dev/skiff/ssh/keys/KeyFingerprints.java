package dev.skiff.ssh.keys;

import java.security.interfaces.RSAPublicKey;

/**
 * Key descriptions in the format of {@code ssh-keygen -l}:
 * {@code <bits> <fingerprint> <comment or "no comment"> (<TYPE>)}, e.g.
 * {@code 256 SHA256:abc... alice@host (ED25519)}. Bits are 256 for Ed25519, the curve size for
 * ECDSA and the modulus size for RSA (OpenSSH {@code sshkey_size}).
 */
public final class KeyFingerprints {
    /** Fingerprint hash, as {@code ssh-keygen -E}. */
    public enum Hash {
        SHA256, MD5
    }

    private KeyFingerprints() {
    }

    /** The {@code ssh-keygen -l} line (without newline). */
    public static String sshKeygenLine(SshPublicKey key, String comment, Hash hash) {
        String fp = hash == Hash.MD5 ? key.md5Fingerprint() : key.sha256Fingerprint();
        String c = comment == null || comment.isEmpty() ? "no comment" : comment;
        return bits(key) + " " + fp + " " + c + " (" + typeTag(key) + ")";
    }

    /** Key size in bits as ssh-keygen reports it. */
    public static int bits(SshPublicKey key) {
        String type = key.keyType();
        if (type.equals(PublicKeys.SSH_RSA)) {
            return ((RSAPublicKey) key.jcaKey()).getModulus().bitLength();
        }
        if (type.startsWith("ecdsa-sha2-")) {
            return EcCurve.bySshName(type.substring("ecdsa-sha2-".length()))
                    .map(c -> c.params().getCurve().getField().getFieldSize()).orElse(0);
        }
        return 256;
    }

    /** ED25519, ECDSA or RSA. */
    public static String typeTag(SshPublicKey key) {
        String type = key.keyType();
        if (type.equals(PublicKeys.SSH_RSA)) {
            return "RSA";
        }
        return type.startsWith("ecdsa-sha2-") ? "ECDSA" : "ED25519";
    }
}
