package dev.skiff.ssh.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keys written by Skiff load in the real {@code ssh-keygen}, whose {@code -l} line equals
 * Skiff's; RFC 4716 files written by {@code ssh-keygen -e} parse to the same key.
 */
class KeyFileWriterInteropTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void requireSshKeygen() {
        dev.skiff.testing.Peers.requirePeer(KeyTools.SSH_KEYGEN);
    }

    @ParameterizedTest
    @CsvSource({"ssh-ed25519, ''", "ssh-ed25519, pass phrase", "ecdsa-sha2-nistp256, ''", "ecdsa-sha2-nistp256, pass phrase",
        "ecdsa-sha2-nistp384, ''", "ecdsa-sha2-nistp384, pass phrase", "ecdsa-sha2-nistp521, ''",
        "ecdsa-sha2-nistp521, pass phrase", "ssh-rsa, ''", "ssh-rsa, pass phrase"})
    void skiffWrittenKeysLoadInSshKeygen(String type, String pass) throws Exception {
        SshKeyPair pair = SshKeyGenerator.generate(type, type.equals("ssh-rsa") ? 3072 : 0).withComment("skiff@test key");
        Path file = dir.resolve("id_skiff");
        PrivateKeyFiles.write(file, pair, pass.toCharArray());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(pair.publicKey().toOpenSshString(), KeyTools.sshKeygenPublic(file, pass));
        assertEquals(pair.publicKey().toOpenSshString() + " skiff@test key\n", Files.readString(PrivateKeyFiles.publicKeyPath(file)));
        for (KeyFingerprints.Hash hash : KeyFingerprints.Hash.values()) {
            String expected = KeyTools.run(KeyTools.SSH_KEYGEN, "-l", "-E", hash.name().toLowerCase(), "-f", file.toString());
            assertEquals(expected, KeyFingerprints.sshKeygenLine(pair.publicKey(), pair.comment(), hash) + "\n");
        }
        if (!pass.isEmpty()) {
            Files.delete(PrivateKeyFiles.publicKeyPath(file));
            String expected = KeyTools.run(KeyTools.SSH_KEYGEN, "-l", "-f", file.toString());
            PublicKeyFile pub = PublicKeyFiles.readAny(file, PassphraseProvider.none());
            assertEquals(expected, KeyFingerprints.sshKeygenLine(pub.key(), pub.comment(), KeyFingerprints.Hash.SHA256) + "\n");
        }
        // and back into Skiff
        SshKeyPair again = PrivateKeyFiles.read(file, PassphraseProvider.of(pass.toCharArray()));
        assertEquals(pair.publicKey(), again.publicKey());
        assertEquals("skiff@test key", again.comment());
    }

    @ParameterizedTest
    @CsvSource({"ed25519, 0", "ecdsa, 384", "rsa, 2048"})
    void rfc4716FromSshKeygenParses(String type, int bits) throws Exception {
        Path key = dir.resolve("k");
        KeyTools.run(KeyTools.SSH_KEYGEN, "-q", "-t", type, "-b", Integer.toString(bits == 0 ? 256 : bits), "-N", "",
                "-C", "c", "-f", key.toString());
        String rfc = KeyTools.run(KeyTools.SSH_KEYGEN, "-e", "-f", key + ".pub");
        PublicKeyFile parsed = PublicKeyFiles.parse(rfc);
        PublicKeyFile openssh = PublicKeyFiles.read(Path.of(key + ".pub"));
        assertEquals(openssh.key(), parsed.key());
        assertEquals("c", openssh.comment());
        assertEquals(true, parsed.comment().contains("converted by"), parsed.comment());
    }
}
