package dev.skiff.ssh.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skiff.testing.Exec;
import dev.skiff.testing.Peers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link KeyFingerprints#randomArt} draws exactly what {@code ssh-keygen -lv} prints. */
class KeyFingerprintsRandomArtTest {
    private static final String SSH_KEYGEN = "/usr/bin/ssh-keygen";

    @TempDir
    Path dir;

    @BeforeAll
    static void requireSshKeygen() {
        Peers.requirePeer(SSH_KEYGEN);
    }

    @ParameterizedTest
    @CsvSource({"ed25519, 0", "ed25519, 0", "ed25519, 0", "ecdsa, 256", "ecdsa, 384", "ecdsa, 521", "rsa, 2048"})
    void matchesSshKeygen(String type, int bits) throws Exception {
        Path key = dir.resolve("id_" + type + "_" + System.nanoTime());
        if (bits > 0) {
            Exec.output(SSH_KEYGEN, "-q", "-t", type, "-b", Integer.toString(bits), "-N", "", "-f", key.toString());
        } else {
            Exec.output(SSH_KEYGEN, "-q", "-t", type, "-N", "", "-f", key.toString());
        }
        Path pub = Path.of(key + ".pub");
        String printed = Exec.output(SSH_KEYGEN, "-lv", "-E", "sha256", "-f", pub.toString()).strip();
        String expectedArt = printed.substring(printed.indexOf('\n') + 1);
        SshPublicKey parsed = PublicKeys.parseOpenSsh(Files.readString(pub).strip());
        assertEquals(expectedArt, KeyFingerprints.randomArt(parsed));
    }
}
