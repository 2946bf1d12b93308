package dev.skiff.cli;

import dev.skiff.ssh.SshException;
import dev.skiff.ssh.keys.PrivateKeyFiles;
import dev.skiff.ssh.keys.SshKeyGenerator;
import dev.skiff.ssh.keys.SshKeyPair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Host keys of {@code skiff server}: the {@code --host-key} files when given (unencrypted private
 * keys in any format Skiff reads), else the server's own keys in the state directory
 * ({@code ssh_host_ed25519_key}, {@code ssh_host_ecdsa_key} (nistp256), {@code ssh_host_rsa_key}
 * (3072 bits)), generated on first start and kept: openssh-key-v1, written atomically with mode
 * 0600 (the directory 0700), each with its {@code .pub}.
 */
final class ServerHostKeys {
    /** File name and key type of the generated keys. */
    static final List<String[]> GENERATED = List.of(new String[] {"ssh_host_ed25519_key", "ssh-ed25519"},
            new String[] {"ssh_host_ecdsa_key", "ecdsa-sha2-nistp256"}, new String[] {"ssh_host_rsa_key", "ssh-rsa"});

    private ServerHostKeys() {
    }

    /** Reads the given key files; an encrypted one is refused (no passphrase is asked). */
    static List<SshKeyPair> read(List<Path> files) throws IOException {
        List<SshKeyPair> keys = new ArrayList<>();
        for (Path f : files) {
            keys.add(PrivateKeyFiles.read(f, (description, attempt) -> null));
        }
        return keys;
    }

    /** The keys in {@code stateDir}, generating and writing those that are missing. */
    static List<SshKeyPair> loadOrCreate(Path stateDir, ServerLog log) throws IOException {
        if (!Files.isDirectory(stateDir)) {
            Files.createDirectories(stateDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        List<SshKeyPair> keys = new ArrayList<>();
        for (String[] spec : GENERATED) {
            Path file = stateDir.resolve(spec[0]);
            if (Files.exists(file)) {
                keys.add(PrivateKeyFiles.read(file, (description, attempt) -> null));
                continue;
            }
            SshKeyPair pair = SshKeyGenerator.generate(spec[1], spec[1].equals("ssh-rsa") ? 3072 : 0)
                    .withComment("skiff-server");
            PrivateKeyFiles.write(file, pair, null);
            log.info("generated host key " + file);
            keys.add(pair);
        }
        if (keys.isEmpty()) {
            throw new SshException("no host keys in " + stateDir);
        }
        return keys;
    }

    /** {@code $XDG_CONFIG_HOME/skiff/server}, else {@code ~/.config/skiff/server}. */
    static Path defaultStateDir() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && xdg.startsWith("/") ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("skiff").resolve("server");
    }
}
