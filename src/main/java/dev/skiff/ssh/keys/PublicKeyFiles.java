package dev.skiff.ssh.keys;

import dev.skiff.ssh.KeyFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reading public key files: OpenSSH one-line ({@code keytype base64 [comment]}, the first line
 * that is neither blank nor a {@code #} comment) and RFC 4716. {@link #readAny} also finds the
 * public key of a private key file, as {@code ssh-keygen -l} does. Blocking file I/O; thread-safe.
 */
public final class PublicKeyFiles {
    private PublicKeyFiles() {
    }

    /** Parses public key file contents (OpenSSH one-line or RFC 4716). */
    public static PublicKeyFile parse(String text) throws KeyFormatException {
        if (Rfc4716.looksLike(text)) {
            return Rfc4716.parse(text);
        }
        for (String line : text.lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            SshPublicKey key = PublicKeys.parseOpenSsh(line);
            String[] parts = line.split("[ \t]+", 3);
            return new PublicKeyFile(key, parts.length == 3 ? parts[2] : "");
        }
        throw new KeyFormatException("no public key found");
    }

    public static PublicKeyFile read(Path file) throws IOException {
        return parse(new String(PrivateKeyFiles.readBounded(file), StandardCharsets.UTF_8));
    }

    /**
     * The public key for a public or private key file, in {@code ssh-keygen -l}'s order: the file
     * as a public key; else {@code file.pub}; else the private key file itself (decrypted only when
     * the format keeps no clear public key, asking {@code passphrases}). An encrypted
     * openssh-key-v1 file keeps its comment encrypted, so it comes back without comment.
     */
    public static PublicKeyFile readAny(Path file, PassphraseProvider passphrases) throws IOException {
        byte[] content = PrivateKeyFiles.readBounded(file);
        String text = new String(content, StandardCharsets.UTF_8);
        if (looksLikePublicKey(text)) {
            return parse(text);
        }
        Path pub = PrivateKeyFiles.publicKeyPath(file);
        if (Files.isRegularFile(pub)) {
            try {
                return read(pub);
            } catch (KeyFormatException e) {
                // fall through to the private key
            }
        }
        LockedKey locked = PrivateKeyFiles.parse(content, file.toString());
        if (!locked.encrypted()) {
            SshKeyPair pair = locked.unlock(null);
            return new PublicKeyFile(pair.publicKey(), pair.comment());
        }
        if (locked.publicKey() != null) {
            return new PublicKeyFile(locked.publicKey(), locked.publicComment());
        }
        SshKeyPair pair = PrivateKeyFiles.read(content, file.toString(), passphrases);
        return new PublicKeyFile(pair.publicKey(), pair.comment());
    }

    /** Whether {@code text} parses as a public key file. */
    static boolean looksLikePublicKey(String text) {
        try {
            parse(text);
            return true;
        } catch (KeyFormatException e) {
            return false;
        }
    }
}
