package dev.skiff.cli;

import dev.skiff.ssh.keys.KeyFingerprints;
import dev.skiff.ssh.keys.PassphraseCancelledException;
import dev.skiff.ssh.keys.PassphraseProvider;
import dev.skiff.ssh.keys.PrivateKeyFiles;
import dev.skiff.ssh.keys.PublicKeyFile;
import dev.skiff.ssh.keys.PublicKeyFiles;
import dev.skiff.ssh.keys.SshKeyGenerator;
import dev.skiff.ssh.keys.SshKeyPair;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code skiff keygen}: like OpenSSH's ssh-keygen for the common cases. Generates ed25519, ecdsa
 * and rsa keys (openssh-key-v1, bcrypt + aes256-ctr when a passphrase is set), prints
 * fingerprints ({@code -l}, same output as {@code ssh-keygen -l}), prints the public key of a
 * private key file ({@code -y}) and changes passphrases ({@code -p}). Reads every key format
 * {@link PrivateKeyFiles} reads. Passphrases come from -P/-N or the terminal (no echo). Exit 0 on
 * success, 1 with one line on stderr on failure.
 */
@Command(name = "keygen", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Generate SSH keys, show fingerprints, print public keys, change passphrases (like ssh-keygen).")
public final class KeygenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "-t", paramLabel = "type", description = "Key type to generate: ed25519 (default), ecdsa, rsa.")
    String type = "ed25519";

    @Option(names = "-b", paramLabel = "bits", description = "Key size: rsa >= 1024 (default 3072), ecdsa 256 (default), 384, 521.")
    int bits;

    @Option(names = "-f", paramLabel = "file", description = "Key file (default ~/.ssh/id_<type> when generating).")
    Path file;

    @Option(names = "-N", paramLabel = "new_passphrase", description = "New passphrase (\"\" for none).")
    String newPassphrase;

    @Option(names = "-P", paramLabel = "old_passphrase", description = "Current passphrase.")
    String oldPassphrase;

    @Option(names = "-C", paramLabel = "comment", description = "Comment of a new key (default user@host).")
    String comment;

    @Option(names = "-q", description = "Quiet.")
    boolean quiet;

    @Option(names = "-l", description = "Show the fingerprint of a public or private key file.")
    boolean fingerprint;

    @Option(names = "-E", paramLabel = "hash", description = "Fingerprint hash for -l: sha256 (default) or md5.")
    String hash = "sha256";

    @Option(names = "-y", description = "Print the public key of a private key file.")
    boolean printPublic;

    @Option(names = "-p", description = "Change the passphrase of a private key file.")
    boolean changePassphrase;

    /** Where passphrases are read when not given as options; replaced by tests. */
    KeygenTerminal terminal = KeygenTerminal.system();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if ((fingerprint ? 1 : 0) + (printPublic ? 1 : 0) + (changePassphrase ? 1 : 0) > 1) {
                throw new KeygenException("use only one of -l, -y, -p");
            }
            if (fingerprint) {
                out.println(fingerprintLine());
            } else if (printPublic) {
                SshKeyPair pair = PrivateKeyFiles.read(requireFile(), oldPassphraseProvider());
                out.println(new PublicKeyFile(pair.publicKey(), pair.comment()).toOpenSshLine());
            } else if (changePassphrase) {
                changePassphrase(out);
            } else {
                generate(out);
            }
            return 0;
        } catch (PassphraseCancelledException e) {
            err.println("skiff keygen: " + (oldPassphrase != null ? "incorrect passphrase for " + file : e.getMessage()));
            return 1;
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("skiff keygen: " + e.getFile() + ": No such file or directory");
            return 1;
        } catch (java.nio.file.AccessDeniedException e) {
            err.println("skiff keygen: " + e.getFile() + ": Permission denied");
            return 1;
        } catch (KeygenException | IOException e) {
            err.println("skiff keygen: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private String fingerprintLine() throws IOException {
        KeyFingerprints.Hash h = switch (hash.toLowerCase(Locale.ROOT)) {
            case "sha256" -> KeyFingerprints.Hash.SHA256;
            case "md5" -> KeyFingerprints.Hash.MD5;
            default -> throw new KeygenException("invalid hash algorithm \"" + hash + "\" (use sha256 or md5)");
        };
        Path f = requireFile();
        PublicKeyFile pub = PublicKeyFiles.readAny(f, oldPassphraseProvider());
        return KeyFingerprints.sshKeygenLine(pub.key(), pub.comment(), h);
    }

    private void changePassphrase(PrintWriter out) throws IOException {
        Path f = requireFile();
        SshKeyPair pair = PrivateKeyFiles.read(f, oldPassphraseProvider());
        char[] fresh = newPassphrase();
        try {
            PrivateKeyFiles.writePrivate(f, pair, fresh);
        } finally {
            Arrays.fill(fresh, '\0');
        }
        out.println("Your identification has been saved with the new passphrase.");
    }

    private void generate(PrintWriter out) throws IOException {
        String keyType = KeygenFiles.keyType(type, bits);
        Path f = file != null ? file : KeygenFiles.defaultFile(type);
        if (Files.exists(f)) {
            throw new KeygenException(f + " already exists");
        }
        if (!quiet) {
            out.println("Generating public/private " + type + " key pair.");
            out.flush();
        }
        SshKeyPair pair = SshKeyGenerator.generate(keyType, bits).withComment(comment != null ? comment : KeygenFiles.defaultComment());
        char[] pass = newPassphrase();
        try {
            PrivateKeyFiles.write(f, pair, pass);
        } finally {
            Arrays.fill(pass, '\0');
        }
        if (!quiet) {
            out.println("Your identification has been saved in " + f);
            out.println("Your public key has been saved in " + PrivateKeyFiles.publicKeyPath(f));
            out.println("The key fingerprint is:");
            out.println(pair.publicKey().sha256Fingerprint() + " " + pair.comment());
        }
    }

    private Path requireFile() {
        if (file == null) {
            throw new KeygenException("no key file given (use -f file)");
        }
        return file;
    }

    /** -P as a single answer, else the terminal. */
    private PassphraseProvider oldPassphraseProvider() {
        if (oldPassphrase != null) {
            return (description, attempt) -> attempt == 1 ? oldPassphrase.toCharArray() : null;
        }
        return (description, attempt) -> terminal.readPassphrase("Enter passphrase for " + description + ": ");
    }

    private char[] newPassphrase() {
        if (newPassphrase != null) {
            return newPassphrase.toCharArray();
        }
        char[] first = terminal.readPassphrase("Enter passphrase (empty for no passphrase): ");
        char[] second = terminal.readPassphrase("Enter same passphrase again: ");
        if (first == null || second == null) {
            throw new KeygenException("no terminal to read the new passphrase from; give it with -N");
        }
        boolean same = Arrays.equals(first, second);
        Arrays.fill(second, '\0');
        if (!same) {
            Arrays.fill(first, '\0');
            throw new KeygenException("passphrases do not match");
        }
        return first;
    }
}
