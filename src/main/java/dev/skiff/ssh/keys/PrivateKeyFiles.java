package dev.skiff.ssh.keys;

import dev.skiff.ssh.KeyFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reading and writing private key (identity) files. Reads openssh-key-v1 (plain or bcrypt with
 * aes*-ctr, aes*-cbc, aes*-gcm@openssh.com, chacha20-poly1305@openssh.com), PEM PKCS#1 / SEC1
 * (plain or OpenSSL-encrypted), PKCS#8 (plain or PBES2) and PuTTY .ppk versions 2 and 3; key
 * types ssh-ed25519, ecdsa-sha2-nistp256/384/521 and ssh-rsa. Writes openssh-key-v1 as
 * {@code ssh-keygen} does (bcrypt, 16 rounds, aes256-ctr when a passphrase is given).
 *
 * <p>Blocking (file I/O, and the key derivation of encrypted files takes up to a second): call
 * from a worker thread. Thread-safe. Every malformed input yields a {@link KeyFormatException}.
 */
public final class PrivateKeyFiles {
    /** Passphrase questions per read before giving up. */
    public static final int MAX_ATTEMPTS = 3;
    /** Larger files are not key files. */
    public static final int MAX_FILE_BYTES = 1 << 20;

    private PrivateKeyFiles() {
    }

    /**
     * Reads an identity file, asking {@code passphrases} only when it is encrypted.
     *
     * @throws WrongPassphraseException after {@link #MAX_ATTEMPTS} wrong passphrases
     * @throws PassphraseCancelledException when the provider returns null
     * @throws KeyFormatException when the file is not a supported private key
     * @throws IOException when the file cannot be read
     */
    public static SshKeyPair read(Path file, PassphraseProvider passphrases) throws IOException {
        return read(readBounded(file), file.toString(), passphrases);
    }

    /**
     * Reads identity file contents.
     *
     * @param description names the key in prompts and messages (usually the path)
     */
    public static SshKeyPair read(byte[] content, String description, PassphraseProvider passphrases)
            throws KeyFormatException {
        LockedKey locked = parse(content, description);
        if (!locked.encrypted()) {
            return locked.unlock(null);
        }
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            char[] passphrase = passphrases.passphrase(description, attempt);
            if (passphrase == null) {
                throw new PassphraseCancelledException("passphrase entry cancelled for " + description);
            }
            try {
                return locked.unlock(passphrase);
            } catch (WrongPassphraseException e) {
                // ask again
            } finally {
                Passphrases.wipe(passphrase);
            }
        }
        throw new WrongPassphraseException("incorrect passphrase for " + description);
    }

    /** Whether the contents are an encrypted private key (no passphrase is asked). */
    public static boolean isEncrypted(byte[] content) throws KeyFormatException {
        return parse(content, "key").encrypted();
    }

    /**
     * Encodes a key pair as openssh-key-v1 text (the comment of the pair is stored).
     *
     * @param passphrase null or empty for an unencrypted file
     */
    public static String encode(SshKeyPair pair, char[] passphrase) throws KeyFormatException {
        return OpenSshKeyV1.encode(pair, passphrase, KeyFileCipher.AES256_CTR, BcryptPbkdf.DEFAULT_ROUNDS);
    }

    /**
     * Writes {@code file} (openssh-key-v1, mode 0600) and {@code file.pub} ({@code keytype base64
     * comment}, mode 0644), each atomically.
     */
    public static void write(Path file, SshKeyPair pair, char[] passphrase) throws IOException {
        writePrivate(file, pair, passphrase);
        String pub = new PublicKeyFile(pair.publicKey(), pair.comment()).toOpenSshLine() + "\n";
        AtomicFiles.write(publicKeyPath(file), pub.getBytes(StandardCharsets.UTF_8), AtomicFiles.PUBLIC);
    }

    /** Writes only the private key file (openssh-key-v1, mode 0600), atomically; for passphrase changes. */
    public static void writePrivate(Path file, SshKeyPair pair, char[] passphrase) throws IOException {
        byte[] text = encode(pair, passphrase).getBytes(StandardCharsets.US_ASCII);
        try {
            AtomicFiles.write(file, text, AtomicFiles.OWNER_ONLY);
        } finally {
            Passphrases.wipe(text);
        }
    }

    /** {@code file.pub}. */
    public static Path publicKeyPath(Path file) {
        return file.resolveSibling(file.getFileName() + ".pub");
    }

    static LockedKey parse(byte[] content, String description) throws KeyFormatException {
        if (content.length > MAX_FILE_BYTES) {
            throw new KeyFormatException(description + " is too large to be a key file");
        }
        String text = new String(content, StandardCharsets.UTF_8);
        if (PuttyKeyFile.looksLike(content)) {
            return PuttyKeyFile.parse(text);
        }
        PemBlock block = PemBlock.parse(text);
        if (block == null) {
            throw new KeyFormatException(description + " is not a private key file"
                    + (PublicKeyFiles.looksLikePublicKey(text) ? " (it holds a public key)" : ""));
        }
        if (block.label().equals(OpenSshKeyV1.LABEL)) {
            return OpenSshKeyV1.parse(block.data());
        }
        if (PemKeyFile.handles(block.label())) {
            return PemKeyFile.of(block);
        }
        throw new KeyFormatException("unsupported key file type '" + block.label() + "' in " + description);
    }

    static byte[] readBounded(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new KeyFormatException(file + " is too large to be a key file");
        }
        return Files.readAllBytes(file);
    }
}
