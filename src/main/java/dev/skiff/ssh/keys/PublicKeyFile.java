package dev.skiff.ssh.keys;

import java.util.Objects;

/**
 * A public key with the comment its file carried ("" when none).
 *
 * @param key the key
 * @param comment the comment, never null
 */
public record PublicKeyFile(SshPublicKey key, String comment) {
    public PublicKeyFile {
        Objects.requireNonNull(key, "key");
        comment = comment == null ? "" : comment;
    }

    /** The .pub file line: {@code keytype base64 comment} (no comment part when empty). */
    public String toOpenSshLine() {
        return comment.isEmpty() ? key.toOpenSshString() : key.toOpenSshString() + " " + comment;
    }
}
