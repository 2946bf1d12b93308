package dev.skiff.ssh.userauth;

import dev.skiff.ssh.SshException;
import dev.skiff.ssh.keys.PassphraseProvider;
import dev.skiff.ssh.keys.PrivateKeyFiles;
import dev.skiff.ssh.keys.PublicKeyFiles;
import dev.skiff.ssh.keys.SignatureAlgorithm;
import dev.skiff.ssh.keys.SshKeyPair;
import dev.skiff.ssh.keys.SshPublicKey;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An identity file as OpenSSH uses it: the public key comes from {@code file.pub} (or the file),
 * so the server can be asked about the key first; the private key is read (and the passphrase
 * asked) only when the server accepts the key and a signature is needed.
 */
public final class FileIdentity implements Identity {
    private final Path file;
    private final SshPublicKey publicKey;
    private final PassphraseProvider passphrases;
    private SshKeyPair pair;

    private FileIdentity(Path file, SshPublicKey publicKey, PassphraseProvider passphrases) {
        this.file = file;
        this.publicKey = publicKey;
        this.passphrases = passphrases;
    }

    /** Loads the public half; IOException when the file is missing or unreadable. */
    public static FileIdentity load(Path file, PassphraseProvider passphrases) throws IOException {
        return new FileIdentity(file, PublicKeyFiles.readAny(file, passphrases).key(), passphrases);
    }

    @Override
    public SshPublicKey publicKey() {
        return publicKey;
    }

    @Override
    public synchronized byte[] sign(SignatureAlgorithm algorithm, byte[] data) throws SshException {
        if (pair == null) {
            try {
                pair = PrivateKeyFiles.read(file, passphrases);
            } catch (SshException e) {
                throw e;
            } catch (IOException e) {
                throw new SshException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return algorithm.sign(pair.privateKey(), data);
    }

    @Override
    public String description() {
        return file.toString();
    }
}
